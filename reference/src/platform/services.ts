import { chatsService } from '../services/chats/service.ts';
import { feedService } from '../services/feed/service.ts';
import { feedbackService } from '../services/feedback/service.ts';
import { mediaService } from '../services/media/service.ts';
import { notificationsService } from '../services/notifications/service.ts';
import { postsService } from '../services/posts/service.ts';
import { usersService } from '../services/users/service.ts';
import type { ServiceModule } from './service-module.ts';

/** Every service module of the platform. */
export const ALL_SERVICES: ServiceModule[] = [
  usersService,
  postsService,
  mediaService,
  feedService,
  chatsService,
  notificationsService,
  feedbackService,
];
