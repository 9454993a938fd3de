// `npm run generate [-- --out DIR] [--only ts-types,ts-client,events,go-client,html]`
// Regenerates everything under generated/ from the specs (docs/generation.md). Each part owns its output folders and
// replaces them whole, so a file that is no longer generated disappears too. The workspace's own package.json and
// tsconfig.json in generated/ are not touched.
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { generateEvents } from './generate/events.ts';
import { generateGoClient } from './generate/go-client.ts';
import { generateHtml } from './generate/html.ts';
import { generateTsClient } from './generate/ts-client.ts';
import { generateTsTypes } from './generate/ts-types.ts';
import { ROOT } from './generate/sources.ts';

export interface Part {
  /** the folders under the output directory this part writes, removed before it runs */
  outputs: string[];
  run(out: string): Promise<void> | void;
}

export const PARTS: Record<string, Part> = {
  'ts-types': { outputs: ['ts-client/gateway.ts', 'server-types'], run: generateTsTypes },
  'ts-client': { outputs: ['ts-client/client.ts', 'ts-client/index.ts'], run: generateTsClient },
  events: { outputs: ['events'], run: generateEvents },
  'go-client': { outputs: ['go-client'], run: generateGoClient },
  html: { outputs: ['html'], run: generateHtml },
};

export const DEFAULT_OUT = join(ROOT, 'generated');

export async function generate(
  out = DEFAULT_OUT,
  only: string[] = Object.keys(PARTS),
): Promise<Record<string, number>> {
  const unknown = only.filter((name) => !(name in PARTS));
  if (unknown.length > 0)
    throw new Error(`unknown part(s) ${unknown.join(', ')}; parts: ${Object.keys(PARTS).join(', ')}`);
  const timings: Record<string, number> = {};
  // The Java generator and Redocly are separate processes: run the parts side by side.
  await Promise.all(
    only.map(async (name) => {
      const part = PARTS[name] as Part;
      const started = performance.now();
      for (const output of part.outputs) rmSync(join(out, output), { recursive: true, force: true });
      await part.run(out);
      timings[name] = Math.round(performance.now() - started);
    }),
  );
  return timings;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const { values } = parseArgs({ options: { out: { type: 'string' }, only: { type: 'string' } } });
  const out = values.out ? resolve(process.env.INIT_CWD ?? process.cwd(), values.out) : DEFAULT_OUT;
  try {
    const timings = await generate(
      out,
      values.only?.split(',').map((s) => s.trim()),
    );
    for (const [name, ms] of Object.entries(timings)) console.log(`generate: ${name} ${(ms / 1000).toFixed(1)} s`);
    console.log(`generate: wrote ${out}`);
  } catch (error) {
    // A missing tool or a generator's refusal: its message says what went wrong; a stack trace would only bury it.
    console.error(`generate: failed: ${(error as Error).message}`);
    process.exit(1);
  }
}
