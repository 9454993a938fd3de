import type { InteractionKind } from './pact-files.ts';

export interface InteractionResult {
  description: string;
  states: string[];
  /** pass: the provider honoured it and the spec allows it; fail: one of the two did not hold. */
  status: 'pass' | 'fail';
  /** Why the provider's answer or message did not match the pact (Pact's own mismatch text). */
  mismatches: string[];
  /** Where the pact's expectation contradicts the provider's OpenAPI/AsyncAPI document. */
  specFindings: string[];
}

export interface PactVerification {
  file: string;
  consumer: string;
  provider: string;
  kind: InteractionKind;
  /** A version per side: e.g. the git commit of the pact file and of the provider build (can-i-deploy matrix). */
  consumerVersion: string;
  providerVersion: string;
  status: 'pass' | 'fail';
  interactions: InteractionResult[];
}

export interface VerificationReport {
  tool: { name: string; version: string };
  provider: string;
  target: string;
  startedAt: string;
  durationMs: number;
  pacts: PactVerification[];
}

export const reportPassed = (r: VerificationReport): boolean =>
  r.pacts.length > 0 && r.pacts.every((p) => p.status === 'pass');
