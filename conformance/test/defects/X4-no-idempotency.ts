import { defineDefect } from './fixture.ts';

/** Not a review defect: a mutation that proves the idempotency checks (the original A had no Idempotency-Key at all). */
export default defineDefect({
  id: 'X4',
  slug: 'no-idempotency',
  reproduces: 'the original at A: no Idempotency-Key handling anywhere (x-idempotency removed from every operation)',
  variant: {
    transformSpec(_service, doc) {
      for (const item of Object.values((doc.paths ?? {}) as Record<string, Record<string, any>>)) {
        for (const op of Object.values<any>(item)) if (op && typeof op === 'object') delete op['x-idempotency'];
      }
    },
  },
});
