import type { Express } from 'express';
import { jwtAuthenticator } from '../shared/auth/verify-jwt.ts';
import type { Database } from '../shared/db/queryable.ts';
import { createSpecService } from '../shared/http/spec-service.ts';
import type { Logger } from '../shared/observability/logger.ts';
import type { Metrics } from '../shared/observability/metrics.ts';
import { databaseCheck, type ReadinessCheck } from '../shared/observability/readiness.ts';
import { loadSpec } from '../shared/spec/load-spec.ts';
import type { PlatformDeps } from './deps.ts';
import type { ServiceModule } from './service-module.ts';
import type { PlatformVariant } from './variant.ts';

export interface BuildContext {
  db: Database;
  log: Logger;
  metrics: Metrics;
  jwtSecret: string;
  variant?: PlatformVariant;
  deps: PlatformDeps;
  extraReadiness: ReadinessCheck[];
}

/** One service's Express app: its spec (after the variant's transform), its handlers, the shared auth and checks. */
export async function buildService(module: ServiceModule, c: BuildContext): Promise<Express> {
  const loaded = await loadSpec(module.specFile);
  const doc = c.variant?.transformSpec?.(module.name, loaded) ?? loaded;
  const authenticate = c.variant?.authenticators?.[module.name]?.(c.jwtSecret) ?? jwtAuthenticator(c.jwtSecret);
  return createSpecService({
    service: module.name,
    doc,
    handlers: { ...module.handlers, ...c.variant?.handlers?.[module.name] },
    lookups: module.lookups(c.db),
    authenticate,
    db: c.db,
    deps: c.deps,
    log: c.log.child({ service: module.name }),
    metrics: c.metrics,
    readiness: () => [databaseCheck(c.db), ...c.extraReadiness],
  });
}
