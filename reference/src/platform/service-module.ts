import type { AuthzLookups } from '../shared/authz/types.ts';
import type { Queryable } from '../shared/db/queryable.ts';
import type { OperationHandler } from '../shared/http/handler-types.ts';
import type { PlatformDeps } from './deps.ts';
import type { ServiceName } from './service-names.ts';

/**
 * A handler of the platform. Give it its operation from `generated/server-types` and its request parts are typed:
 * `const getChat: Handler<chats.operations['getChat']> = async (ctx) => ... ctx.params.chat_id (a number) ...`.
 */
export type Handler<Op = any> = OperationHandler<PlatformDeps, Op>;

/** Handlers by operationId, each typed by its own operation (`Ops` is a service's generated `operations`). */
export type HandlersOf<Ops> = { [Id in keyof Ops]?: Handler<Ops[Id]> };

/** One service: its spec, its migrations, one handler per operationId, and the lookups its `x-authz` rules need. */
export interface ServiceModule {
  name: ServiceName;
  specFile: string;
  migrationsDir: string;
  handlers: Record<string, Handler>;
  lookups(db: Queryable): AuthzLookups;
}
