/** The services of the platform, named as in each spec's `info.x-service`. */
export const SERVICE_NAMES = ['users', 'posts', 'media', 'feed', 'chats', 'notifications', 'feedback'] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];
