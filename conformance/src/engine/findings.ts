import type { Clause, SpecLocation } from '../spec/types.ts';
import type { TransportStats } from './http.ts';

/**
 * A security failure means access was granted, data leaked or a bad token was accepted. A deviation means the
 * implementation refused, but with another status or shape than the spec says (the original answered 400 where
 * the spec says 403).
 */
export type Severity = 'security' | 'deviation';

export type Status = 'pass' | 'fail' | 'blocked' | 'skipped' | 'error';

export interface RecordedRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
}

export interface RecordedResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** One request and its response, with tokens and passwords redacted. */
export interface Exchange {
  request: RecordedRequest;
  response?: RecordedResponse;
  identity?: string;
  curl: string;
}

export interface Finding {
  checkId: string;
  severity: Severity;
  message: string;
  expected: string;
  received: string;
  operationId?: string;
  service?: string;
  clause?: Clause;
  location?: SpecLocation;
  exchange?: Exchange;
  docs: string;
}

export interface TargetResult {
  label: string;
  operationId?: string;
  service?: string;
  status: Status;
  reason?: string;
  findings: Finding[];
  durationMs: number;
}

export interface CheckResult {
  id: string;
  title: string;
  tags: string[];
  clause: string;
  status: Status;
  reason?: string;
  targets: TargetResult[];
}

export interface Observation {
  kind: string;
  data: Record<string, unknown>;
}

export interface RunResult {
  tool: { name: string; version: string };
  startedAt: string;
  durationMs: number;
  target: { baseUrl?: string; services: Record<string, string>; startedReference: boolean };
  checks: CheckResult[];
  observations: Observation[];
  specFiles: string[];
  /** Lost answers, retries and replaced set-up steps: reported so that a flaky target is visible. */
  transport?: TransportStats;
}

const ORDER: Status[] = ['fail', 'error', 'blocked', 'pass', 'skipped'];

/** fail beats error beats blocked beats pass; a check with no targets is skipped. */
export function worst(statuses: Status[]): Status {
  for (const s of ORDER) if (statuses.includes(s)) return s;
  return 'skipped';
}

export function counts(result: RunResult): Record<Status, number> {
  const out: Record<Status, number> = { pass: 0, fail: 0, blocked: 0, skipped: 0, error: 0 };
  for (const c of result.checks) out[c.status]++;
  return out;
}

/** 0 when every selected check passed (skipped ones were not selected), 1 on a failure, 2 on blocked/errors only. */
export function exitCode(result: RunResult): number {
  const c = counts(result);
  if (c.fail > 0) return 1;
  if (c.error > 0 || c.blocked > 0) return 2;
  return 0;
}
