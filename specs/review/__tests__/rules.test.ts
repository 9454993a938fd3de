// Table test of every semantic rule alone (no engines): on each corpus pair, the rule fires exactly when the pair
// lists it, with its own id and class, and a finding that names the subject and the base line.
import { afterAll, describe, expect, it } from 'vitest';
import { applyPair, loadCorpus, REPO_ROOT } from '../corpus/corpus.ts';
import { RULES } from '../rules/index.ts';
import { SpecTree } from '../spec-tree.ts';

const pairs = loadCorpus();
const base = new SpecTree(REPO_ROOT, 'base');
const heads = new Map<string, { tree: SpecTree; dispose(): void }>();
const headOf = (id: string) => {
  if (!heads.has(id)) {
    const applied = applyPair(pairs.find((p) => p.id === id)!.edits);
    heads.set(id, { tree: new SpecTree(applied.root, id), dispose: applied.dispose });
  }
  return heads.get(id)!.tree;
};
afterAll(() => heads.forEach((h) => h.dispose()));

describe.each(RULES.map((rule) => [rule.id, rule] as const))('%s', (_id, rule) => {
  it('is silent on identical specs', () => {
    expect(rule.check(base, new SpecTree(REPO_ROOT, 'same'))).toEqual([]);
  });

  it('fires exactly on the corpus pairs that list it, with its id, class, subject and base line', async () => {
    const fired: Record<string, ReturnType<typeof rule.check>> = {};
    for (const p of pairs) {
      fired[p.id] = rule.check(base, headOf(p.id));
      await new Promise(setImmediate); // one pair at a time, so the worker keeps answering vitest
    }
    expect(Object.fromEntries(pairs.map((p) => [p.id, fired[p.id]!.length > 0]))).toEqual(
      Object.fromEntries(pairs.map((p) => [p.id, p.rules.includes(rule.id)])),
    );
    for (const f of Object.values(fired).flat()) {
      expect(f).toMatchObject({ id: rule.id, engine: 'socialnet', class: rule.class });
      expect(f.subject).not.toBe('');
      expect(f.base?.line).toBeGreaterThan(0);
      expect(f.message).not.toBe('');
    }
  }, 300_000);
});
