import type { CheckResult, Finding, RunResult } from '../engine/findings.ts';
import { counts } from '../engine/findings.ts';
import { tokenTable } from './token-table.ts';
import { escapeHtml as e } from './xml.ts';

const STYLE = `body{font:14px/1.45 system-ui,sans-serif;margin:2rem;color:#1b1f24}h1{font-size:1.4rem}
table{border-collapse:collapse;margin:1rem 0}td,th{border:1px solid #d0d7de;padding:.25rem .5rem;text-align:left;vertical-align:top}
.pass{color:#1a7f37}.fail{color:#cf222e;font-weight:600}.blocked,.error{color:#9a6700}.skipped{color:#57606a}
pre{background:#f6f8fa;padding:.5rem;overflow:auto;white-space:pre-wrap}details{margin:.25rem 0 .75rem 1rem}
.security{background:#ffebe9}.deviation{background:#fff8c5}.ACCEPTED,.REFUSED{color:#cf222e;font-weight:600}`;

/** One self-contained HTML file: no scripts, no external styles or fonts. */
export function htmlReport(result: RunResult): string {
  const c = counts(result);
  const where =
    result.target.baseUrl ??
    Object.entries(result.target.services)
      .map(([s, u]) => `${s}=${u}`)
      .join(' ');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>socialnet conformance</title><style>${STYLE}</style></head><body>
<h1>socialnet conformance · ${e(where)}</h1>
<p>${c.pass} passed · ${c.fail} failed · ${c.blocked} blocked · ${c.error} errors · ${c.skipped} skipped · ${(result.durationMs / 1000).toFixed(1)} s · ${e(result.startedAt)}</p>
<table><tr><th>status</th><th>check</th><th>tags</th><th>targets</th></tr>
${result.checks.map(row).join('\n')}</table>
${tokens(result)}
${result.checks
  .filter((ch) => ch.status !== 'pass' && ch.status !== 'skipped')
  .map(details)
  .join('\n')}
</body></html>\n`;
}

function row(c: CheckResult): string {
  return `<tr><td class="${c.status}">${c.status}</td><td><a href="#${e(c.id)}">${e(c.id)}</a><br>${e(c.title)}</td><td>${e(c.tags.join(' '))}</td><td>${c.targets.length}${c.reason ? ` · ${e(c.reason)}` : ''}</td></tr>`;
}

function tokens(result: RunResult): string {
  const table = tokenTable(result);
  if (!table) return '';
  const head = `<tr><th>token variant</th>${table.rows.map((r) => `<th>${e(r.service)}</th>`).join('')}</tr>`;
  const body = table.variants
    .map(
      (v) =>
        `<tr><td>${e(v)}</td>${table.rows.map((r) => `<td class="${e((r.cells[v] ?? '').split(' ')[0]!)}">${e(r.cells[v] ?? '')}</td>`).join('')}</tr>`,
    )
    .join('\n');
  return `<h2>Token matrix</h2><table>${head}\n${body}</table>`;
}

function details(c: CheckResult): string {
  const targets = c.targets.filter((t) => t.status !== 'pass');
  return `<h2 id="${e(c.id)}" class="${c.status}">${e(c.id)} · ${c.status}</h2>${targets
    .map(
      (t) =>
        `<details${t.status === 'fail' ? ' open' : ''}><summary class="${t.status}">${e(t.label)} · ${t.status}${t.reason ? ` · ${e(t.reason.split('\n')[0]!)}` : ''}</summary>${t.findings.map(finding).join('')}</details>`,
    )
    .join('')}`;
}

function finding(f: Finding): string {
  const x = f.exchange;
  const exchange = x
    ? `<pre>${e(
        `${x.request.method} ${x.request.url}\n${Object.entries(x.request.headers)
          .map(([k, v]) => `${k}: ${v}`)
          .join('\n')}\n\n${x.request.body ?? ''}`,
      )}</pre>` +
      (x.response
        ? `<pre>${e(
            `HTTP ${x.response.status}\n${Object.entries(x.response.headers)
              .map(([k, v]) => `${k}: ${v}`)
              .join('\n')}\n\n${x.response.body}`,
          )}</pre>`
        : '') +
      `<pre>${e(x.curl)}</pre>`
    : '';
  const clause = f.clause
    ? `<p>Clause <b>${e(f.clause.id)}</b>: ${e(f.clause.title)}${f.location ? ` · ${e(f.location.file)}:${f.location.line}` : ''}</p>`
    : '';
  return `<div class="${f.severity}"><pre>${e(f.message)}</pre>${clause}${exchange}</div>`;
}
