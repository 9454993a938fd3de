import type { EventHandler } from '../consumer/event-handler.ts';
import { addToAuthorTimeline } from './add-to-author-timeline.ts';
import { notifyChatMembers } from './notify-chat-members.ts';

/** The reference's effects, keyed by the consumer group the AsyncAPI documents name. */
export function defaultHandlers(): Record<string, EventHandler> {
  return {
    'feed-service': addToAuthorTimeline,
    'notification-service': notifyChatMembers,
  };
}
