import type { RunResult } from '../engine/findings.ts';
import { TOKEN_VARIANTS } from '../engine/tokens.ts';

export interface TokenTable {
  variants: string[];
  rows: Array<{ service: string; cells: Record<string, string> }>;
}

/**
 * Service × token variant, from the authn checks' observations. A cell is "refused" (401 on every operation),
 * "ACCEPTED n/m" when some operations let the request through, "other n/m" for other refusals, "–" when not run.
 * For the valid token the expectation flips: "accepted" everywhere, "REFUSED n/m" otherwise.
 */
export function tokenTable(result: RunResult): TokenTable | undefined {
  const seen = result.observations.filter((o) => o.kind === 'token-matrix');
  if (seen.length === 0) return undefined;
  const services = [...new Set(seen.map((o) => String(o.data.service)))].sort();
  const rows = services.map((service) => {
    const cells: Record<string, string> = {};
    for (const variant of TOKEN_VARIANTS) {
      const mine = seen.filter((o) => o.data.service === service && o.data.variant === variant);
      const run = mine.filter((o) => o.data.outcome !== 'not run');
      const n = (outcome: string) => run.filter((o) => o.data.outcome === outcome).length;
      if (run.length === 0) cells[variant] = '–';
      else if (variant === 'valid') cells[variant] = n('refused') ? `REFUSED ${n('refused')}/${run.length}` : 'accepted';
      else if (n('accepted')) cells[variant] = `ACCEPTED ${n('accepted')}/${run.length}`;
      else if (n('other')) cells[variant] = `other ${n('other')}/${run.length}`;
      else cells[variant] = 'refused';
    }
    return { service, cells };
  });
  return { variants: [...TOKEN_VARIANTS], rows };
}

/** Printed with one row per token variant and one column per service (narrower than the other way round). */
export function tokenTableText(table: TokenTable): string {
  const header = ['token variant', ...table.rows.map((r) => r.service)];
  const lines = table.variants.map((v) => [v, ...table.rows.map((r) => r.cells[v] ?? '')]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const fmt = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join(' │ ');
  return [fmt(header), widths.map((w) => '─'.repeat(w)).join('─┼─'), ...lines.map(fmt)].join('\n');
}
