import { describe, expect, it } from 'vitest';
import { runConformance } from '../../src/run.ts';
import { explain, taggedFor, withStatus } from '../harness/expect-run.ts';
import { DEFECTS } from './index.ts';

/**
 * The X fixtures are not review defects: each removes one rule the reference applies from the spec, to prove a check
 * that no review defect exercises. An authorization rule or an idempotency extension cannot change the answers the
 * authn and contract families judge, so these runs select the authz and idempotency families only (to keep the
 * workspace's tests fast); `conformance prove` runs them against every check.
 */
describe('mutation fixtures (X*): each fails exactly its tagged checks among the authz and idempotency families', () => {
  for (const fixture of DEFECTS.filter((d) => d.id.startsWith('X'))) {
    it(`${fixture.id} ${fixture.slug}`, { timeout: 240_000 }, async () => {
      const result = await runConformance({ variant: fixture.variant, only: ['authz', 'idempotency'], concurrency: 8 });
      const tagged = taggedFor(fixture.id).filter((id) => /^(authz|idempotency)\./.test(id));
      expect(tagged.length).toBeGreaterThan(0);
      expect(withStatus(result, 'fail'), explain(result)).toEqual(tagged);
      expect(withStatus(result, 'error'), explain(result)).toEqual([]);
    });
  }
});
