// Where the lint looks for the files its rules read (relative to this workspace, so tests and the CLI agree).
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';

export const SPECS_DIR = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const CLAUSES_FILE = resolve(SPECS_DIR, 'clauses.yaml');
export const PROBLEM_FILE = resolve(SPECS_DIR, 'openapi/components/problem.yaml');
