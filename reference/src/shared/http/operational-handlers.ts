import type { ReadinessCheck } from '../observability/readiness.ts';
import type { Metrics } from '../observability/metrics.ts';
import { ProblemError } from '../problem/problem.ts';
import type { OperationHandler } from './handler-types.ts';

/** Liveness, readiness and metrics, bound to whatever operationId the spec gives `/healthz`, `/readyz`, `/metrics`. */
export function operationalHandlers(
  metrics: Metrics,
  readiness: () => ReadinessCheck[],
): Record<string, OperationHandler<unknown>> {
  return {
    '/healthz': async () => ({ status: 200, body: { status: 'ok' } }),
    '/readyz': async () => {
      const results = await Promise.all(
        readiness().map(async (c) => {
          try {
            await c.check();
            return [c.name, 'ok'] as const;
          } catch {
            return [c.name, 'unavailable'] as const;
          }
        }),
      );
      const down = results.filter(([, state]) => state !== 'ok').map(([name]) => name);
      if (down.length > 0)
        throw new ProblemError('service-unavailable', `unavailable: ${down.join(', ')}`, {
          headers: { 'Retry-After': '5' },
        });
      return { status: 200, body: { status: 'ok', checks: Object.fromEntries(results) } };
    },
    '/metrics': async () => ({
      status: 200,
      raw: { contentType: metrics.registry.contentType, data: Buffer.from(await metrics.registry.metrics()) },
    }),
  };
}
