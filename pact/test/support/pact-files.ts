import { PactV4 } from '@pact-foundation/pact';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

/** The committed pacts: one file per consumer–provider pair, `<consumer>-<provider>.json`. */
export const PACTS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../pacts');

/**
 * A consumer's pact, written to a fresh folder (never merged into an older file, so the same code gives the same
 * bytes); `expectCommitted` then compares it with `pacts/` (`npx vitest run --project pact -u` updates it).
 */
export function consumerPact(consumer: string, provider: string): { pact: PactV4; expectCommitted(): Promise<void> } {
  const dir = mkdtempSync(path.join(os.tmpdir(), `pact-${consumer}-${provider}-`));
  const file = `${consumer}-${provider}.json`;
  return {
    pact: new PactV4({ consumer, provider, dir, logLevel: 'error' }),
    async expectCommitted() {
      await expect(readFileSync(path.join(dir, file), 'utf8')).toMatchFileSnapshot(path.join(PACTS_DIR, file));
    },
  };
}
