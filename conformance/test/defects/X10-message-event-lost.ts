import { defineDefect } from './fixture.ts';
import { wrapHandler } from './wrap-handler.ts';

type Tx = { query(sql: string, params?: unknown[]): Promise<unknown> };

/** A transaction in which writes to the outbox succeed and store nothing. */
function withoutOutbox<T extends Tx>(tx: T): T {
  return new Proxy(tx, {
    get(target, property) {
      if (property === 'query') {
        return (sql: string, params?: unknown[]) =>
          /^\s*INSERT INTO public\.outbox\b/i.test(sql)
            ? Promise.resolve({ rows: [], rowCount: 1 })
            : target.query(sql, params);
      }
      const value = Reflect.get(target, property);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/**
 * Not a review defect: a mutation that proves events.emitted. sendMessage stores the message and answers 201, but its
 * messages.created event never reaches the outbox, so it is never published (the original published after the commit,
 * fire-and-forget, and lost what failed).
 */
export default defineDefect({
  id: 'X10',
  slug: 'message-event-lost',
  reproduces: 'a mutation: sendMessage commits the message without its messages.created event (the event is lost)',
  variant: {
    handlers: wrapHandler(
      'chats',
      'sendMessage',
      (original) => (ctx) =>
        original({ ...ctx, inTransaction: (fn) => ctx.inTransaction((tx) => fn(withoutOutbox(tx))) }),
    ),
  },
});
