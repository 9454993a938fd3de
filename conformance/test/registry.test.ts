import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHECKS } from '../src/checks/index.ts';
import { defectsOf, defineCheck } from '../src/engine/check.ts';
import { loadClauses } from '../src/spec/clauses.ts';
import { REPO_ROOT } from '../src/spec/load.ts';
import { DEFECTS } from './defects/index.ts';

const CHECKS_DIR = join(REPO_ROOT, 'conformance/src/checks');
// A check file is one that defines a check (a family folder may also hold helpers it shares).
const isCheck = (source: string) => /defineCheck(<[^>]*>)?\(/.test(source);
const files = readdirSync(CHECKS_DIR, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.ts') && f !== 'index.ts' && isCheck(readFileSync(join(CHECKS_DIR, f), 'utf8')))
  .map((f) => relative(CHECKS_DIR, join(CHECKS_DIR, f)).replace(/\.ts$/, '').replace('/', '.'));
const docs = readFileSync(join(REPO_ROOT, 'docs/checks.md'), 'utf8');
// Check sections are named by the check id; the others (Outcomes, Exit codes, The config file) are checked below.
const sections = [...docs.matchAll(/^## (.+)$/gm)]
  .map((m) => m[1]!.trim())
  .filter((s) => /^[a-z]+\.[a-z0-9-]+$/.test(s));

describe('check registry', () => {
  it('registers every check file, and each id equals its path', () => {
    expect(CHECKS.map((c) => c.id).sort()).toEqual(files.sort());
  });

  it('has unique ids', () => {
    expect(new Set(CHECKS.map((c) => c.id)).size).toBe(CHECKS.length);
  });

  it('cites only clauses that exist in specs/clauses.yaml', () => {
    const clauses = loadClauses(join(REPO_ROOT, 'specs/clauses.yaml'), REPO_ROOT);
    expect(CHECKS.map((c) => c.clause).filter((id) => !clauses.has(id))).toEqual([]);
  });

  it('documents each check in docs/checks.md exactly once, with its exact failure text', () => {
    expect(sections.sort()).toEqual(CHECKS.map((c) => c.id).sort());
    for (const check of CHECKS) {
      const body = docs.split(`## ${check.id}\n`)[1]!.split('\n## ')[0]!;
      expect(body, check.id).toContain(check.failure);
    }
  });

  it('documents every outcome and every field of the config file', () => {
    const outcomes = docs.split('\n## Outcomes\n')[1]!.split('\n## ')[0]!;
    for (const outcome of [
      'pass',
      'fail-security',
      'fail-deviation',
      'not-implemented',
      'rate-limited',
      'blocked',
      'error',
      'skipped',
    ]) {
      expect(outcomes, outcome).toContain(`| \`${outcome}\` |`);
    }
    const config = docs.split('\n## The config file\n')[1]!.split('\n## ')[0]!;
    const schema = JSON.parse(readFileSync(join(REPO_ROOT, 'conformance/conformance.schema.json'), 'utf8'));
    for (const field of Object.keys(schema.properties))
      expect(config, field).toMatch(new RegExp(`\\| [^|]*\`${field}[\`.][^|]*\\|`));
  });

  it('tags only defects that have a fixture, and every fixture has a check tagged for it', () => {
    const tagged = new Set(CHECKS.flatMap(defectsOf));
    expect([...tagged].sort()).toEqual(DEFECTS.map((d) => d.id).sort());
  });

  it('refuses malformed check metadata when the module loads', () => {
    const base = { title: 't', failure: 'f', clause: 'SN-X', targets: () => [], run: async () => {} };
    expect(() => defineCheck({ ...base, id: 'Authn.Bad', tags: ['authn'] })).toThrow(/family.kebab-name/);
    expect(() => defineCheck({ ...base, id: 'authn.ok', tags: ['authz'] })).toThrow(/family/);
    expect(() => defineCheck({ ...base, id: 'authn.ok', tags: ['authn'], clause: 'nope' })).toThrow(/clause/);
  });
});
