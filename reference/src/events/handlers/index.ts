import type { EventHandler } from '../consumer/event-handler.ts';

/** The reference's effects, keyed by the consumer group the AsyncAPI documents name. */
export function defaultHandlers(): Record<string, EventHandler> {
  return {};
}
