import { ProblemError } from '../problem/problem.ts';

/**
 * Opaque cursors (spec-conventions "Pagination"): base64url JSON of the last item's sort key. A cursor the
 * service cannot decode is a 400, never a 500.
 */
/** The query of a cursor-paged operation, as validation leaves it (`limit` has a default, so it is there). */
export interface CursorQuery {
  limit: number;
  cursor?: string;
}

export function encodeCursor(key: Record<string, string | number>): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor<K extends Record<string, string | number>>(
  cursor: string | undefined,
  shape: Record<keyof K, 'string' | 'number'>,
): K | undefined {
  if (cursor === undefined) return undefined;
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Record<string, unknown>;
    const ok = value && typeof value === 'object' && Object.entries(shape).every(([k, t]) => typeof value[k] === t);
    if (ok) return value as K;
  } catch {
    // fall through to the 400
  }
  throw new ProblemError('validation-failed', 'the cursor is not one this service issued', {
    errors: [{ pointer: '/query/cursor', message: 'invalid cursor' }],
  });
}

/** Fetch limit+1 rows; the extra row only says whether there is a next page. */
export function page<T>(
  rows: T[],
  limit: number,
  keyOf: (last: T) => Record<string, string | number>,
): { items: T[]; next_cursor: string | null } {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, next_cursor: rows.length > limit && last ? encodeCursor(keyOf(last)) : null };
}
