import type { Handler } from '../../../platform/service-module.ts';
import { timelinesRepo } from '../repositories/timelines.ts';

/** `admin` ran first. */
export const addCelebrity: Handler = async (ctx) => {
  await timelinesRepo.addCelebrity(ctx.db, ctx.params.user_id as string);
  return { status: 200, body: { status: 'ok' } };
};
