import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { parse } from 'yaml';
import { lineOf } from './locate.ts';
import type { Clause } from './types.ts';

/**
 * specs/clauses.yaml: clause id → title, the spec file and JSON pointer that state it, an external reference.
 * Accepts a map keyed by id (optionally under `clauses:`) or a list of entries with `id`.
 */
export function loadClauses(file: string, repoRoot: string): Map<string, Clause> {
  const clauses = new Map<string, Clause>();
  if (!existsSync(file)) return clauses;
  const raw = parse(readFileSync(file, 'utf8')) ?? {};
  const body = raw.clauses ?? raw;
  const entries: Array<[string, any]> = Array.isArray(body)
    ? body.map((c: any) => [String(c.id), c])
    : Object.entries(body);
  for (const [id, c] of entries) {
    if (!/^SN-/.test(id)) continue;
    const specFile = c.file ?? c.spec;
    const pointer = c.pointer ?? c.jsonPointer;
    const clause: Clause = {
      id,
      title: String(c.title ?? id),
      file: specFile,
      pointer,
      ref: c.ref ?? c.reference ?? c.external,
    };
    if (specFile) {
      const absolute = [join(dirname(file), specFile), join(repoRoot, specFile)].find((f) => existsSync(f));
      if (absolute) {
        clause.location = {
          file: relative(repoRoot, absolute),
          pointer: pointer ?? '',
          line: lineOf(absolute, pointer ?? ''),
        };
      }
    }
    clauses.set(id, clause);
  }
  return clauses;
}
