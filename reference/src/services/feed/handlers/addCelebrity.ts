import type { feed } from '@socialnet/generated/server-types/index.ts';
import type { Handler } from '../../../platform/service-module.ts';
import { timelinesRepo } from '../repositories/timelines.ts';

/** `admin` ran first. */
export const addCelebrity: Handler<feed.operations['addCelebrity']> = async (ctx) => {
  await timelinesRepo.addCelebrity(ctx.db, ctx.params.user_id);
  return { status: 200, body: { status: 'ok' } };
};
