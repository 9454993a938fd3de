import { fileURLToPath } from 'node:url';
import type { notifications } from '@socialnet/generated/server-types/index.ts';
import type { HandlersOf, ServiceModule } from '../../platform/service-module.ts';
import { whoami } from '../whoami.ts';
import { createTestNotification } from './handlers/createTestNotification.ts';
import { listNotifications } from './handlers/listNotifications.ts';
import { listUserNotifications } from './handlers/listUserNotifications.ts';
import { markNotificationRead } from './handlers/markNotificationRead.ts';
import { notificationsRepo } from './repositories/notifications.ts';

/** A user's notifications (written by the messages.created consumer of the event side, and by the test endpoint). */
export const notificationsService: ServiceModule = {
  name: 'notifications',
  specFile: 'notifications.yaml',
  migrationsDir: fileURLToPath(new URL('./migrations', import.meta.url)),
  handlers: {
    listNotifications,
    listUserNotifications,
    markNotificationRead,
    createTestNotification,
    notificationsWhoami: whoami,
  } satisfies HandlersOf<notifications.operations>,
  lookups: (db) => ({
    ownerOf: async (kind, id) => (kind === 'notification' ? notificationsRepo.owner(db, id) : undefined),
  }),
};
