import type { notifications } from '@socialnet/generated/server-types/index.ts';
import type { ContextWithQuery, OperationResult } from '../../../shared/http/handler-types.ts';
import { type CursorQuery, decodeCursor, page } from '../../../shared/http/pagination.ts';
import type { PlatformDeps } from '../../../platform/deps.ts';
import { notificationsRepo, notificationView } from '../repositories/notifications.ts';

const PG_TIMESTAMP = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d{1,6})?([+-]\d{2}(:\d{2})?|Z)$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One page of a user's notifications, newest first (microsecond timestamps keep the cursor exact). */
export async function notificationsPage(
  ctx: ContextWithQuery<PlatformDeps, CursorQuery>,
  userId: string,
): Promise<OperationResult<notifications.operations['listNotifications'], 200>> {
  const { limit, cursor } = ctx.query;
  const after = decodeCursor<{ t: string; id: string }>(cursor, { t: 'string', id: 'string' });
  if (after && !(PG_TIMESTAMP.test(after.t) && UUID.test(after.id))) decodeCursor('!', { t: 'string' }); // throws the 400
  const rows = await notificationsRepo.page(ctx.db, userId, limit + 1, after);
  const { items, next_cursor } = page(rows, limit, (n) => ({ t: n.cursor_t!, id: n.id }));
  return { status: 200, body: { notifications: items.map(notificationView), limit, next_cursor } };
}
