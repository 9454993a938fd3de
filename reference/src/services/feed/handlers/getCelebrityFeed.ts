import type { feed } from '@socialnet/generated/server-types/index.ts';
import type { Handler } from '../../../platform/service-module.ts';
import { timelinesRepo } from '../repositories/timelines.ts';
import { timelinePage } from './timeline-page.ts';

/** A celebrity's timeline; empty for a user who is not one. */
export const getCelebrityFeed: Handler<feed.operations['getCelebrityFeed']> = async (ctx) => {
  const userId = ctx.params.user_id;
  return timelinePage(ctx, (await timelinesRepo.isCelebrity(ctx.db, userId)) ? [userId] : []);
};
