import { defineDefect } from './fixture.ts';
import { wrapHandler } from './wrap-handler.ts';

/**
 * Not a review defect: a mutation that proves contract.problem-shape. viewPost answers "no such post" as
 * `{"error": "..."}` in application/json, the original handlers' error shape, instead of problem+json.
 */
export default defineDefect({
  id: 'X6',
  slug: 'errors-not-problems',
  reproduces: 'the original handlers\' errors: viewPost\'s 404 as {"error": "..."} instead of RFC 9457 problem+json',
  variant: {
    handlers: wrapHandler('posts', 'viewPost', (original) => async (ctx) => {
      try {
        return await original(ctx);
      } catch (error) {
        if ((error as { status?: number }).status !== 404) throw error;
        return { status: 404, body: { error: (error as Error).message } };
      }
    }),
  },
});
