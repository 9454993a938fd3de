import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../spec/load.ts';

/** The committed pacts (`pacts/<consumer>-<provider>.json`), written by the consumer tests in `pact/test/consumers`. */
export const DEFAULT_PACTS_DIR = join(REPO_ROOT, 'pacts');

export type InteractionKind = 'http' | 'message';

/** The parts of a Pact V4 file this suite reads (https://github.com/pact-foundation/pact-specification/tree/version-4). */
export interface PactInteraction {
  type: 'Synchronous/HTTP' | 'Asynchronous/Messages' | string;
  description: string;
  providerStates?: { name: string; params?: Record<string, unknown> }[];
  request?: {
    method: string;
    path: string;
    query?: Record<string, string[]>;
    headers?: Record<string, string[]>;
    body?: { content?: unknown; contentType?: string; encoded?: string | boolean };
  };
  response?: { status: number; headers?: Record<string, string[]>; body?: { content?: unknown; contentType?: string } };
  contents?: { content?: unknown; contentType?: string };
  metadata?: Record<string, unknown>;
}

export interface PactFile {
  path: string;
  consumer: string;
  provider: string;
  /** `http` when every interaction is HTTP, `message` when every one is an asynchronous message. */
  kind: InteractionKind;
  interactions: PactInteraction[];
}

export const kindOf = (i: PactInteraction): InteractionKind => (i.type === 'Synchronous/HTTP' ? 'http' : 'message');

export function readPact(path: string): PactFile {
  const raw = JSON.parse(readFileSync(path, 'utf8')) as {
    consumer: { name: string };
    provider: { name: string };
    interactions: PactInteraction[];
  };
  const kinds = new Set(raw.interactions.map(kindOf));
  if (kinds.size !== 1) throw new Error(`${path}: mixes HTTP and message interactions; keep one kind per pact file`);
  return {
    path,
    consumer: raw.consumer.name,
    provider: raw.provider.name,
    kind: [...kinds][0]!,
    interactions: raw.interactions,
  };
}

/** Every pact in `dir`, optionally only those of one provider, in file-name order. */
export function readPacts(dir: string = DEFAULT_PACTS_DIR, provider?: string): PactFile[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => readPact(join(dir, f)))
    .filter((p) => !provider || p.provider === provider);
}
