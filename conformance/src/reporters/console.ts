import type { CheckResult, Finding, RunResult, Status } from '../engine/findings.ts';
import { exitVerdict, outcomeOf, targetCounts } from '../engine/findings.ts';
import type { ProgressEvent } from '../engine/runner.ts';
import { tokenTable, tokenTableText } from './token-table.ts';

const SYMBOL: Record<Status, string> = {
  pass: '✔',
  fail: '✘',
  'not-implemented': '∅',
  'rate-limited': '⧗',
  blocked: '◌',
  skipped: '–',
  error: '!',
};

/** One line per finished target on a TTY (overwritten), nothing on a pipe until the summary. */
export function progressPrinter(stream: NodeJS.WriteStream = process.stderr): (e: ProgressEvent) => void {
  return (e) => {
    if (!stream.isTTY) return;
    const line = `  [${e.done}/${e.total}] ${SYMBOL[e.target.status]} ${e.checkId} ${e.target.label}`;
    stream.write(`\r\x1b[K${line.slice(0, (stream.columns ?? 100) - 1)}${e.done === e.total ? '\n' : ''}`);
  };
}

export function consoleReport(result: RunResult, options: { verbose?: boolean } = {}): string {
  const out: string[] = [];
  const where =
    result.target.baseUrl ??
    Object.entries(result.target.services)
      .map(([s, u]) => `${s}=${u}`)
      .join(' ');
  out.push(
    `socialnet conformance · ${where}${result.target.startedReference ? ' (reference started on embedded defaults)' : ''}`,
    '',
  );
  for (const check of result.checks) out.push(checkLine(check));
  const table = tokenTable(result);
  if (table)
    out.push(
      '',
      'Token matrix (service × token variant; the spec wants every bad token refused with 401, the valid one accepted):',
      tokenTableText(table),
    );
  const failing = result.checks.filter((c) => c.status === 'fail');
  if (failing.length) out.push('', 'Failures');
  for (const check of failing) {
    for (const group of grouped(check)) {
      const f = group[0]!;
      out.push(
        '',
        `✘ ${check.id} · ${f.operationId ?? '-'} · ${f.severity.toUpperCase()}${group.length > 1 ? ` (${group.length} findings, first shown)` : ''}`,
      );
      out.push(...f.message.split('\n').map((l) => `  ${l}`));
      if (f.clause)
        out.push(
          `  Clause: ${f.clause.id} (${f.clause.title})${f.location ? ` · ${f.location.file}:${f.location.line}` : ''}`,
        );
      if (f.exchange) out.push(`  Reproduce: ${f.exchange.curl}`);
      if (options.verbose)
        for (const more of group.slice(1)) out.push(`  also: ${more.message.split('\n').slice(1).join(' / ')}`);
    }
  }
  out.push('', ...summaryLines(result));
  const transport = transportLine(result);
  if (transport) out.push(transport);
  const rateLimits = rateLimitLine(result);
  if (rateLimits) out.push(rateLimits);
  return `${out.join('\n')}\n`;
}

/** Lost answers are never hidden: what was retried, what was not re-sent, what was replaced. */
export function transportLine(result: RunResult): string | undefined {
  const t = result.transport;
  if (!t || (t.resets === 0 && t.timeouts === 0 && t.refused === 0)) return undefined;
  const lines = [
    `transport: ${t.requests} requests; answers lost: ${t.resets} connection resets, ${t.timeouts} time-outs, ${t.refused} refused connections; ${t.retries} re-sent safely (idempotent, or with the same Idempotency-Key); slowest answer ${t.slowestMs} ms`,
  ];
  for (const r of t.replaced) lines.push(`  replaced set-up step: ${r}`);
  for (const r of t.resentRefusals) lines.push(`  re-sent, only a refusal being acceptable: ${r}`);
  for (const r of t.notResent) lines.push(`  not re-sent (not idempotent): ${r}`);
  return lines.join('\n');
}

/** What the run did about the target's 429s: waited them out, moved the work to other identities, or gave up. */
export function rateLimitLine(result: RunResult): string | undefined {
  const r = result.rateLimits;
  if (!r || (r.met === 0 && r.spread === 0)) return undefined;
  return `rate limits: ${r.met} 429s met; ${r.waited} waited out (${(r.waitedMs / 1000).toFixed(1)} s); ${r.spread} spread over other test identities (${r.extraIdentities} extra identities created); ${r.gaveUp} beyond the budget (rate-limited)`;
}

/**
 * The tallies (check targets by outcome), the targets skipped for lack of a URL, and why the exit code is what it
 * is, with what to try.
 */
export function summaryLines(result: RunResult): string[] {
  const t = targetCounts(result);
  const outcomes = new Map<string, number>();
  for (const c of result.checks)
    for (const target of c.targets) outcomes.set(outcomeOf(target), (outcomes.get(outcomeOf(target)) ?? 0) + 1);
  const n = (o: string) => outcomes.get(o) ?? 0;
  const total = result.checks.reduce((sum, c) => sum + c.targets.length, 0);
  const perSecond = total / Math.max(0.001, result.durationMs / 1000);
  const lines = [
    `${t.pass} passed, ${t.fail} failed (${n('fail-security')} security, ${n('fail-deviation')} deviation), ${t['not-implemented']} not implemented, ${t['rate-limited']} rate-limited, ${t.blocked} blocked, ${t.error} errors, ${t.skipped} skipped (check targets) · ${(result.durationMs / 1000).toFixed(1)} s (${perSecond.toFixed(1)} check targets/s)`,
  ];
  const noUrl = new Map<string, number>();
  for (const c of result.checks) {
    for (const target of c.targets) {
      const service = /^no URL for service (\S+)/.exec(target.reason ?? '')?.[1];
      if (target.status === 'skipped' && service) noUrl.set(service, (noUrl.get(service) ?? 0) + 1);
    }
  }
  if (noUrl.size) {
    const count = [...noUrl.values()].reduce((a, b) => a + b, 0);
    const services = [...noUrl.keys()].sort();
    const why = result.target.baseUrl
      ? `operations of ${services.join(', ')} that the gateway does not serve (x-gateway: false) and no --service URL for them (pass --service ${services[0]}=URL)`
      : `no --base-url and no --service for ${services.join(', ')} (pass --base-url or --service ${services[0]}=URL)`;
    lines.push(`${count} check targets skipped for lack of a URL: ${why}`);
  }
  const notSelected = result.checks.filter((c) => c.status === 'skipped' && c.reason?.startsWith('not selected'));
  if (notSelected.length)
    lines.push(
      `${notSelected.length} checks not run: ${[...new Set(notSelected.map((c) => c.reason!.replace('not selected: ', '')))].join('; ')}`,
    );
  const verdict = exitVerdict(result);
  lines.push(`exit ${verdict.code}: ${verdict.why}`);
  const hints = tryHints(result);
  if (verdict.code !== 0 && hints.length) lines.push(`try: ${hints.join('; ')}`);
  return lines;
}

function tryHints(result: RunResult): string[] {
  const reasons = result.checks.flatMap((c) =>
    c.targets
      .filter((t) => t.status === 'error' || t.status === 'blocked' || t.status === 'rate-limited')
      .map((t) => t.reason ?? ''),
  );
  const hints: string[] = [];
  if (reasons.some((r) => /timeout|aborted|no answer in time/i.test(r)))
    hints.push(
      'a larger --timeout (e.g. --timeout 30000; --setup-timeout for set-up steps) or a smaller --concurrency (e.g. --concurrency 2)',
    );
  if (reasons.some((r) => /unreachable|ECONNREFUSED/.test(r)))
    hints.push('check that the target is running and the URL is right (--base-url, --service name=URL)');
  if (reasons.some((r) => /429|rate-limit/.test(r)))
    hints.push(
      '--concurrency 1, fewer checks (--only), more test identities (--identities N), or a larger rateLimit budget in the config',
    );
  if (reasons.some((r) => /valid token refused|valid token was refused/.test(r)))
    hints.push('the claims the target needs (--token-claim name=value) or the right --jwt-secret');
  if (reasons.some((r) => /did not join a group|broker|topic/i.test(r)))
    hints.push('check --kafka-brokers and that the topics the spec names exist');
  return hints;
}

function checkLine(check: CheckResult): string {
  const tally = (s: Status) => check.targets.filter((t) => t.status === s).length;
  const parts: Array<[Status, string]> = [
    ['fail', 'failing'],
    ['not-implemented', 'not implemented'],
    ['rate-limited', 'rate-limited'],
    ['blocked', 'blocked'],
    ['error', 'errors'],
  ];
  const detail =
    check.status === 'skipped'
      ? (check.reason ?? '')
      : `${check.targets.length} targets${parts.map(([s, word]) => (tally(s) ? `, ${tally(s)} ${word}` : '')).join('')}`;
  const explained: Status[] = ['blocked', 'error', 'rate-limited', 'not-implemented'];
  const why = explained.includes(check.status)
    ? `\n      ${check.targets.find((t) => t.status === check.status)?.reason?.split('\n')[0] ?? ''}`
    : '';
  return `  ${SYMBOL[check.status]} ${check.status.padEnd(15)} ${check.id.padEnd(36)} ${detail}${why}`;
}

/** Findings grouped by operation × severity × status class, as Schemathesis and RESTler bucket them. */
function grouped(check: CheckResult): Finding[][] {
  const groups = new Map<string, Finding[]>();
  for (const t of check.targets) {
    for (const f of t.findings) {
      const key = `${f.operationId}|${f.severity}|${String(f.exchange?.response?.status ?? 0)[0]}`;
      groups.set(key, [...(groups.get(key) ?? []), f]);
    }
  }
  return [...groups.values()];
}
