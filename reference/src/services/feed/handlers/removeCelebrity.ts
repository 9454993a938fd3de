import type { Handler } from '../../../platform/service-module.ts';
import { timelinesRepo } from '../repositories/timelines.ts';

/** `admin` ran first. */
export const removeCelebrity: Handler = async (ctx) => {
  await timelinesRepo.removeCelebrity(ctx.db, ctx.params.user_id as string);
  return { status: 200, body: { status: 'ok' } };
};
