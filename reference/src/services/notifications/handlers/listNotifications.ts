import type { notifications } from '@socialnet/generated/server-types/index.ts';
import { caller } from '../../../shared/http/handler-types.ts';
import type { Handler } from '../../../platform/service-module.ts';
import { notificationsPage } from './list-page.ts';

export const listNotifications: Handler<notifications.operations['listNotifications']> = (ctx) =>
  notificationsPage(ctx, caller(ctx).userId);
