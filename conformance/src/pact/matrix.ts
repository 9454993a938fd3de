import type { VerificationReport } from './results.ts';

/** One row of the can-i-deploy matrix: did this provider version honour this consumer version's pact? */
export interface MatrixRow {
  consumer: string;
  consumerVersion: string;
  provider: string;
  providerVersion: string;
  kind: string;
  pact: string;
  verified: boolean;
  verifiedAt: string;
}

/** Rows from any number of verification reports; the latest result wins for the same pact × versions. */
export function buildMatrix(reports: VerificationReport[]): MatrixRow[] {
  const rows = new Map<string, MatrixRow>();
  for (const r of [...reports].sort((a, b) => a.startedAt.localeCompare(b.startedAt))) {
    for (const p of r.pacts) {
      const row = {
        consumer: p.consumer,
        consumerVersion: p.consumerVersion,
        provider: p.provider,
        providerVersion: p.providerVersion,
        kind: p.kind,
        pact: p.file,
        verified: p.status === 'pass',
        verifiedAt: r.startedAt,
      };
      rows.set(`${p.consumer}|${p.consumerVersion}|${p.provider}|${p.providerVersion}`, row);
    }
  }
  return [...rows.values()].sort((a, b) =>
    `${a.consumer}|${a.provider}|${a.consumerVersion}|${a.providerVersion}`.localeCompare(
      `${b.consumer}|${b.provider}|${b.consumerVersion}|${b.providerVersion}`,
    ),
  );
}

/**
 * can-i-deploy, Pact Broker style: `pacticipant` at `version` may be deployed when every pact it takes part in at
 * that version has a verified row (for a consumer: with some provider version; for a provider: of the consumer
 * versions present). Returns the reasons it may not.
 */
export function canIDeploy(
  rows: MatrixRow[],
  pacticipant: string,
  version: string,
): { ok: boolean; reasons: string[] } {
  const mine = rows.filter(
    (r) =>
      (r.consumer === pacticipant && r.consumerVersion === version) ||
      (r.provider === pacticipant && r.providerVersion === version),
  );
  if (mine.length === 0) return { ok: false, reasons: [`no verification results for ${pacticipant} ${version}`] };
  const pairs = new Map<string, MatrixRow[]>();
  for (const r of mine)
    pairs.set(`${r.consumer}→${r.provider}`, [...(pairs.get(`${r.consumer}→${r.provider}`) ?? []), r]);
  const reasons = [...pairs]
    .filter(([, rs]) => !rs.some((r) => r.verified))
    .map(
      ([pair, rs]) =>
        `${pair}: not verified (${rs.map((r) => `${r.consumerVersion} × ${r.providerVersion}`).join(', ')})`,
    );
  return { ok: reasons.length === 0, reasons };
}

export function matrixMarkdown(rows: MatrixRow[]): string {
  const lines = [
    '| consumer | consumer version | provider | provider version | kind | verified | at |',
    '|---|---|---|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| ${r.consumer} | ${r.consumerVersion} | ${r.provider} | ${r.providerVersion} | ${r.kind} | ${r.verified ? 'yes' : '**no**'} | ${r.verifiedAt} |`,
    ),
  ];
  return `${lines.join('\n')}\n`;
}
