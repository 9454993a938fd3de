import type { AuthzLookups } from '../shared/authz/types.ts';
import type { Queryable } from '../shared/db/queryable.ts';
import type { OperationHandler } from '../shared/http/handler-types.ts';
import type { PlatformDeps } from './deps.ts';
import type { ServiceName } from './service-names.ts';

/** One service: its spec, its migrations, one handler per operationId, and the lookups its `x-authz` rules need. */
export interface ServiceModule {
  name: ServiceName;
  specFile: string;
  migrationsDir: string;
  handlers: Record<string, OperationHandler<PlatformDeps>>;
  lookups(db: Queryable): AuthzLookups;
}

export type Handler = OperationHandler<PlatformDeps>;
