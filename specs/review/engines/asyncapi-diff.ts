// @asyncapi/diff, the AsyncAPI project's diff: both versions parsed and dereferenced by @asyncapi/parser, compared
// with its standard. 0.5.0 targets 2.x paths, so most AsyncAPI 3.0 changes come out `unclassified`: they are kept
// (never gating) and our rules say what they mean for consumers.
import { join } from 'node:path';
import { diff, type DiffOutputItem } from '@asyncapi/diff';
import { Parser } from '@asyncapi/parser';
import type { SpecTree } from '../spec-tree.ts';
import type { ChangeClass, RawFinding } from '../types.ts';

const parser = new Parser();

/** Parsing validates the whole document (slow): one parse per version of a file and its directory's components. */
const parsed = new Map<string, Promise<unknown>>();

function dereferenced(tree: SpecTree, file: string): Promise<unknown> {
  const key = JSON.stringify([
    tree.root,
    file,
    tree.text(file),
    tree.files('specs/asyncapi/components').map((f) => tree.text(f)),
  ]);
  if (!parsed.has(key)) parsed.set(key, parse(tree, file));
  return parsed.get(key)!;
}

async function parse(tree: SpecTree, file: string): Promise<unknown> {
  const { document, diagnostics } = await parser.parse(tree.text(file) ?? '', { source: join(tree.root, file) });
  if (!document) {
    const errors = diagnostics.filter((d) => d.severity === 0).map((d) => d.message);
    throw new Error(`${tree.label}: ${file} is not a valid AsyncAPI document: ${errors.slice(0, 3).join('; ')}`);
  }
  return document.json();
}

const CLASS: Record<string, ChangeClass> = {
  breaking: 'breaking',
  'non-breaking': 'non-breaking',
  unclassified: 'unclassified',
};

/** The raw changes @asyncapi/diff reports for one document (both versions must exist). */
export async function asyncapiChanges(base: SpecTree, head: SpecTree, file: string): Promise<DiffOutputItem[]> {
  const [before, after] = await Promise.all([dereferenced(base, file), dereferenced(head, file)]);
  const output = diff(before, after, { outputType: 'json' }).getOutput();
  return typeof output === 'string' ? [] : output.changes;
}

export async function asyncapiDiffFindings(base: SpecTree, head: SpecTree, file: string): Promise<RawFinding[]> {
  return (await asyncapiChanges(base, head, file)).map((c) => ({
    id: `${c.type}-${c.action}`,
    engine: 'asyncapi-diff',
    class: CLASS[c.type] ?? 'unclassified',
    subject: c.path,
    message: `${c.type}: ${c.action} ${c.path}`,
    ...(c.action !== 'add' ? { base: base.at(file, c.path) } : {}),
    ...(c.action !== 'remove' ? { head: head.at(file, c.path) } : {}),
  }));
}
