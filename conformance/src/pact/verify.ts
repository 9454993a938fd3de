import { createRequire } from 'node:module';
import { REPO_ROOT } from '../spec/load.ts';
import { DEFAULT_PACTS_DIR, readPacts, type InteractionKind, type PactFile } from './pact-files.ts';
import type { ProviderStateHandler } from './provider-states.ts';
import type { InteractionResult, PactVerification, VerificationReport } from './results.ts';
import { checkHttpPact, checkMessagePact, type SpecFindings } from './spec-check.ts';
import { verifyHttpPact } from './verify-http.ts';
import { verifyMessagePact, type MessageProducer } from './verify-messages.ts';
import { gitVersion } from './versions.ts';

export interface VerifyPactsOptions {
  provider: string;
  pactsDir?: string;
  /** The running provider (HTTP pacts). */
  baseUrl?: string;
  jwtSecret?: string;
  /** The provider's producer code by message description (message pacts). */
  producers?: Record<string, MessageProducer>;
  states?: Record<string, ProviderStateHandler>;
  providerVersion?: string;
  specDir?: string;
  asyncapiDir?: string;
  timeoutMs?: number;
  /** Only pacts of this kind (the CLI verifies HTTP pacts; message pacts are verified in the producer's build). */
  kind?: InteractionKind;
}

const VERSION = (createRequire(import.meta.url)('@pact-foundation/pact/package.json') as { version: string }).version;

/**
 * Verifies every committed pact of one provider: HTTP pacts against `baseUrl`, message pacts against `producers`,
 * and each interaction also against the provider's OpenAPI/AsyncAPI document. A pact whose kind has no target is
 * reported as failed (not verified), never silently passed.
 */
export async function verifyPacts(o: VerifyPactsOptions): Promise<VerificationReport> {
  const started = Date.now();
  const pacts = readPacts(o.pactsDir ?? DEFAULT_PACTS_DIR, o.provider).filter((p) => !o.kind || p.kind === o.kind);
  if (pacts.length === 0)
    throw new Error(
      `no ${o.kind ? `${o.kind} ` : ''}pacts for provider "${o.provider}" in ${o.pactsDir ?? DEFAULT_PACTS_DIR}`,
    );
  const providerVersion = o.providerVersion ?? gitVersion();
  const results: PactVerification[] = [];
  for (const pact of pacts) {
    const interactions = await replay(pact, o, providerVersion);
    const spec =
      pact.kind === 'http' ? await checkHttpPact(pact, o.specDir) : await checkMessagePact(pact, o.asyncapiDir);
    results.push(summarise(pact, withSpecFindings(interactions, spec), providerVersion));
  }
  return {
    tool: { name: 'socialnet conformance pact-verify (pact-js)', version: VERSION },
    provider: o.provider,
    target: o.baseUrl ?? 'producer code',
    startedAt: new Date(started).toISOString(),
    durationMs: Date.now() - started,
    pacts: results,
  };
}

function replay(pact: PactFile, o: VerifyPactsOptions, providerVersion: string): Promise<InteractionResult[]> {
  const notVerified = (why: string) =>
    Promise.resolve(
      pact.interactions.map((i) => ({
        description: i.description,
        states: (i.providerStates ?? []).map((s) => s.name),
        status: 'fail' as const,
        mismatches: [why],
        specFindings: [],
      })),
    );
  if (pact.kind === 'http') {
    if (!o.baseUrl) return notVerified('not verified: an HTTP pact needs the running provider (--base-url)');
    return verifyHttpPact(pact, {
      baseUrl: o.baseUrl,
      jwtSecret: o.jwtSecret,
      providerVersion,
      states: o.states,
      timeoutMs: o.timeoutMs,
    });
  }
  if (!o.producers)
    return notVerified(
      'not verified: a message pact needs the provider’s producer code (verifyMessagePact in the provider’s build; docs/pact.md)',
    );
  return verifyMessagePact(pact, { producers: o.producers, providerVersion });
}

function withSpecFindings(interactions: InteractionResult[], spec: SpecFindings): InteractionResult[] {
  return interactions.map((i) => {
    const specFindings = [...(spec.get(i.description) ?? []), ...(spec.get('*') ?? [])];
    return { ...i, specFindings, status: i.status === 'pass' && specFindings.length === 0 ? 'pass' : 'fail' };
  });
}

function summarise(pact: PactFile, interactions: InteractionResult[], providerVersion: string): PactVerification {
  return {
    file: pact.path.startsWith(REPO_ROOT) ? pact.path.slice(REPO_ROOT.length + 1) : pact.path,
    consumer: pact.consumer,
    provider: pact.provider,
    kind: pact.kind,
    consumerVersion: gitVersion(pact.path),
    providerVersion,
    status: interactions.every((i) => i.status === 'pass') ? 'pass' : 'fail',
    interactions,
  };
}
