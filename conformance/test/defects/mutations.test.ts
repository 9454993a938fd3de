import { describe, expect, it } from 'vitest';
import { familyOf } from '../../src/engine/check.ts';
import { runConformance } from '../../src/run.ts';
import { explain, taggedFor, withStatus } from '../harness/expect-run.ts';
import { DEFECTS } from './index.ts';

/** The families a rule, a request schema or a handler of one HTTP operation can change the verdict of. */
const FAMILIES = ['authz', 'idempotency', 'contract'];

/**
 * The X fixtures are not review defects: each removes one rule the reference applies (from the spec, or from a
 * handler through the variant's `handlers`), to prove a check that no review defect exercises. Such a change cannot
 * change what the authn, propagation, events and feed families judge, so these runs select the authz, idempotency
 * and contract families only (to keep the workspace's tests fast); `conformance prove` runs them against every check.
 */
describe('mutation fixtures (X*): each fails exactly its tagged checks among the authz, idempotency and contract families', () => {
  for (const fixture of DEFECTS.filter((d) => d.id.startsWith('X'))) {
    it(`${fixture.id} ${fixture.slug}`, { timeout: 300_000 }, async () => {
      const tagged = taggedFor(fixture.id);
      const only = [...new Set([...FAMILIES, ...tagged.map(familyOf)])];
      const result = await runConformance({ variant: fixture.variant, only, concurrency: 8 });
      expect(tagged.length).toBeGreaterThan(0);
      expect(withStatus(result, 'fail'), explain(result)).toEqual(tagged);
      expect(withStatus(result, 'error'), explain(result)).toEqual([]);
    });
  }
});
