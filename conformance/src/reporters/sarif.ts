import type { Finding, RunResult } from '../engine/findings.ts';

const UNJUDGED = new Set(['blocked', 'error', 'rate-limited', 'not-implemented']);

/** SARIF 2.1.0: a rule per check; each finding located at the operation (or clause) in the spec files. */
export function sarifReport(result: RunResult): string {
  const rules = result.checks.map((c) => ({
    id: c.id,
    name: c.id,
    shortDescription: { text: c.title },
    helpUri: `docs/checks.md#${c.id.replace('.', '')}`,
    properties: { tags: c.tags, clause: c.clause },
  }));
  const results = [
    ...result.checks.flatMap((c) => c.targets.flatMap((t) => t.findings.map((f) => toResult(f)))),
    // Targets that could not be judged are notes with their cause, so code scanning shows what was not checked.
    ...result.checks.flatMap((c) =>
      c.targets
        .filter((t) => UNJUDGED.has(t.status))
        .map((t) => ({
          ruleId: c.id,
          level: t.status === 'not-implemented' ? 'warning' : 'note',
          message: { text: `${t.status}: ${t.label}: ${t.reason ?? ''}` },
          locations: [],
          properties: { outcome: t.status, operationId: t.operationId, service: t.service },
        })),
    ),
  ];
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: { name: result.tool.name, version: result.tool.version, informationUri: 'docs/checks.md', rules },
        },
        originalUriBaseIds: {
          SRCROOT: { description: { text: 'the repository root (spec files are relative to it)' } },
        },
        invocations: [
          { executionSuccessful: !result.checks.some((c) => c.status === 'error'), startTimeUtc: result.startedAt },
        ],
        results,
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}

function toResult(f: Finding) {
  const location = f.location ?? f.clause?.location;
  const clauseLocation = f.clause?.location;
  return {
    ruleId: f.checkId,
    level: f.severity === 'security' ? 'error' : 'warning',
    message: { text: `${f.message}${f.clause ? `\nClause: ${f.clause.id} ${f.clause.title}` : ''}` },
    locations: location ? [physical(location.file, location.line)] : [],
    relatedLocations: clauseLocation
      ? [{ id: 1, ...physical(clauseLocation.file, clauseLocation.line), message: { text: `clause ${f.clause!.id}` } }]
      : [],
    properties: {
      severity: f.severity,
      operationId: f.operationId,
      service: f.service,
      clause: f.clause?.id,
      reproduce: f.exchange?.curl,
    },
  };
}

function physical(file: string, line: number) {
  return { physicalLocation: { artifactLocation: { uri: file, uriBaseId: 'SRCROOT' }, region: { startLine: line } } };
}
