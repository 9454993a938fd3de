import type { NextFunction, Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import type { Logger } from './logger.ts';
import type { Metrics } from './metrics.ts';

/** Where the spec router writes the matched route template, for the latency histogram's `route` label. */
export const ROUTE_LOCAL = 'routeTemplate';

/** Times every request, labels it by route template (never the raw path: bounded cardinality) and logs one line. */
export function observe(service: string, metrics: Metrics, log: Logger) {
  return (req: Request, res: Response, next: NextFunction) => {
    const started = process.hrtime.bigint();
    const requestId = (req.headers['x-request-id'] as string | undefined) ?? randomUUID();
    req.headers['x-request-id'] = requestId; // the service behind the gateway (in process or proxied) logs the same id
    res.setHeader('X-Request-Id', requestId);
    res.on('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const route = (res.locals[ROUTE_LOCAL] as string | undefined) ?? 'unmatched';
      metrics.httpDuration.observe({ service, method: req.method, route, status: String(res.statusCode) }, seconds);
      log.info(
        {
          service,
          requestId,
          method: req.method,
          route,
          path: req.originalUrl,
          status: res.statusCode,
          ms: Math.round(seconds * 1000),
        },
        'request',
      );
    });
    next();
  };
}
