// Listing generated files, relative to a root, in a stable order.
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

export function listFiles(root: string, dir = root): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries
    .flatMap((e) => (e.isDirectory() ? listFiles(root, join(dir, e.name)) : [relative(root, join(dir, e.name))]))
    .sort();
}
