import { Verifier } from '@pact-foundation/pact';
import type { PactFile } from './pact-files.ts';
import { PROVIDER_STATES, type ProviderStateHandler, type StateContext } from './provider-states.ts';
import type { InteractionResult } from './results.ts';
import { mismatchesByInteraction } from './verifier-output.ts';

export interface HttpVerifyOptions {
  baseUrl: string;
  jwtSecret?: string;
  providerVersion: string;
  /** Replaces PROVIDER_STATES[provider] (tests of the verifier itself). */
  states?: Record<string, ProviderStateHandler>;
  timeoutMs?: number;
}

/**
 * Replays one HTTP pact against a running provider with Pact's verifier. Before each interaction its provider states
 * run against the provider's own API; a state that signs a user in leaves a token, which replaces the pact's example
 * bearer (only where the consumer sends one: a consumer that relies on calling without a token keeps doing so).
 */
export async function verifyHttpPact(pact: PactFile, o: HttpVerifyOptions): Promise<InteractionResult[]> {
  const states = o.states ?? PROVIDER_STATES[pact.provider] ?? {};
  const context: StateContext = { baseUrl: o.baseUrl.replace(/\/$/, ''), jwtSecret: o.jwtSecret };
  let token: string | undefined;
  const stateHandlers = Object.fromEntries(
    Object.entries(states).map(([name, handler]) => [
      name,
      async () => {
        const result = await handler(context);
        token = result.token ?? token;
        return result.values;
      },
    ]),
  );
  let output: string;
  try {
    output = await new Verifier({
      provider: pact.provider,
      providerBaseUrl: context.baseUrl,
      pactUrls: [pact.path],
      providerVersion: o.providerVersion,
      stateHandlers,
      beforeEach: async () => {
        token = undefined;
      },
      requestFilter: (req, _res, next) => {
        if (req.headers.authorization && token) req.headers.authorization = `Bearer ${token}`;
        next();
      },
      timeout: o.timeoutMs ?? 60_000,
      logLevel: 'error',
    }).verifyProvider();
  } catch (error) {
    output = (error as Error).message;
  }
  const failures = mismatchesByInteraction(
    output,
    pact.interactions.map((i) => i.description),
  );
  return pact.interactions.map((i) => {
    const stateNames = (i.providerStates ?? []).map((s) => s.name);
    const missing = stateNames
      .filter((s) => !states[s])
      .map((s) => `no provider state handler for "${s}" (conformance/src/pact/provider-states.ts)`);
    const mismatches = [...missing, ...(failures.get(i.description) ?? []), ...(failures.get('*') ?? [])];
    return {
      description: i.description,
      states: stateNames,
      status: mismatches.length ? 'fail' : 'pass',
      mismatches,
      specFindings: [],
    };
  });
}
