import { Router, type Request, type RequestHandler, type Response } from 'express';
import http from 'node:http';
import type { Logger } from '../shared/observability/logger.ts';
import type { Metrics } from '../shared/observability/metrics.ts';
import { observe, ROUTE_LOCAL } from '../shared/observability/observe.ts';
import { ProblemError } from '../shared/problem/problem.ts';
import { sendProblem } from '../shared/http/problem-response.ts';
import type { ServiceName } from '../platform/service-names.ts';
import { type GatewayRoute, matchRoute } from './route-table.ts';

/** How the gateway reaches a service: the service's app in this process, or its URL (split mode). */
export type Upstream = { kind: 'in-process'; app: RequestHandler } | { kind: 'http'; url: () => string };

const HOP_BY_HOP = ['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade', 'te', 'trailer'];

function proxy(url: string, req: Request, res: Response, path: string): void {
  const target = new URL(path, url.endsWith('/') ? url : `${url}/`);
  const headers: http.OutgoingHttpHeaders = { ...req.headers, host: target.host, 'x-forwarded-prefix': req.baseUrl };
  for (const h of HOP_BY_HOP) delete headers[h];
  const upstream = http.request(
    {
      hostname: target.hostname,
      port: target.port,
      method: req.method,
      path: `${new URL(url).pathname.replace(/\/$/, '')}${path}`,
      headers,
    },
    (answer) => {
      res.status(answer.statusCode ?? 502);
      for (const [name, value] of Object.entries(answer.headers))
        if (value !== undefined && !HOP_BY_HOP.includes(name)) res.setHeader(name, value);
      answer.pipe(res);
    },
  );
  upstream.on('error', (error) =>
    sendProblem(res, new ProblemError('bad-gateway', `service unreachable: ${error.message}`), req.originalUrl),
  );
  req.pipe(upstream);
}

/**
 * The one public entry point: `/api/...` routed by the gateway document to the service that serves it. A Router,
 * not an application: mounted in the platform's root app, it spares every request one more Express app layer.
 */
export function createGateway(
  routes: GatewayRoute[],
  upstreams: Record<ServiceName, Upstream>,
  metrics: Metrics,
  log: Logger,
): Router {
  const app = Router();
  app.use(observe('gateway', metrics, log));
  app.use((req, res, next) => {
    const matched = matchRoute(routes, req.method, req.path);
    if (!matched)
      return sendProblem(res, new ProblemError('not-found', `no route ${req.method} ${req.path}`), req.originalUrl);
    if ('allow' in matched) {
      return sendProblem(
        res,
        new ProblemError('method-not-allowed', `${req.method} is not supported on ${req.path}`, {
          headers: { Allow: matched.allow.join(', ') },
        }),
        req.originalUrl,
      );
    }
    res.locals[ROUTE_LOCAL] = matched.template;
    const servicePath = req.url.slice(matched.prefix.length) || '/';
    const upstream = upstreams[matched.service];
    if (upstream.kind === 'http') return proxy(upstream.url(), req, res, servicePath);
    req.url = servicePath;
    upstream.app(req, res, next);
  });
  return app;
}
