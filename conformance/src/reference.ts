import { randomBytes } from 'node:crypto';
import type { Target } from './engine/target.ts';

export interface StartedReference {
  target: Target;
  jwtSecret: string;
  close(): Promise<void>;
}

export interface ReferenceOptions {
  split?: boolean;
  /** A PlatformVariant of the reference (defect fixtures). */
  variant?: unknown;
  jwtSecret?: string;
}

/**
 * Starts the reference implementation on its embedded defaults (PGlite, local media), for `conformance run` with
 * no target and for `conformance prove`. The reference is loaded only here, and only when asked for: the suite
 * itself knows nothing about it.
 */
export async function startReference(options: ReferenceOptions = {}): Promise<StartedReference> {
  const specifier = '@socialnet/reference';
  let mod: any;
  try {
    mod = await import(specifier);
  } catch (error) {
    throw new Error(`no target given and the reference implementation cannot be loaded (${(error as Error).message}); pass --base-url or --service`);
  }
  const jwtSecret = options.jwtSecret ?? randomBytes(32).toString('base64url');
  const platform = await mod.startPlatform({ jwtSecret, split: options.split, variant: options.variant, logLevel: 'silent' });
  const target: Target = options.split ? { services: { ...platform.services } } : { baseUrl: `${platform.baseUrl}`, services: {} };
  return { target, jwtSecret, close: () => platform.close() };
}
