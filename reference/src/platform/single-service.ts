import { mediaSigningKeyFrom } from '../services/media/keys.ts';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../shared/db/open-database.ts';
import { createServiceClient } from '../shared/http/service-client.ts';
import { createLogger } from '../shared/observability/logger.ts';
import { createMetrics } from '../shared/observability/metrics.ts';
import { diskStorage } from '../shared/storage/storage.ts';
import { buildService } from './build-service.ts';
import { listen } from './listen.ts';
import { migrateAll } from './platform.ts';
import type { ServiceName } from './service-names.ts';
import { ALL_SERVICES } from './services.ts';

export interface SingleServiceOptions {
  service: ServiceName;
  port?: number;
  jwtSecret: string;
  databaseUrl?: string;
  dataDir?: string;
  mediaDir?: string;
  logLevel?: string;
  /** Where the services this one calls are (e.g. posts needs media and feedback). */
  serviceUrls: Partial<Record<ServiceName, string>>;
  /** The gateway's `/api` URL, for links handed to clients (media `url`); default this service's own URL. */
  publicApiUrl?: string;
}

/** One service alone on its own port, calling the others at the URLs it is given. */
export async function startSingleService(o: SingleServiceOptions): Promise<{ url: string; close(): Promise<void> }> {
  const module = ALL_SERVICES.find((m) => m.name === o.service)!;
  const log = createLogger(o.logLevel);
  const metrics = createMetrics();
  const db = await openDatabase(o);
  await migrateAll(db, [module]);
  const mediaDir = o.mediaDir ?? (await mkdtemp(path.join(os.tmpdir(), 'socialnet-media-')));
  let ownUrl = '';
  const urlOf = (name: ServiceName) => {
    const url = o.serviceUrls[name];
    if (!url) throw new Error(`${o.service} needs --${name}-url to call the ${name} service`);
    return url;
  };
  const app = await buildService(module, {
    db,
    log,
    metrics,
    jwtSecret: o.jwtSecret,
    extraReadiness: [],
    deps: {
      db,
      log,
      jwtSecret: o.jwtSecret,
      storage: diskStorage(mediaDir),
      mediaSigningKey: mediaSigningKeyFrom(o.jwtSecret),
      publicApiUrl: () => o.publicApiUrl ?? ownUrl,
      serviceUrl: urlOf,
      client: (to) => createServiceClient(to, () => urlOf(to), true),
    },
  });
  const server = await listen(app, o.port ?? 0);
  ownUrl = server.url;
  return {
    url: server.url,
    close: async () => {
      await server.close();
      await db.close();
    },
  };
}
