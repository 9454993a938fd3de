import type { Database } from '../shared/db/queryable.ts';
import type { ServiceClient } from '../shared/http/service-client.ts';
import type { Logger } from '../shared/observability/logger.ts';
import type { BlobStorage } from '../shared/storage/storage.ts';
import type { ServiceName } from './service-names.ts';

/** What every handler gets besides its request: configuration and clients of the other services. */
export interface PlatformDeps {
  db: Database;
  log: Logger;
  jwtSecret: string;
  /** Media bytes (used by the media service only). */
  storage: BlobStorage;
  /** Key for media URL signatures (GET/PUT /media/{key}/content). */
  mediaSigningKey: string;
  /** Base URL clients use for this platform's public API (the gateway's `/api`), e.g. for media `url` values. */
  publicApiUrl(): string;
  /** Base URL of one service as other services call it. */
  serviceUrl(name: ServiceName): string;
  client(name: ServiceName): ServiceClient;
}
