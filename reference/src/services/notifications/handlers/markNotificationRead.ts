import type { notifications } from '@socialnet/generated/server-types/index.ts';
import { ProblemError } from '../../../shared/problem/problem.ts';
import type { Handler } from '../../../platform/service-module.ts';
import { notificationsRepo } from '../repositories/notifications.ts';

/** `owner` (kind notification) ran first; only this row changes (the original's rewrite lost flags). */
export const markNotificationRead: Handler<notifications.operations['markNotificationRead']> = async (ctx) => {
  if (!(await notificationsRepo.markRead(ctx.db, ctx.params.notification_id)))
    throw new ProblemError('not-found', 'notification not found');
  return { status: 200, body: { status: 'ok' } };
};
