// The spec model (specs/model), found where the specs are: next to the sources in the packed CLI
// (scripts/pack-specs.mjs copies it with the documents), else in the repository around the package. It is imported
// by location rather than by package name because the published CLI cannot depend on the private specs workspace.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type * as SpecModel from '@socialnet/specs/model';

const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** Where specs/ is: inside the installed package (npm pack ships it), else the repository around the package. */
export const REPO_ROOT = existsSync(join(PACKAGE_ROOT, 'specs/openapi')) ? PACKAGE_ROOT : resolve(PACKAGE_ROOT, '..');

export const model: typeof SpecModel = await import(pathToFileURL(join(REPO_ROOT, 'specs/model/index.ts')).href);
export type { SpecModel };
