import type { RunResult } from '../engine/findings.ts';
import { TOKEN_VARIANTS } from '../engine/tokens.ts';

export interface TokenTable {
  variants: string[];
  rows: Array<{ service: string; cells: Record<string, string> }>;
}

/**
 * Service × token variant, from the authn checks' observations. A cell is "refused" (401 on every operation),
 * else the tallies of what differs: "ACCEPTED n/m" (operations that let the request through), "other n/m" (other
 * refusals, redirects), "blocked n/m" (the valid token was refused too, so the refusal proves nothing),
 * "not impl n/m" (the operation answers 404/405/501 even to the valid token); "–" when not run. For the valid
 * token the expectation flips: "accepted" everywhere, else "REFUSED n/m", "other n/m", "not impl n/m".
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
      const tallies = (wanted: string, shown: Array<[string, string]>) => {
        const parts = shown.filter(([o]) => n(o)).map(([o, label]) => `${label} ${n(o)}/${run.length}`);
        return parts.length ? parts.join(', ') : wanted;
      };
      if (run.length === 0) cells[variant] = '–';
      else if (variant === 'valid')
        cells[variant] = tallies('accepted', [
          ['refused', 'REFUSED'],
          ['other', 'other'],
          ['not-implemented', 'not impl'],
        ]);
      else
        cells[variant] = tallies('refused', [
          ['accepted', 'ACCEPTED'],
          ['other', 'other'],
          ['blocked', 'blocked'],
          ['not-implemented', 'not impl'],
        ]);
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
