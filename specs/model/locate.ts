// Line numbers of JSON pointers in the spec files (YAML), for SARIF locations, finding links and review findings.
import { readFileSync } from 'node:fs';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';

interface Parsed {
  doc: Document;
  lines: LineCounter;
}

const cache = new Map<string, Parsed>();

function parsed(file: string): Parsed {
  let entry = cache.get(file);
  if (!entry) {
    const lines = new LineCounter();
    const doc = parseDocument(readFileSync(file, 'utf8'), { lineCounter: lines });
    entry = { doc, lines };
    cache.set(file, entry);
  }
  return entry;
}

export function pointerSegments(pointer: string): string[] {
  if (pointer === '' || pointer === '#' || pointer === '/') return [];
  return pointer
    .replace(/^#/, '')
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** The 1-based line of the deepest key of `pointer` that exists in `file` (1 when the file cannot be read). */
export function lineOf(file: string, pointer: string): number {
  let entry: Parsed;
  try {
    entry = parsed(file);
  } catch {
    return 1;
  }
  let node: unknown = entry.doc.contents;
  let offset = 0;
  for (const segment of pointerSegments(pointer)) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === segment);
      if (!pair) break;
      if (isScalar(pair.key) && pair.key.range) offset = pair.key.range[0];
      node = pair.value;
    } else if (isSeq(node)) {
      const item = node.items[Number(segment)] as { range?: [number, number, number] } | undefined;
      if (!item) break;
      if (item.range) offset = item.range[0];
      node = item;
    } else break;
  }
  return entry.lines.linePos(offset).line;
}
