// JUnit XML: one test case per finding (failed when it blocks), per lint error and per drift problem.
import type { ReviewReport } from '../review.ts';
import { GATING } from '../types.ts';

const xml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function toJUnit(report: ReviewReport): string {
  const cases: string[] = [];
  let failures = 0;
  const add = (suite: string, name: string, failure?: string) => {
    if (failure !== undefined) failures++;
    cases.push(
      `    <testcase classname="${xml(suite)}" name="${xml(name)}">${failure !== undefined ? `<failure message="${xml(failure)}"/>` : ''}</testcase>`,
    );
  };
  for (const f of report.findings) {
    const where = f.head ?? f.base;
    const name = `${f.class} ${f.id} ${f.subject}${where ? ` (${where.file}:${where.line})` : ''}`;
    add(`spec-review.${f.engine}`, name, GATING.has(f.class) && !f.acknowledged ? f.message : undefined);
  }
  for (const d of report.lint?.diagnostics.filter((x) => x.severity === 'error') ?? [])
    add('spec-review.lint', `${d.code} ${d.file}:${d.line}`, d.message);
  for (const p of report.drift.problems) add('spec-review.drift', p, p);
  if (cases.length === 0) add('spec-review', `no findings against ${report.base.ref}`);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="spec-review" tests="${cases.length}" failures="${failures}">`,
    `  <testsuite name="spec-review against ${xml(report.base.ref)}" tests="${cases.length}" failures="${failures}">`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
