import { makePublic } from '@socialnet/reference';
import { defineDefect } from './fixture.ts';

/** Review item 5: GET /users/{user_id}/notifications is public and returns the path user's notifications. */
export default defineDefect({
  id: 'D5',
  slug: 'public-user-notifications',
  reproduces:
    "review item 5: notification-service registered the path without the auth middleware, and List preferred the path's user_id",
  variant: {
    transformSpec(service, doc) {
      if (service === 'notifications')
        makePublic(doc, 'listUserNotifications', 'the original registered this route without auth');
    },
  },
});
