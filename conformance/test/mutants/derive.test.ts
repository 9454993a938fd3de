import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { REPO_ROOT } from '../../src/spec/load.ts';
import { FAMILIES, readGuarantees } from '../../src/mutants/guarantees.ts';
import { deriveMutants } from './index.ts';
import { model } from '../../src/spec/model.ts';

const OPENAPI = join(REPO_ROOT, 'specs/openapi');
const ASYNCAPI = join(REPO_ROOT, 'specs/asyncapi');
const METHODS = model.HTTP_METHODS;

/** The guarantees counted straight from the YAML, without the conformance spec model. */
function countedFromYaml(): Record<string, number> {
  const n: Record<string, number> = Object.fromEntries(FAMILIES.map((f) => [f, 0]));
  for (const file of readdirSync(OPENAPI).filter((f) => f.endsWith('.yaml') && f !== 'gateway.yaml')) {
    const doc = parse(readFileSync(join(OPENAPI, file), 'utf8'));
    for (const item of Object.values<any>(doc.paths ?? {})) {
      for (const method of METHODS) {
        const op = item[method];
        if (!op) continue;
        n.authz! += (op['x-authz'] ?? []).length;
        if ((op.security ?? doc.security ?? []).length > 0) n.security! += 1;
        if (op['x-idempotency']) n.idempotency! += 1;
        n.emits! += op['x-emits'] ? [op['x-emits']].flat().length : 0;
        n.propagation! += (op['x-propagates'] ?? []).filter((p: any) => p.credential === 'caller-bearer').length;
        const feed = op['x-feed'];
        if (feed) n.feed! += 1 + 1 + (feed.cursor ? 1 : 0) + feed.excludes.length; // staleness, order, cursor, exclusions
      }
    }
  }
  for (const file of readdirSync(ASYNCAPI).filter((f) => f.endsWith('.yaml'))) {
    const doc = parse(readFileSync(join(ASYNCAPI, file), 'utf8'));
    for (const op of Object.values<any>(doc?.operations ?? {})) {
      if (op.action !== 'receive' || !op['x-consumer'] || !op['x-effect']) continue;
      n.inbox! += 1;
      if (op['x-consumer'].dlq) n.dlq! += 1;
    }
  }
  return n;
}

/** A copy of specs/ that a test may edit. */
function specCopy(): string {
  const root = mkdtempSync(join(tmpdir(), 'mutant-specs-'));
  cpSync(join(REPO_ROOT, 'specs/openapi'), join(root, 'specs/openapi'), { recursive: true });
  cpSync(join(REPO_ROOT, 'specs/asyncapi'), join(root, 'specs/asyncapi'), { recursive: true });
  cpSync(join(REPO_ROOT, 'specs/clauses.yaml'), join(root, 'specs/clauses.yaml'));
  return join(root, 'specs/openapi');
}

describe('mutant derivation: one mutant per guarantee the specs state', () => {
  it('derives, per family, as many mutants as the specs state guarantees, at least 100 in all', async () => {
    const { guarantees } = await readGuarantees();
    const mutants = await deriveMutants(guarantees);
    const perFamily = Object.fromEntries(
      FAMILIES.map((f) => [f, mutants.filter((m) => m.guarantee.family === f).length]),
    );
    expect(perFamily).toEqual(countedFromYaml());
    expect(
      mutants.every((m) => m.variant),
      'every guarantee has a variant that removes it',
    ).toBe(true);
    expect(new Set(mutants.map((m) => m.guarantee.id)).size).toBe(mutants.length);
    expect(mutants.length).toBeGreaterThanOrEqual(100);
  });

  it('a spec with one more rule yields one more mutant, with no new code', async () => {
    const dir = specCopy();
    const before = await deriveMutants((await readGuarantees(dir)).guarantees);
    const file = join(dir, 'feedback.yaml');
    const doc = parse(readFileSync(file, 'utf8'));
    const likePost = Object.values<any>(doc.paths)
      .flatMap((item) => METHODS.map((m) => item[m]))
      .find((op) => op?.operationId === 'likePost');
    likePost['x-authz'].push({ rule: 'admin', clause: 'SN-AUTHZ-ADMIN', why: 'a test-only rule' });
    writeFileSync(file, stringify(doc));
    const after = await deriveMutants((await readGuarantees(dir)).guarantees);
    const added = after.filter((m) => !before.some((b) => b.guarantee.id === m.guarantee.id));
    expect(after.length).toBe(before.length + 1);
    expect(added.map((m) => m.guarantee.id)).toEqual(['authz:likePost:admin']);
    expect(
      (added[0]!.variant as { transformSpec?: unknown }).transformSpec,
      'the authz operator builds its variant',
    ).toBeTypeOf('function');
  });

  it('a consumer added to the AsyncAPI documents yields its inbox and DLQ mutants', async () => {
    const dir = specCopy();
    const before = await readGuarantees(dir);
    const file = join(dir, '../asyncapi/posts.yaml');
    const doc = parse(readFileSync(file, 'utf8'), { merge: true });
    const [id, op] = Object.entries<any>(doc.operations).find(
      ([, o]) => o.action === 'receive' && o['x-consumer'] && o['x-effect'],
    )!;
    doc.operations[`${id}Copy`] = {
      ...structuredClone(op),
      'x-consumer': { ...structuredClone(op['x-consumer']), group: 'search-service' },
    };
    writeFileSync(file, stringify(doc, { aliasDuplicateObjects: false }));
    const after = await readGuarantees(dir);
    const added = after.guarantees.filter((g) => !before.guarantees.some((b) => b.id === g.id)).map((g) => g.id);
    expect(added).toEqual(['inbox:search-service:posts.created', 'dlq:search-service:posts.created']);
  });
});
