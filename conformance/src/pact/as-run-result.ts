import type { CheckResult, Finding, RunResult, TargetResult } from '../engine/findings.ts';
import type { InteractionResult, PactVerification, VerificationReport } from './results.ts';

/**
 * A verification as a conformance run, so the suite's reporters (console, junit, json, sarif, html) print it:
 * one check per pact (`pact.<consumer>-<provider>`), one target per interaction, one finding per mismatch.
 */
export function asRunResult(report: VerificationReport): RunResult {
  return {
    tool: report.tool,
    startedAt: report.startedAt,
    durationMs: report.durationMs,
    target: { baseUrl: report.target, services: { [report.provider]: report.target }, startedReference: false },
    checks: report.pacts.map(check),
    observations: [],
    specFiles: [],
  };
}

function check(p: PactVerification): CheckResult {
  const id = `pact.${p.consumer}-${p.provider}`;
  return {
    id,
    title: `${p.consumer} → ${p.provider}: ${p.kind} pact ${p.file} (consumer ${p.consumerVersion}, provider ${p.providerVersion})`,
    tags: ['pact', p.kind],
    clause: p.file,
    status: p.status,
    targets: p.interactions.map((i) => target(id, p, i)),
  };
}

function target(checkId: string, p: PactVerification, i: InteractionResult): TargetResult {
  const findings: Finding[] = [
    ...i.mismatches.map((m) =>
      finding(
        checkId,
        p,
        i,
        `Provider does not honour the pact: ${i.description}\nReceived: ${m}`,
        'what the pact expects',
        m,
      ),
    ),
    ...i.specFindings.map((m) =>
      finding(
        checkId,
        p,
        i,
        `Pact expects what the spec does not promise: ${i.description}\nSpec: ${m}`,
        'the provider’s OpenAPI/AsyncAPI document',
        m,
      ),
    ),
  ];
  return {
    label: i.states.length ? `${i.description} (given ${i.states.join('; ')})` : i.description,
    service: p.provider,
    status: i.status,
    findings,
    durationMs: 0,
  };
}

function finding(
  checkId: string,
  p: PactVerification,
  i: InteractionResult,
  message: string,
  expected: string,
  received: string,
): Finding {
  return {
    checkId,
    severity: 'deviation',
    message,
    expected,
    received,
    service: p.provider,
    operationId: i.description,
    docs: 'docs/pact.md',
  };
}
