import type { MutantsReport } from './run.ts';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** Per family and overall: mutants, killed, equivalent, survived, score (killed / non-equivalent mutants). */
export function scoreTable(report: MutantsReport): string[][] {
  const rows = Object.entries(report.byFamily).map(([family, f]) => [
    family,
    String(f.mutants),
    String(f.killed),
    String(f.equivalent),
    String(f.survived),
    pct(f.score),
  ]);
  return [
    ['family', 'mutants', 'killed', 'equivalent', 'survived', 'score'],
    ...rows,
    [
      'all',
      String(report.mutants),
      String(report.killed),
      String(report.equivalent),
      String(report.survived),
      pct(report.score),
    ],
  ];
}

const columns = (table: string[][]) => {
  const widths = table[0]!.map((_, i) => Math.max(...table.map((r) => r[i]!.length)));
  return table.map((r) =>
    r
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd(),
  );
};

export function mutantsText(report: MutantsReport): string {
  const out = [...columns(scoreTable(report)), ''];
  const equivalents = report.results.filter((r) => r.status === 'equivalent');
  if (equivalents.length) {
    out.push(
      'equivalent (the guarantee is enforced elsewhere too, so removing it from the spec changes nothing observable):',
    );
    const byWhy = new Map<string, string[]>();
    for (const r of equivalents)
      byWhy.set(r.equivalent ?? r.reason ?? '', [...(byWhy.get(r.equivalent ?? r.reason ?? '') ?? []), r.id]);
    for (const [why, ids] of byWhy)
      out.push(
        `  ${ids.length > 3 ? `${ids.length} mutants (${ids.slice(0, 3).join(', ')}, ...)` : ids.join(', ')}: ${why}`,
      );
    out.push('');
  }
  if (report.notMutable.length)
    out.push(
      `stated in the specs but not mutable through the variant seam (not counted): ${report.notMutable.join(', ')}`,
      '',
    );
  if (report.problems.length)
    out.push(`${report.problems.length} problem(s):`, ...report.problems.map((p) => `  - ${p}`), '');
  out.push(
    `mutants ${report.mutants}, killed ${report.killed}, equivalent ${report.equivalent}, survived ${report.survived}${report.errors ? `, errors ${report.errors}` : ''} (${report.seconds.toFixed(0)} s)`,
  );
  return `${out.join('\n')}\n`;
}

/** The machine-readable report for CI: totals, per family, and every mutant with the checks that killed it. */
export function mutantsJson(report: MutantsReport): string {
  return `${JSON.stringify({ ...report, pass: report.problems.length === 0 && report.survived === 0 && report.errors === 0 }, null, 2)}\n`;
}

/** The score table as markdown (docs/mutants.md, README). */
export function mutantsMarkdown(report: MutantsReport): string {
  const [head, ...rows] = scoreTable(report);
  return [
    `| ${head!.join(' | ')} |`,
    `|${head!.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
}
