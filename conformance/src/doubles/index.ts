import type { Spec } from '../spec/load.ts';
import type { DoubleDefinition, RunningDouble } from './double.ts';
import { mediaDouble } from './media.ts';
import { remoteDouble, startDouble, type DoubleOptions } from './server.ts';

/** The dependencies a double exists for. Adding one: a DoubleDefinition (handlers by operationId) and a line here. */
export const DOUBLES: Record<string, () => DoubleDefinition> = {
  media: mediaDouble,
};

export function doubleDefinition(name: string): DoubleDefinition {
  const make = DOUBLES[name];
  if (!make) throw new Error(`no double named "${name}"; available: ${Object.keys(DOUBLES).join(', ')}`);
  return make();
}

/**
 * `--double media` starts the double in this process; `--double media=URL` reads the recordings of one the
 * deployment started itself (`conformance double media --port N`).
 */
export async function openDoubles(spec: Spec, values: string[], options: DoubleOptions = {}): Promise<RunningDouble[]> {
  const out: RunningDouble[] = [];
  try {
    for (const value of values) {
      const [name, url] = value.split(/=(.*)/s) as [string, string | undefined];
      const definition = doubleDefinition(name.trim());
      out.push(url ? remoteDouble(definition, url) : await startDouble(spec, definition, options));
    }
  } catch (error) {
    await Promise.all(out.map((d) => d.close()));
    throw error;
  }
  return out;
}

export type { Recorded, RunningDouble } from './double.ts';
