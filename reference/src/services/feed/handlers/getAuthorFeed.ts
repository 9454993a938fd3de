import type { feed } from '@socialnet/generated/server-types/index.ts';
import type { Handler } from '../../../platform/service-module.ts';
import { timelinePage } from './timeline-page.ts';

export const getAuthorFeed: Handler<feed.operations['getAuthorFeed']> = (ctx) =>
  timelinePage(ctx, [ctx.params.user_id]);
