import type { feed } from '@socialnet/generated/server-types/index.ts';
import type { Handler } from '../../../platform/service-module.ts';
import { timelinesRepo } from '../repositories/timelines.ts';

/** `admin` ran first. */
export const removeCelebrity: Handler<feed.operations['removeCelebrity']> = async (ctx) => {
  await timelinesRepo.removeCelebrity(ctx.db, ctx.params.user_id);
  return { status: 200, body: { status: 'ok' } };
};
