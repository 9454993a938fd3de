// A clause id cited by the spec (x-authz `clause`) must exist in specs/clauses.yaml.
import { readFileSync, statSync } from 'node:fs';
import { createRulesetFunction } from '@stoplight/spectral-core';
import { parse } from 'yaml';

const cache = new Map<string, { mtimeMs: number; ids: Set<string> }>();

export function clauseIds(file: string): Set<string> {
  const { mtimeMs } = statSync(file);
  const hit = cache.get(file);
  if (hit && hit.mtimeMs === mtimeMs) return hit.ids;
  const data = parse(readFileSync(file, 'utf8')) as unknown;
  const root = data && typeof data === 'object' && 'clauses' in data ? (data as { clauses: unknown }).clauses : data;
  const ids = new Set(
    Array.isArray(root)
      ? root.map((c) => (c && typeof c === 'object' ? String((c as { id?: unknown }).id) : String(c)))
      : Object.keys((root ?? {}) as object),
  );
  cache.set(file, { mtimeMs, ids });
  return ids;
}

export default createRulesetFunction<string, { clausesFile: string }>(
  {
    input: { type: 'string' },
    options: {
      type: 'object',
      properties: { clausesFile: { type: 'string' } },
      required: ['clausesFile'],
      additionalProperties: false,
    },
  },
  function clauseKnown(clause, { clausesFile }) {
    let ids: Set<string>;
    try {
      ids = clauseIds(clausesFile);
    } catch (err) {
      return [{ message: `Cannot read the clause registry ${clausesFile}: ${(err as Error).message}` }];
    }
    return ids.has(clause) ? [] : [{ message: `Clause \`${clause}\` is not in specs/clauses.yaml.` }];
  },
);
