import { defineDefect } from './fixture.ts';
import { wrapHandler } from './wrap-handler.ts';

/**
 * Not a review defect: a mutation that proves contract.response-schema. listInterests answers its numbers (the page's
 * limit and offset, each interest's id) as strings where the schema says integer: a serializer that quotes numbers.
 */
export default defineDefect({
  id: 'X7',
  slug: 'numbers-as-strings',
  reproduces:
    'a mutation: listInterests returns its page numbers and ids as strings, against its documented schema (integer)',
  variant: {
    handlers: wrapHandler('users', 'listInterests', (original) => async (ctx) => {
      const result = await original(ctx);
      const body = result.body as { items: Array<{ id: unknown }>; limit: unknown; offset: unknown };
      const items = body.items.map((item) => ({ ...item, id: String(item.id) }));
      return { ...result, body: { ...body, items, limit: String(body.limit), offset: String(body.offset) } };
    }),
  },
});
