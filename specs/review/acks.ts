// Acknowledging a finding in the change itself: an entry added to specs/CHANGELOG-acks.yaml by the same change
// (present in the working tree, absent at the base) names the finding id, optionally its subject, and a reason.
// Entries already at the base acknowledged an earlier change and acknowledge nothing now.
import { ACKS_FILE, type SpecTree } from './spec-tree.ts';
import type { Finding, RawFinding } from './types.ts';

export interface Ack {
  finding: string;
  subject?: string;
  reason: string;
}

export class AckFileError extends Error {}

export function readAcks(tree: SpecTree): Ack[] {
  const doc = tree.doc(ACKS_FILE);
  if (doc === undefined || doc === null) return [];
  const entries = doc.acks ?? [];
  if (!Array.isArray(entries)) throw new AckFileError(`${ACKS_FILE} (${tree.label}): \`acks\` must be a list`);
  return entries.map((e: Record<string, unknown>, i: number) => {
    if (
      typeof e?.finding !== 'string' ||
      typeof e.reason !== 'string' ||
      e.reason.trim() === '' ||
      (e.subject !== undefined && typeof e.subject !== 'string')
    ) {
      throw new AckFileError(
        `${ACKS_FILE} (${tree.label}): acks[${i}] needs \`finding\` (a finding id) and a non-empty \`reason\`; \`subject\` is optional text`,
      );
    }
    return {
      finding: e.finding,
      reason: e.reason.trim(),
      ...(e.subject !== undefined ? { subject: e.subject as string } : {}),
    };
  });
}

const keyOf = (a: Ack) => JSON.stringify([a.finding, a.subject ?? null]);

/** The acks this change adds. */
export function newAcks(base: SpecTree, head: SpecTree): Ack[] {
  const old = new Set(readAcks(base).map(keyOf));
  return readAcks(head).filter((a) => !old.has(keyOf(a)));
}

export function applyAcks(findings: RawFinding[], acks: Ack[]): Finding[] {
  return findings.map((f) => {
    const ack = acks.find((a) => a.finding === f.id && (a.subject === undefined || a.subject === f.subject));
    return ack ? { ...f, acknowledged: { reason: ack.reason } } : f;
  });
}
