import { describe, expect, it } from 'vitest';
import { explain, withStatus } from '../harness/expect-run.ts';
import { FOREIGN_CASES } from './failing-cases.ts';
import { outcomes, received } from './verdicts.ts';

describe('foreign failing cases: each fails exactly the checks it names', () => {
  for (const c of FOREIGN_CASES) {
    it(`${c.name}: ${c.behaves}`, { timeout: 120_000 }, async () => {
      const result = await c.run();
      expect(withStatus(result, 'fail'), explain(result)).toEqual([...c.fails].sort());
      expect(withStatus(result, 'error'), explain(result)).toEqual([]);
    });
  }

  it(
    'express-default-404 is judged on both halves: the 404 page is not problem+json, and the wrong method is not 405',
    { timeout: 120_000 },
    async () => {
      const result = await FOREIGN_CASES.find((c) => c.name === 'express-default-404')!.run();
      expect(outcomes(result, 'contract.unknown-route')).toEqual({ 'service users': 'fail-deviation' });
      const texts = received(result, 'contract.unknown-route');
      expect(
        texts.some((t) => /^404 with Content-Type text\/html/.test(t)),
        texts.join('\n'),
      ).toBe(true);
      expect(texts).toContain('404');
    },
  );
});
