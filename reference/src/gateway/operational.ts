import type { Express } from 'express';
import type { Metrics } from '../shared/observability/metrics.ts';
import type { ReadinessCheck } from '../shared/observability/readiness.ts';
import { sendProblem } from '../shared/http/problem-response.ts';
import { ProblemError } from '../shared/problem/problem.ts';

/** The gateway's own /healthz, /readyz (database and extra checks, e.g. the event side) and /metrics (all services of this process). */
export function mountOperational(app: Express, metrics: Metrics, readiness: () => ReadinessCheck[]): void {
  app.get('/healthz', (_req, res) => void res.json({ status: 'ok' }));
  app.get('/readyz', async (req, res) => {
    const results = await Promise.all(
      readiness().map(
        async (c) =>
          [
            c.name,
            await c.check().then(
              () => 'ok',
              () => 'unavailable',
            ),
          ] as const,
      ),
    );
    const down = results.filter(([, s]) => s !== 'ok').map(([n]) => n);
    if (down.length > 0)
      return sendProblem(
        res,
        new ProblemError('service-unavailable', `unavailable: ${down.join(', ')}`, { headers: { 'Retry-After': '5' } }),
        req.originalUrl,
      );
    res.json({ status: 'ok', checks: Object.fromEntries(results) });
  });
  app.get('/metrics', async (_req, res) => {
    res.setHeader('Content-Type', metrics.registry.contentType);
    res.send(await metrics.registry.metrics());
  });
}
