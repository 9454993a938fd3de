// generated/ is what `npm run generate` makes from the committed specs: regenerate into a temporary directory and
// compare byte for byte (scripts/generate/drift.ts, which `npm run spec:review` runs too). Also proves
// reproducibility (the same inputs give the same bytes).
import { describe, expect, it } from 'vitest';
import { generatedDrift } from '../drift.ts';

describe('generated/ is up to date with the specs', () => {
  it('regenerating changes nothing (run `npm run generate` and commit when this fails)', async () => {
    expect(await generatedDrift()).toEqual([]);
  }, 300_000);
});
