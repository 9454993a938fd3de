import type { notifications } from '@socialnet/generated/server-types/index.ts';
import type { Handler } from '../../../platform/service-module.ts';
import { notificationsPage } from './list-page.ts';

/** The spec's `self` rule made sure the path user is the caller (the original served this publicly: defect D5). */
export const listUserNotifications: Handler<notifications.operations['listUserNotifications']> = (ctx) =>
  notificationsPage(ctx, ctx.params.user_id);
