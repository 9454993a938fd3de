// One version of the specs as the review sees it: a directory holding `specs/` (the working tree, or the base ref
// extracted into a temporary directory), its documents parsed once, lines found with the spec model's locator.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, posix } from 'node:path';
import { parse } from 'yaml';
import { lineOf, pointerSegments, toPointer } from '../model/index.ts';
import type { Location } from './types.ts';

export type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any -- parsed YAML, checked where read

/** gateway.yaml is generated from the service documents (its freshness is the drift check's job): not reviewed twice. */
const GENERATED = new Set(['specs/openapi/gateway.yaml']);
export const CLAUSE_FILES = ['specs/clauses.yaml', 'specs/asyncapi/clauses.yaml'];
export const ACKS_FILE = 'specs/CHANGELOG-acks.yaml';

export interface Resolved {
  node: Json;
  /** the file (from the repository root) and pointer where `node` is written */
  file: string;
  pointer: string;
}

export class SpecTree {
  private readonly parsed = new Map<string, Json>();

  constructor(
    /** the directory that holds `specs/` */
    readonly root: string,
    /** how reports name this version: `base (HEAD~1)`, `working tree` */
    readonly label: string,
  ) {}

  text(file: string): string | undefined {
    const path = join(this.root, file);
    return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
  }

  doc(file: string): Json | undefined {
    if (!this.parsed.has(file)) {
      const text = this.text(file);
      this.parsed.set(file, text === undefined ? undefined : parse(text));
    }
    return this.parsed.get(file);
  }

  /** OpenAPI service documents (not the generated gateway), paths from the repository root, sorted. */
  openapi(): string[] {
    return this.documents('specs/openapi', 'openapi').filter((f) => !GENERATED.has(f));
  }

  asyncapi(): string[] {
    return this.documents('specs/asyncapi', 'asyncapi');
  }

  /** YAML files directly in `dir` (from the repository root). */
  files(dir: string): string[] {
    const abs = join(this.root, dir);
    if (!existsSync(abs)) return [];
    return readdirSync(abs)
      .filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'))
      .sort()
      .map((f) => `${dir}/${f}`);
  }

  line(file: string, pointer: string): number {
    return lineOf(join(this.root, file), pointer);
  }

  at(file: string, pointer: string): Location {
    return { file, line: this.line(file, pointer), pointer };
  }

  /** `node` with its `$ref` chain followed (across files), and where the final node is written. */
  resolve(file: string, pointer: string, node: Json): Resolved {
    const seen = new Set<string>();
    while (node && typeof node === 'object' && typeof node.$ref === 'string') {
      const [target = '', fragment = ''] = (node.$ref as string).split('#');
      if (target) file = posix.normalize(posix.join(posix.dirname(file), target));
      pointer = fragment || '';
      if (seen.has(`${file}#${pointer}`)) break;
      seen.add(`${file}#${pointer}`);
      node = this.get(file, pointer);
    }
    return { node, file, pointer };
  }

  /** The node at `pointer` in `file` (undefined when absent). */
  get(file: string, pointer: string): Json {
    let node = this.doc(file);
    for (const segment of pointerSegments(pointer)) node = node?.[segment];
    return node;
  }

  private documents(dir: string, marker: string): string[] {
    return this.files(dir).filter((file) => {
      const data = this.doc(file);
      return data !== null && typeof data === 'object' && marker in data;
    });
  }
}

export { pointerSegments, toPointer };
