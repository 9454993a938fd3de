import { mediaSigningKeyFrom } from '../services/media/keys.ts';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type Express } from 'express';
import { jwtKey } from '../shared/auth/jwt-secret.ts';
import { migrate } from '../shared/db/migrate.ts';
import { openDatabase } from '../shared/db/open-database.ts';
import type { Database } from '../shared/db/queryable.ts';
import { createServiceClient } from '../shared/http/service-client.ts';
import { createLogger, type Logger } from '../shared/observability/logger.ts';
import { createMetrics, type Metrics } from '../shared/observability/metrics.ts';
import type { ReadinessCheck } from '../shared/observability/readiness.ts';
import { diskStorage } from '../shared/storage/storage.ts';
import { createGateway, type Upstream } from '../gateway/gateway.ts';
import { loadRouteTable } from '../gateway/route-table.ts';
import { mountOperational } from '../gateway/operational.ts';
import { databaseCheck } from '../shared/observability/readiness.ts';
import { buildService } from './build-service.ts';
import type { PlatformDeps } from './deps.ts';
import { listen, type Listening } from './listen.ts';
import type { ServiceModule } from './service-module.ts';
import type { ServiceName } from './service-names.ts';
import { ALL_SERVICES } from './services.ts';
import { forwardsBearer, type PlatformVariant } from './variant.ts';

export interface PlatformOptions {
  /** Gateway port; 0 (default) picks a free one. */
  port?: number;
  /** Each service on its own port, calling the others over HTTP; the gateway proxies to them. */
  split?: boolean;
  /** Real PostgreSQL; without it, embedded PGlite (in memory, or in `dataDir`). */
  databaseUrl?: string;
  dataDir?: string;
  /** An already open database to share (tests); the platform then does not close it. */
  db?: Database;
  jwtSecret: string;
  /** Where media bytes go (default: a fresh temporary folder). */
  mediaDir?: string;
  variant?: PlatformVariant;
  logLevel?: string;
  /** Only these services (default: all). */
  services?: ServiceName[];
  /**
   * Where the services call a dependency instead of the platform's own (e.g. media → a conformance recording double);
   * the platform still serves its own copy of that service to clients.
   */
  serviceUrls?: Partial<Record<ServiceName, string>>;
  /** Extra readiness checks (e.g. the event side's consumers), evaluated on every /readyz. */
  readiness?: ReadinessCheck[];
}

export interface Platform {
  /** The gateway's base URL; the API is under `${baseUrl}/api`. */
  baseUrl: string;
  /** Each service's own base URL (the paths of its spec). */
  services: Record<ServiceName, string>;
  db: Database;
  log: Logger;
  metrics: Metrics;
  /** Adds a check to every /readyz (the platform's and each service's), e.g. the event side's once it runs. */
  addReadiness(check: ReadinessCheck): void;
  close(): Promise<void>;
}

const SHARED_MIGRATIONS = fileURLToPath(new URL('../shared/db/migrations', import.meta.url));

export async function migrateAll(db: Database, modules: ServiceModule[] = ALL_SERVICES): Promise<void> {
  await migrate(db, 'platform', SHARED_MIGRATIONS);
  for (const m of modules) await migrate(db, m.name, m.migrationsDir);
}

/** The app the platform listens with: operational endpoints, then (in process) the services, then the gateway. */
function rootApp(): Express {
  const root = express();
  root.disable('x-powered-by');
  root.set('etag', false); // the one conditional request the specs define (listRelationships) sets its own ETag
  return root;
}

export async function startPlatform(options: PlatformOptions): Promise<Platform> {
  jwtKey(options.jwtSecret); // refuses an empty secret before anything starts
  const log = createLogger(options.logLevel);
  const metrics = createMetrics();
  const db = options.db ?? (await openDatabase(options));
  const modules = ALL_SERVICES.filter((m) => !options.services || options.services.includes(m.name));
  await migrateAll(db, modules);
  const mediaDir = options.mediaDir ?? (await mkdtemp(path.join(os.tmpdir(), 'socialnet-media-')));
  const urls = {} as Record<ServiceName, string>;
  let baseUrl = '';
  const callUrl = (name: ServiceName) => options.serviceUrls?.[name] ?? urls[name];
  const depsFor = (from: ServiceName): PlatformDeps => ({
    db,
    log,
    jwtSecret: options.jwtSecret,
    storage: diskStorage(mediaDir),
    mediaSigningKey: mediaSigningKeyFrom(options.jwtSecret),
    publicApiUrl: () => `${baseUrl}/api`,
    serviceUrl: callUrl,
    client: (to) => createServiceClient(to, () => callUrl(to), forwardsBearer(options.variant, from, to)),
  });
  const extraReadiness = [...(options.readiness ?? [])]; // shared with every service, so addReadiness reaches them all
  const context = (from: ServiceName) => ({
    db,
    log,
    metrics,
    jwtSecret: options.jwtSecret,
    variant: options.variant,
    deps: depsFor(from),
    extraReadiness,
  });
  const apps = {} as Record<ServiceName, Express>;
  for (const m of modules) apps[m.name] = await buildService(m, context(m.name));
  const routes = await loadRouteTable();
  const readiness = () => [databaseCheck(db), ...extraReadiness];

  const servers: Listening[] = [];
  const upstreams = {} as Record<ServiceName, Upstream>;
  if (options.split) {
    for (const m of modules) {
      const s = await listen(apps[m.name]);
      servers.push(s);
      urls[m.name] = s.url;
      upstreams[m.name] = { kind: 'http', url: () => urls[m.name] };
    }
    const gatewayApp = createGateway(routes, upstreams, metrics, log);
    const root = rootApp();
    mountOperational(root, metrics, readiness);
    root.use(gatewayApp);
    const gateway = await listen(root, options.port ?? 0);
    servers.push(gateway);
    baseUrl = gateway.url;
  } else {
    const root = rootApp();
    mountOperational(root, metrics, readiness);
    for (const m of modules) {
      root.use(`/services/${m.name}`, apps[m.name]);
      upstreams[m.name] = { kind: 'in-process', app: apps[m.name] };
    }
    root.use(createGateway(routes, upstreams, metrics, log));
    const server = await listen(root, options.port ?? 0);
    servers.push(server);
    baseUrl = server.url;
    for (const m of modules) urls[m.name] = `${baseUrl}/services/${m.name}`;
  }
  log.info(
    { baseUrl, services: urls, split: Boolean(options.split), database: db.kind, variant: options.variant?.name },
    'platform started',
  );
  return {
    baseUrl,
    services: urls,
    db,
    log,
    metrics,
    addReadiness: (check) => void extraReadiness.push(check),
    async close() {
      for (const s of servers.reverse()) await s.close();
      if (!options.db) await db.close();
    },
  };
}
