import type { CheckResult, Finding, RunResult, Status } from '../engine/findings.ts';
import { counts } from '../engine/findings.ts';
import type { ProgressEvent } from '../engine/runner.ts';
import { tokenTable, tokenTableText } from './token-table.ts';

const SYMBOL: Record<Status, string> = { pass: '✔', fail: '✘', blocked: '◌', skipped: '–', error: '!' };

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
  const where = result.target.baseUrl ?? Object.entries(result.target.services).map(([s, u]) => `${s}=${u}`).join(' ');
  out.push(`socialnet conformance · ${where}${result.target.startedReference ? ' (reference started on embedded defaults)' : ''}`, '');
  for (const check of result.checks) out.push(checkLine(check));
  const table = tokenTable(result);
  if (table) out.push('', 'Token matrix (service × token variant; the spec wants every bad token refused with 401, the valid one accepted):', tokenTableText(table));
  const failing = result.checks.filter((c) => c.status === 'fail');
  if (failing.length) out.push('', 'Failures');
  for (const check of failing) {
    for (const group of grouped(check)) {
      const f = group[0]!;
      out.push('', `✘ ${check.id} · ${f.operationId ?? '-'} · ${f.severity.toUpperCase()}${group.length > 1 ? ` (${group.length} findings, first shown)` : ''}`);
      out.push(...f.message.split('\n').map((l) => `  ${l}`));
      if (f.clause) out.push(`  Clause: ${f.clause.id} (${f.clause.title})${f.location ? ` · ${f.location.file}:${f.location.line}` : ''}`);
      if (f.exchange) out.push(`  Reproduce: ${f.exchange.curl}`);
      if (options.verbose) for (const more of group.slice(1)) out.push(`  also: ${more.message.split('\n').slice(1).join(' / ')}`);
    }
  }
  const c = counts(result);
  const checksPerSecond = result.checks.reduce((n, ch) => n + ch.targets.length, 0) / Math.max(0.001, result.durationMs / 1000);
  out.push('', `${c.pass} passed, ${c.fail} failed, ${c.blocked} blocked, ${c.error} errors, ${c.skipped} skipped · ${(result.durationMs / 1000).toFixed(1)} s (${checksPerSecond.toFixed(1)} check targets/s)`);
  const transport = transportLine(result);
  if (transport) out.push(transport);
  return `${out.join('\n')}\n`;
}

/** Lost answers are never hidden: what was retried, what was not re-sent, what was replaced. */
export function transportLine(result: RunResult): string | undefined {
  const t = result.transport;
  if (!t || (t.resets === 0 && t.timeouts === 0 && t.refused === 0)) return undefined;
  const lines = [`transport: ${t.requests} requests; answers lost: ${t.resets} connection resets, ${t.timeouts} time-outs, ${t.refused} refused connections; ${t.retries} re-sent safely (idempotent, or with the same Idempotency-Key); slowest answer ${t.slowestMs} ms`];
  for (const r of t.replaced) lines.push(`  replaced set-up step: ${r}`);
  for (const r of t.resentRefusals) lines.push(`  re-sent, only a refusal being acceptable: ${r}`);
  for (const r of t.notResent) lines.push(`  not re-sent (not idempotent): ${r}`);
  return lines.join('\n');
}

function checkLine(check: CheckResult): string {
  const tally = (s: Status) => check.targets.filter((t) => t.status === s).length;
  const detail = check.status === 'skipped'
    ? check.reason ?? ''
    : `${check.targets.length} targets${tally('fail') ? `, ${tally('fail')} failing` : ''}${tally('blocked') ? `, ${tally('blocked')} blocked` : ''}${tally('error') ? `, ${tally('error')} errors` : ''}`;
  const why = check.status === 'blocked' || check.status === 'error' ? `\n      ${check.targets.find((t) => t.status === check.status)?.reason?.split('\n')[0] ?? ''}` : '';
  return `  ${SYMBOL[check.status]} ${check.status.padEnd(7)} ${check.id.padEnd(36)} ${detail}${why}`;
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
