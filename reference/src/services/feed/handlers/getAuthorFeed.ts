import type { Handler } from '../../../platform/service-module.ts';
import { timelinePage } from './timeline-page.ts';

export const getAuthorFeed: Handler = (ctx) => timelinePage(ctx, [ctx.params.user_id as string]);
