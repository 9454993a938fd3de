import { caller } from '../shared/http/handler-types.ts';
import type { Handler } from '../platform/service-module.ts';

/** Every service's own `/whoami` (the users service's adds the shard). */
export const whoami: Handler = async (ctx) => ({ status: 200, body: { user_id: caller(ctx).userId } });
