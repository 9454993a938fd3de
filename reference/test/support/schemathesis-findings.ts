// Schemathesis findings by (operation, cause): the accepted causes are the table of docs/schemathesis.md, the findings
// come from Schemathesis's NDJSON events report (every failed check with its case, request and response).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { OpenApiDocument } from '../../src/shared/spec/load-spec.ts';

// ajv-formats is CommonJS with `exports.default`; under ESM the default import may be the module object
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (
  ajv: Ajv,
) => void;

export const SCHEMATHESIS_DOC = path.resolve(import.meta.dirname, '../../../docs/schemathesis.md');

export type Evidence =
  { kind: 'none' } | { kind: 'pointer' | 'message' | 'request'; text: string } | { kind: 'wire-valid' };

export interface AcceptedCause {
  cause: string;
  check: string;
  status: number;
  problemType?: string;
  evidence: Evidence;
  operations: string[];
}

export interface Finding {
  check: string;
  operation: string;
  phase: string;
  status?: number;
  response: string;
  mediaType?: string;
  body?: unknown;
}

const code = (cell: string) => [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);

/** The rows of the "Accepted findings" table of docs/schemathesis.md. */
export function acceptedCauses(markdown = readFileSync(SCHEMATHESIS_DOC, 'utf8')): AcceptedCause[] {
  const section = markdown.split(/^## /m).find((s) => s.startsWith('Accepted findings'));
  if (!section) throw new Error(`${SCHEMATHESIS_DOC} has no "## Accepted findings" section`);
  return section
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .map((line) => {
      const [cause, check, answer, evidence, operations] = line.split(' | ').map((c) => c.replace(/^\| /, '').trim());
      const [status, problemType] = [Number(answer!.split(' ')[0]), code(answer!)[0]];
      const [kind] = evidence!.split(' ');
      const parsed: Evidence =
        evidence === '–'
          ? { kind: 'none' }
          : kind === 'wire-valid'
            ? { kind: 'wire-valid' }
            : { kind: kind as 'pointer' | 'message' | 'request', text: code(evidence!)[0]! };
      if (!['none', 'pointer', 'message', 'request', 'wire-valid'].includes(parsed.kind) || Number.isNaN(status))
        throw new Error(`cannot read the row: ${line}`);
      return {
        cause: code(cause!)[0]!,
        check: check!,
        status,
        problemType,
        evidence: parsed,
        operations: code(operations!),
      };
    });
}

type Json = any;
const decode = (content: Json): string =>
  content && typeof content === 'object' && '$base64' in content
    ? Buffer.from(content.$base64, 'base64').toString('utf8')
    : String(content ?? '');

/** Every failed check of a run, from its NDJSON events report. */
export function findingsOf(ndjson: string): Finding[] {
  const findings: Finding[] = [];
  for (const line of ndjson.split('\n')) {
    if (!line.startsWith('{"ScenarioFinished"')) continue;
    const { phase, recorder } = JSON.parse(line).ScenarioFinished;
    for (const [caseId, checks] of Object.entries<Json[]>(recorder.checks ?? {})) {
      for (const check of checks.filter((c) => c.status === 'failure')) {
        const testCase = recorder.cases[caseId].value;
        const response = recorder.interactions?.[caseId]?.response;
        findings.push({
          check: check.failure_info?.failure?.code ?? check.name,
          operation: `${testCase.method} ${testCase.path}`,
          phase,
          status: response?.status_code,
          response: decode(response?.content),
          mediaType: testCase.media_type,
          body: testCase.body,
        });
      }
    }
  }
  return findings;
}

function requestSchema(doc: OpenApiDocument, operation: string, mediaType: string): Json {
  const [method, route] = operation.split(' ');
  return (doc.paths[route!] as Json)?.[method!.toLowerCase()]?.requestBody?.content?.[mediaType]?.schema;
}

/** The request as it went over the wire, multipart fields read as text, is valid against the operation's schema. */
function validOnTheWire(doc: OpenApiDocument, finding: Finding): boolean {
  const schema = finding.mediaType && requestSchema(doc, finding.operation, finding.mediaType);
  if (!schema || finding.mediaType !== 'multipart/form-data') return false;
  const ajv = new Ajv({ strict: false, coerceTypes: true });
  addFormats(ajv);
  const asText = Object.fromEntries(
    Object.entries(finding.body as Record<string, unknown>).map(([k, v]) => [
      k,
      typeof v === 'object' ? JSON.stringify(v) : String(v),
    ]),
  );
  return ajv.validate(schema, asText);
}

function shows(evidence: Evidence, finding: Finding, problem: Json, doc: OpenApiDocument): boolean {
  const errors: { pointer?: string; message?: string }[] = Array.isArray(problem?.errors) ? problem.errors : [];
  switch (evidence.kind) {
    case 'none':
      return true;
    case 'pointer':
      return errors.some((e) => e.pointer === evidence.text || e.pointer?.startsWith(`${evidence.text}/`));
    case 'message':
      return [problem?.detail, ...errors.map((e) => e.message)].some(
        (m) => typeof m === 'string' && m.includes(evidence.text),
      );
    case 'request':
      return JSON.stringify(finding.body ?? null).includes(evidence.text);
    case 'wire-valid':
      return validOnTheWire(doc, finding);
  }
}

/** The accepted cause that explains a finding, if one does. */
export function causeOf(finding: Finding, accepted: AcceptedCause[], doc: OpenApiDocument): AcceptedCause | undefined {
  let problem: Json;
  try {
    problem = JSON.parse(finding.response);
  } catch {
    problem = undefined;
  }
  return accepted.find(
    (a) =>
      a.check === finding.check &&
      a.operations.includes(finding.operation) &&
      a.status === finding.status &&
      (a.problemType === undefined || problem?.type === `https://socialnet.dev/problems/${a.problemType}`) &&
      shows(a.evidence, finding, problem, doc),
  );
}
