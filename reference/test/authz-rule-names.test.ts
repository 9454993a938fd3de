import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { AUTHZ_RULE_NAMES } from '@socialnet/specs/model';
import { describe, expect, it } from 'vitest';
import authzRuleShape from '../../specs/lint/rules/sn-authz-rule-shape.ts';
import { AUTHZ_RULES } from '../src/shared/authz/index.ts';

const RULES_DIR = fileURLToPath(new URL('../src/shared/authz/rules', import.meta.url));
const CONVENTIONS = fileURLToPath(new URL('../../docs/spec-conventions.md', import.meta.url));

/** The rule names of the table in the "Authorization" section of docs/spec-conventions.md. */
function docsTableNames(markdown: string): string[] {
  const section = markdown.split(/^## /m).find((s) => s.startsWith('Authorization')) ?? '';
  return [...section.matchAll(/^\| `([a-z-]+)` \|/gm)].map((m) => m[1]!);
}

/** Every place that lists the x-authz rule names, read as it is. */
function sources(): Record<string, string[]> {
  return {
    'the spec model (specs/model/authz-rules.ts)': [...AUTHZ_RULE_NAMES],
    'the reference registry (reference/src/shared/authz/index.ts)': Object.keys(AUTHZ_RULES),
    'the reference rule files (reference/src/shared/authz/rules/)': readdirSync(RULES_DIR)
      .filter((f) => f.endsWith('.ts') && f !== 'id.ts')
      .map((f) => f.replace(/\.ts$/, '')),
    'the lint rule (specs/lint/rules/sn-authz-rule-shape.ts)':
      authzRuleShape.then.functionOptions.schema.items.properties.rule.enum,
    'the table in docs/spec-conventions.md': docsTableNames(readFileSync(CONVENTIONS, 'utf8')),
  };
}

/** One line per source whose set of names differs from the spec model's. */
function disagreements(all: Record<string, string[]>): string[] {
  const [first, ...others] = Object.entries(all);
  const model = first![1];
  return others.flatMap(([where, names]) => {
    const missing = model.filter((n) => !names.includes(n));
    const extra = names.filter((n) => !model.includes(n));
    return missing.length || extra.length
      ? [`${where}: missing [${missing.join(', ')}], extra [${extra.join(', ')}]`]
      : [];
  });
}

describe('x-authz rule names are listed once and kept in step', () => {
  it("the reference registry, its rule files, the lint rule and the docs table name exactly the model's rules", () => {
    const all = sources();
    expect(Object.values(all).every((names) => names.length === AUTHZ_RULE_NAMES.length)).toBe(true);
    expect(disagreements(all)).toEqual([]);
  });

  it('names the source that differs when one drops a rule or adds one', () => {
    for (const where of Object.keys(sources()).slice(1)) {
      const dropped = sources();
      dropped[where] = dropped[where]!.filter((n) => n !== 'chat-owner');
      expect(disagreements(dropped)).toEqual([`${where}: missing [chat-owner], extra []`]);
      const added = sources();
      added[where] = [...added[where]!, 'chat-admin'];
      expect(disagreements(added)).toEqual([`${where}: missing [], extra [chat-admin]`]);
    }
  });

  it('reads the docs table of the Authorization section only', () => {
    const markdown =
      '## Authorization\n| rule | x |\n|---|---|\n| `self` | a |\n| `owner` | b |\n\n## Errors\n| `not-a-rule` | c |\n';
    expect(docsTableNames(markdown)).toEqual(['self', 'owner']);
  });
});
