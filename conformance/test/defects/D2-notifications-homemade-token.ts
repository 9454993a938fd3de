import { defineDefect } from './fixture.ts';
import { originalTokenAuthenticator } from './original-token.ts';

/** Review item 2: the notification service verifies its home-made `raw.sig` HMAC token and refuses the standard JWT. */
export default defineDefect({
  id: 'D2',
  slug: 'notifications-homemade-token',
  reproduces:
    'review item 2: notification-service verifyToken accepted base64url(id).base64url(HMAC-SHA256(secret, raw)) and answered 401 "invalid token" to the JWT the users service issues',
  variant: { authenticators: { notifications: originalTokenAuthenticator } },
});
