import type { notifications } from '@socialnet/generated/server-types/index.ts';
import { ProblemError } from '../../../shared/problem/problem.ts';
import type { Handler } from '../../../platform/service-module.ts';
import { notificationsRepo, notificationView } from '../repositories/notifications.ts';

const MAX_META_BYTES = 4096;

/** `self` on body.user_id ran first: nobody writes into another user's notifications. */
export const createTestNotification: Handler<notifications.operations['createTestNotification']> = async (ctx) => {
  const { user_id, title, body = '', kind = 'message', meta } = ctx.body;
  if (meta && Buffer.byteLength(JSON.stringify(meta)) > MAX_META_BYTES) {
    throw new ProblemError('validation-failed', 'meta is larger than 4 KiB', {
      errors: [{ pointer: '/body/meta', message: 'larger than 4 KiB serialised' }],
    });
  }
  const row = await notificationsRepo.insert(ctx.db, { userId: user_id, kind, title, body, meta });
  return { status: 201, body: notificationView(row) };
};
