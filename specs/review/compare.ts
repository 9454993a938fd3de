// Compares two versions of the specs: the engines on every changed document (in parallel), then our rules.
import { asyncapiDiffFindings } from './engines/asyncapi-diff.ts';
import { oasdiffFindings } from './engines/oasdiff.ts';
import { RULES } from './rules/index.ts';
import type { SpecTree } from './spec-tree.ts';
import type { RawFinding } from './types.ts';

/** A document changed when its own text or any file beside it under components/ changed (its `$ref`s point there). */
function changedDocuments(
  base: SpecTree,
  head: SpecTree,
  files: string[],
  dir: string,
  components: string[],
): string[] {
  const componentsChanged = components.some((f) => base.text(f) !== head.text(f));
  return files.filter((f) => f.startsWith(dir) && (componentsChanged || base.text(f) !== head.text(f)));
}

function componentFiles(base: SpecTree, head: SpecTree, dir: string): string[] {
  return [...new Set([...base.files(`${dir}/components`), ...head.files(`${dir}/components`)])];
}

export interface Comparison {
  findings: RawFinding[];
  /** documents the engines compared */
  compared: { openapi: string[]; asyncapi: string[] };
}

export async function compareSpecs(base: SpecTree, head: SpecTree): Promise<Comparison> {
  const both = (a: string[], b: string[]) => a.filter((f) => b.includes(f));
  const openapi = changedDocuments(
    base,
    head,
    both(base.openapi(), head.openapi()),
    'specs/openapi',
    componentFiles(base, head, 'specs/openapi'),
  );
  const asyncapi = changedDocuments(
    base,
    head,
    both(base.asyncapi(), head.asyncapi()),
    'specs/asyncapi',
    componentFiles(base, head, 'specs/asyncapi'),
  );
  const engines = await Promise.all([
    ...openapi.map((f) => oasdiffFindings(base, head, f)),
    ...asyncapi.map((f) => asyncapiDiffFindings(base, head, f)),
  ]);
  const ours = [];
  for (const rule of RULES) {
    ours.push(...rule.check(base, head));
    await new Promise(setImmediate); // rules are synchronous: let other pairs' engines make progress in between
  }
  return { findings: [...ours, ...engines.flat()], compared: { openapi, asyncapi } };
}
