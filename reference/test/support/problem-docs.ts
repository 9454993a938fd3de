import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PROBLEM_BASE } from '../../src/shared/problem/problem-types.ts';
import type { RawResponse } from './raw-http.ts';

export const PROBLEMS_DOC = fileURLToPath(new URL('../../../docs/problems.md', import.meta.url));

/** The problem types docs/problems.md documents: its table's rows `| \`slug\` | status | title | when |`. */
export function documentedProblems(): Map<string, { status: number; title: string }> {
  const text = readFileSync(PROBLEMS_DOC, 'utf8');
  return new Map(
    [...text.matchAll(/^\| `([a-z0-9-]+)` \| (\d{3}) \| ([^|]+) \|/gm)].map((m) => [
      m[1]!,
      { status: Number(m[2]), title: m[3]!.trim() },
    ]),
  );
}

/**
 * Why an error response is not in the one documented shape (RFC 9457 problem+json whose `type` is a slug of
 * docs/problems.md with that slug's status and title), or undefined when it is.
 */
export function problemShapeError(
  response: RawResponse,
  documented: Map<string, { status: number; title: string }>,
): string | undefined {
  if (!/^application\/problem\+json\b/i.test(response.headers['content-type'] ?? ''))
    return `Content-Type ${response.headers['content-type'] ?? '(none)'}`;
  let body: { type?: unknown; title?: unknown; status?: unknown; errors?: unknown };
  try {
    body = JSON.parse(response.text) as typeof body;
  } catch {
    return 'a body that is not JSON';
  }
  const slug =
    typeof body.type === 'string' && body.type.startsWith(PROBLEM_BASE)
      ? body.type.slice(PROBLEM_BASE.length)
      : undefined;
  const doc = slug === undefined ? undefined : documented.get(slug);
  if (!doc) return `type ${JSON.stringify(body.type)} is not documented in docs/problems.md`;
  if (body.status !== response.status || doc.status !== response.status)
    return `status member ${JSON.stringify(body.status)}, documented ${doc.status}, for HTTP ${response.status}`;
  if (body.title !== doc.title) return `title ${JSON.stringify(body.title)} instead of ${JSON.stringify(doc.title)}`;
  if (
    body.errors !== undefined &&
    !(
      Array.isArray(body.errors) &&
      body.errors.every((e) => typeof e?.pointer === 'string' && typeof e?.message === 'string')
    )
  ) {
    return 'errors is not a list of {pointer, message}';
  }
  return undefined;
}
