import { readFileSync } from 'node:fs';

/** The version of this package (package.json), as `conformance --version` and every report state it. */
export const VERSION: string = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version;
