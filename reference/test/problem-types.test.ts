// docs/problems.md and the problem types the reference can send agree in both directions: every type of the code's
// table is documented with the same status and title, every documented type is in the table, and every type in the
// table is one the code actually sends (or one the page says the reference does not use).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PROBLEM_TYPES, type ProblemSlug } from '../src/shared/problem/problem-types.ts';
import { documentedProblems } from './support/problem-docs.ts';

const SRC = fileURLToPath(new URL('../src', import.meta.url));
const TABLE_FILE = join('shared', 'problem', 'problem-types.ts');
const sources = readdirSync(SRC, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.ts') && f !== TABLE_FILE)
  .map((f) => readFileSync(join(SRC, f), 'utf8'))
  .join('\n');
/** Documented as optional and not implemented by the reference (rate limiting). */
const NOT_SENT_BY_THE_REFERENCE: ProblemSlug[] = ['rate-limited'];

describe('problem types: docs/problems.md ⇄ the reference', () => {
  const documented = documentedProblems();
  const table = new Map(Object.entries(PROBLEM_TYPES).map(([slug, t]) => [slug, { status: t.status, title: t.title }]));

  it('the page documents every type of the table, with its status and title', () => {
    expect(table.size).toBeGreaterThan(10);
    for (const [slug, type] of table) expect(documented.get(slug), slug).toEqual(type);
  });

  it('the table holds every type the page documents', () => {
    expect([...documented.keys()].filter((slug) => !table.has(slug))).toEqual([]);
  });

  it('the code sends every type of the table (by its slug), except those the page marks as not used', () => {
    const unused = [...table.keys()].filter((slug) => !sources.includes(`'${slug}'`));
    expect(unused.sort()).toEqual([...NOT_SENT_BY_THE_REFERENCE].sort());
  });

  it('no code writes a problem type URI by hand (all go through the table)', () => {
    expect(sources.match(/socialnet\.dev\/problems\/[a-z]/g) ?? []).toEqual([]);
  });
});
