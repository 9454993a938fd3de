// A small $ref resolver for the canonical shapes the rules compare against (e.g. components/problem.yaml#/Problem).
// Spectral resolves the linted document itself; this only loads one target file (and what it references) the same way.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parse } from 'yaml';
import { isObject, type Json } from './operations.ts';

const cache = new Map<string, Json>();

function loadFile(file: string): Json {
  let data = cache.get(file);
  if (data === undefined) {
    data = parse(readFileSync(file, 'utf8')) as Json;
    cache.set(file, data);
  }
  return data;
}

function atPointer(data: Json, pointer: string, where: string): Json {
  let node: Json = data;
  for (const raw of pointer.split('/').filter(Boolean)) {
    const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    if (!isObject(node) && !Array.isArray(node)) throw new Error(`cannot resolve ${where}`);
    node = (node as Record<string, Json>)[key] as Json;
    if (node === undefined) throw new Error(`cannot resolve ${where}`);
  }
  return node;
}

/** Loads `file#pointer` with every $ref inside it replaced by its target (no cycles expected). */
export function loadResolved(file: string, pointer = ''): Json {
  const absolute = resolve(file);
  const deref = (node: Json, base: string, seen: string[]): Json => {
    if (Array.isArray(node)) return node.map((n) => deref(n, base, seen));
    if (!isObject(node)) return node;
    if (typeof node.$ref === 'string') {
      const [target = '', ptr = ''] = node.$ref.split('#');
      const targetFile = target ? resolve(dirname(base), target) : base;
      const key = `${targetFile}#${ptr}`;
      if (seen.includes(key)) throw new Error(`circular $ref ${key}`);
      return deref(atPointer(loadFile(targetFile), ptr, key), targetFile, [...seen, key]);
    }
    return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, deref(v, base, seen)]));
  };
  return deref(atPointer(loadFile(absolute), pointer, `${absolute}#${pointer}`), absolute, []);
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => deepEqual(v, b[i]));
  if (isObject(a) && isObject(b)) {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => k in b && deepEqual(a[k], b[k]));
  }
  return false;
}
