import type { Handler } from '../../../platform/service-module.ts';
import { timelinesRepo } from '../repositories/timelines.ts';
import { timelinePage } from './timeline-page.ts';

/** A celebrity's timeline; empty for a user who is not one. */
export const getCelebrityFeed: Handler = async (ctx) => {
  const userId = ctx.params.user_id as string;
  return timelinePage(ctx, (await timelinesRepo.isCelebrity(ctx.db, userId)) ? [userId] : []);
};
