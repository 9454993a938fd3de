import { familyOf } from '../engine/check.ts';
import type { Finding, RunResult } from '../engine/findings.ts';
import { escapeXml } from './xml.ts';

/** JUnit XML: one testsuite per family, one testcase per check × target, a failure per finding. */
export function junitReport(result: RunResult): string {
  const families = new Map<string, string[]>();
  const stats = new Map<string, { tests: number; failures: number; errors: number; skipped: number; time: number }>();
  for (const check of result.checks) {
    const family = familyOf(check.id);
    const cases = families.get(family) ?? [];
    const s = stats.get(family) ?? { tests: 0, failures: 0, errors: 0, skipped: 0, time: 0 };
    const targets = check.targets.length
      ? check.targets
      : [{ label: '(check)', status: check.status, reason: check.reason, findings: [], durationMs: 0 }];
    for (const t of targets) {
      s.tests++;
      s.time += t.durationMs / 1000;
      let body = '';
      if (t.status === 'fail') {
        s.failures++;
        body = t.findings.map(failure).join('');
      } else if (t.status === 'not-implemented') {
        s.failures++;
        body = `<failure type="not-implemented" message="${escapeXml(t.reason ?? t.status)}"/>`;
      } else if (t.status === 'error' || t.status === 'blocked' || t.status === 'rate-limited') {
        s.errors++;
        body = `<error type="${t.status}" message="${escapeXml(t.reason ?? t.status)}">${escapeXml(t.reason ?? '')}</error>`;
      } else if (t.status === 'skipped') {
        s.skipped++;
        body = `<skipped message="${escapeXml(t.reason ?? check.reason ?? 'skipped')}"/>`;
      }
      cases.push(
        `    <testcase classname="${escapeXml(check.id)}" name="${escapeXml(t.label)}" time="${(t.durationMs / 1000).toFixed(3)}">${body}</testcase>`,
      );
    }
    families.set(family, cases);
    stats.set(family, s);
  }
  const suites = [...families].map(([family, cases]) => {
    const s = stats.get(family)!;
    return `  <testsuite name="${family}" tests="${s.tests}" failures="${s.failures}" errors="${s.errors}" skipped="${s.skipped}" time="${s.time.toFixed(3)}">\n${cases.join('\n')}\n  </testsuite>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="socialnet conformance" time="${(result.durationMs / 1000).toFixed(3)}">\n${suites.join('\n')}\n</testsuites>\n`;
}

function failure(f: Finding): string {
  const text = [
    f.message,
    f.clause ? `Clause: ${f.clause.id} ${f.clause.title}` : '',
    f.exchange ? `Reproduce: ${f.exchange.curl}` : '',
  ]
    .filter(Boolean)
    .join('\n');
  return `<failure type="${f.severity}" message="${escapeXml(f.message.split('\n')[0]!)}">${escapeXml(text)}</failure>`;
}
