import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { atPointer, operationsOf, readYaml, REPO_DIR, SERVICES, SPECS_DIR, type Json } from './helpers/openapi-docs.ts';

const { clauses } = readYaml(join(SPECS_DIR, 'clauses.yaml')) as { clauses: Record<string, Json> };

/** Every clause id an OpenAPI document cites (x-authz, x-propagates). */
function citedClauses(): Map<string, string> {
  const cited = new Map<string, string>();
  for (const name of SERVICES) {
    for (const { path, method, operation } of operationsOf(
      readYaml(join(SPECS_DIR, 'openapi', `${name}.yaml`)),
      name,
    )) {
      for (const entry of [...(operation['x-authz'] ?? []), ...(operation['x-propagates'] ?? [])]) {
        cited.set(entry.clause, `${name}.yaml ${method.toUpperCase()} ${path}`);
      }
    }
  }
  return cited;
}

describe('specs > clauses.yaml', () => {
  it('defines every clause the OpenAPI documents cite', () => {
    const cited = citedClauses();
    expect(cited.size).toBeGreaterThan(8);
    const missing = [...cited].filter(([id]) => !clauses[id]).map(([id, where]) => `${id} (${where})`);
    expect(missing).toEqual([]);
  });

  it('defines the clauses the conformance suite and docs/defects.md name', () => {
    const required = [
      'SN-AUTHN-STANDARD-JWT',
      'SN-AUTHN-HS256-ONLY',
      'SN-AUTHN-EXP-REQUIRED',
      'SN-AUTHN-SUB-REQUIRED',
      'SN-AUTHZ-CHAT-MEMBER',
      'SN-AUTHZ-MESSAGE-IN-CHAT',
      'SN-AUTHZ-SELF-NOTIFICATIONS',
      'SN-AUTHZ-OWNER',
      'SN-AUTHZ-ADMIN',
      'SN-PROPAGATION-CALLER-BEARER',
      'SN-IDEMPOTENCY-REPLAY',
      'SN-IDEMPOTENCY-MISMATCH',
      'SN-IDEMPOTENCY-IN-FLIGHT',
      'SN-IDEMPOTENCY-SCOPE',
      'SN-ERROR-SHAPE',
      'SN-PAGINATION-CURSOR',
      'SN-EVENTS-CONSUMER-IDEMPOTENT',
      'SN-EVENTS-DLQ',
      'SN-FEED-DESIGN',
    ];
    expect(required.filter((id) => !clauses[id])).toEqual([]);
  });

  it.each(Object.keys(clauses))('%s has a title, a rule and a place in the specs that exists', (id) => {
    const clause = clauses[id];
    expect(id).toMatch(/^SN-[A-Z]+-[A-Z0-9-]+$/);
    expect(clause.title).toEqual(expect.any(String));
    expect(clause.rule).toEqual(expect.any(String));
    const file = join(REPO_DIR, clause.file);
    expect(existsSync(file), clause.file).toBe(true);
    if (file.endsWith('.yaml') && clause.pointer) {
      expect(atPointer(readYaml(file), clause.pointer), `${clause.file}#${clause.pointer}`).toBeDefined();
    }
  });

  it('mirrors the event clauses of specs/asyncapi/clauses.yaml (same title, file and pointer)', () => {
    const events = readYaml(join(SPECS_DIR, 'asyncapi', 'clauses.yaml')).clauses as Record<string, Json>;
    for (const [id, clause] of Object.entries(events)) {
      expect(clauses[id], id).toBeDefined();
      expect({ title: clauses[id].title, file: clauses[id].file, pointer: clauses[id].pointer }, id).toEqual({
        title: clause.title,
        file: clause.spec.file,
        pointer: clause.spec.pointer,
      });
    }
  });
});
