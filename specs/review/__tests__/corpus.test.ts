// The labelled corpus: every pair classified as expected, with exactly its semantic rules and at least its engine
// findings; and docs/spec-review.md shows the table this run makes (regenerate: npm run review:table -w specs).
import { describe, expect, it } from 'vitest';
import { loadCorpus, runCorpus, type PairResult } from '../corpus/corpus.ts';
import { committedTable, corpusTable } from '../corpus/table.ts';
import { RULES } from '../rules/index.ts';

const pairs = loadCorpus();

describe('spec-review corpus', () => {
  let results: PairResult[] = [];

  it('has at least 40 pairs and covers every semantic rule', () => {
    expect(pairs.length).toBeGreaterThanOrEqual(40);
    const covered = new Set(pairs.flatMap((p) => p.rules));
    expect(RULES.map((r) => r.id).filter((id) => !covered.has(id))).toEqual([]);
    expect(new Set(pairs.map((p) => p.id)).size).toBe(pairs.length);
  });

  it('classifies 100% of the pairs as labelled', async () => {
    results = await runCorpus(pairs);
    const got = results.map((r) => ({
      id: r.pair.id,
      verdict: r.verdict,
      rules: [...new Set(r.findings.filter((f) => f.engine === 'socialnet').map((f) => f.id))].sort(),
      engines: (r.pair.engines ?? []).filter((id) => r.findings.some((f) => f.engine !== 'socialnet' && f.id === id)),
      acknowledged: [...new Set(r.findings.filter((f) => f.acknowledged).map((f) => f.id))],
    }));
    const want = pairs.map((p) => ({
      id: p.id,
      verdict: p.expect,
      rules: [...p.rules].sort(),
      engines: p.engines ?? [],
      acknowledged: p.acknowledged ?? [],
    }));
    expect(got).toEqual(want);
    // every finding of our rules names the spec file and line in both versions where both exist
    for (const f of results.flatMap((r) => r.findings).filter((x) => x.engine === 'socialnet')) {
      expect(f.base?.line, `${f.id} ${f.subject}`).toBeGreaterThan(0);
    }
  }, 900_000);

  it('docs/spec-review.md shows the table of this run (npm run review:table -w specs)', () => {
    expect(results.length).toBe(pairs.length);
    expect(committedTable()).toBe(corpusTable(results));
  });
});
