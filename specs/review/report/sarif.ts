// SARIF 2.1.0 for code scanning: each finding annotates the changed line in the working tree (the base line when the
// thing was removed with its file), lint errors their line. Blocking findings are errors, the rest notes.
import { RULES } from '../rules/index.ts';
import type { ReviewReport } from '../review.ts';
import { GATING, type Finding } from '../types.ts';

const location = (file: string, line: number) => ({
  physicalLocation: { artifactLocation: { uri: file, uriBaseId: '%SRCROOT%' }, region: { startLine: line } },
});

export function toSarif(report: ReviewReport, version = '1.0.0'): string {
  const described = new Map(RULES.map((r) => [r.id, r.description]));
  const ruleIds = new Set<string>();
  const results = report.findings.map((f: Finding) => {
    const ruleId = `${f.engine}/${f.id}`;
    ruleIds.add(ruleId);
    const at = f.head ?? f.base;
    const basePart = f.base ? ` (base: ${f.base.file}:${f.base.line})` : '';
    return {
      ruleId,
      level: GATING.has(f.class) && !f.acknowledged ? 'error' : 'note',
      message: {
        text: `[${f.class}] ${f.subject}: ${f.message}${basePart}${f.clause ? ` Clause ${f.clause}.` : ''}${f.acknowledged ? ` Acknowledged: ${f.acknowledged.reason}` : ''}`,
      },
      locations: at ? [location(at.file, at.line)] : [],
      properties: {
        class: f.class,
        engine: f.engine,
        subject: f.subject,
        ...(f.clause ? { clause: f.clause } : {}),
        acknowledged: Boolean(f.acknowledged),
      },
    };
  });
  const lint = (report.lint?.diagnostics ?? [])
    .filter((d) => d.severity === 'error')
    .map((d) => {
      ruleIds.add(`lint/${d.code}`);
      return {
        ruleId: `lint/${d.code}`,
        level: 'error',
        message: { text: d.message },
        locations: [location(d.file, d.line)],
      };
    });
  const rules = [...ruleIds]
    .sort()
    .map((id) => ({ id, shortDescription: { text: described.get(id.replace(/^socialnet\//, '')) ?? id } }));
  return JSON.stringify(
    {
      $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
      version: '2.1.0',
      runs: [
        {
          tool: {
            driver: {
              name: 'socialnet spec-review',
              version,
              informationUri: 'https://socialnet.dev/contracts',
              rules,
            },
          },
          results: [...results, ...lint],
        },
      ],
    },
    null,
    2,
  );
}
