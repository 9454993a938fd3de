// The PR comment: verdict first, then what blocks, our findings, the engines' findings (folded), lint and drift.
import type { ReviewReport } from '../review.ts';
import type { Finding, Location } from '../types.ts';

export const COMMENT_MARKER = '<!-- socialnet spec-review -->';

const ICON: Record<string, string> = {
  'security-weakening': '🔓',
  breaking: '💥',
  'non-breaking': '✅',
  unclassified: '❔',
  none: '✅',
};
const loc = (l?: Location) => (l ? `\`${l.file}:${l.line}\`` : '–');
const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function table(findings: Finding[]): string {
  if (findings.length === 0) return '_none_\n';
  const rows = findings.map(
    (f) =>
      `| ${ICON[f.class]} ${f.class} | \`${f.id}\` | ${cell(f.subject)} | ${cell(f.message)}${f.acknowledged ? ` **Acknowledged:** ${cell(f.acknowledged.reason)}` : ''} | ${f.clause ?? '–'} | ${loc(f.base)} | ${loc(f.head)} |`,
  );
  return (
    [
      '| class | finding | subject | what changed | clause | base | head |',
      '|---|---|---|---|---|---|---|',
      ...rows,
    ].join('\n') + '\n'
  );
}

export function toMarkdown(report: ReviewReport): string {
  const ours = report.findings.filter((f) => f.engine === 'socialnet');
  const engine = (name: Finding['engine']) => report.findings.filter((f) => f.engine === name);
  const acked = report.findings.filter((f) => f.acknowledged);
  const out = [
    COMMENT_MARKER,
    `## Spec review: ${ICON[report.verdict]} ${report.verdict} (base \`${report.base.ref}\`, ${report.base.commit.slice(0, 12)})`,
    '',
    report.exitCode === 1
      ? `**${report.blocking.length} unacknowledged security-weakening or breaking finding(s)** block this change. Acknowledge one on purpose with an entry in \`specs/CHANGELOG-acks.yaml\` (finding id, subject, reason) in this change.`
      : 'Nothing blocks this change.',
    '',
    `Compared: ${[...report.compared.openapi, ...report.compared.asyncapi].map((f) => `\`${f}\``).join(', ') || 'no document changed'}. Acknowledged: ${acked.length}.`,
    '',
    '### Semantic findings (x-authz, security, x-idempotency, x-emits, events, x-feed, clauses)',
    '',
    table(ours),
    `<details><summary>oasdiff: ${engine('oasdiff').length} finding(s)</summary>\n\n${table(engine('oasdiff'))}\n</details>`,
    '',
    `<details><summary>@asyncapi/diff: ${engine('asyncapi-diff').length} finding(s)</summary>\n\n${table(engine('asyncapi-diff'))}\n</details>`,
    '',
    '### Lint of the new specs',
    '',
  ];
  if (!report.lint) out.push('_not run (--no-lint)_');
  else {
    out.push(`${report.lint.errors} error(s), ${report.lint.warnings} warning(s).`);
    const shown = report.lint.diagnostics.filter((d) => d.severity === 'error').slice(0, 50);
    if (shown.length > 0)
      out.push(
        '',
        '| rule | where | message |',
        '|---|---|---|',
        ...shown.map((d) => `| \`${d.code}\` | \`${d.file}:${d.line}\` | ${cell(d.message)} |`),
      );
  }
  out.push('', '### Generated-code drift', '');
  out.push(
    report.drift.problems.length === 0
      ? `Up to date${report.drift.note ? ` (${report.drift.note})` : ''}.`
      : report.drift.problems.map((p) => `- ${p}`).join('\n'),
  );
  if (report.drift.problems.length > 0 && report.drift.note) out.push('', report.drift.note);
  return out.join('\n') + '\n';
}
