import type { FeedDeclaration } from './declaration.ts';

/** Compares two entries by the declared order: negative when `a` must come before `b`, 0 when no key tells them apart. */
export function compareEntries(decl: FeedDeclaration, a: any, b: any): number {
  for (const { field, desc } of decl.order) {
    const x = sortable(a?.[field]);
    const y = sortable(b?.[field]);
    if (x < y) return desc ? 1 : -1;
    if (x > y) return desc ? -1 : 1;
  }
  return 0;
}

/** The first place where `items` break the declared strict order (a tie counts: the order is total), if any. */
export function orderBreak(decl: FeedDeclaration, items: any[]): string | undefined {
  const show = (e: any) => `{${decl.order.map(({ field }) => `${field}: ${JSON.stringify(e?.[field])}`).join(', ')}}`;
  for (let i = 1; i < items.length; i++) {
    if (compareEntries(decl, items[i - 1], items[i]) >= 0)
      return `entry ${i - 1} ${show(items[i - 1])} is followed by ${show(items[i])}`;
  }
  return undefined;
}

/** Timestamps compare as instants, numeric strings as numbers (int64 ids may be strings), the rest as text. */
function sortable(value: unknown): number | string {
  if (typeof value === 'number') return value;
  if (typeof value === 'string') {
    if (/^\d+$/.test(value)) return Number(value);
    if (/^\d{4}-\d{2}-\d{2}T/.test(value) && !Number.isNaN(Date.parse(value))) return Date.parse(value);
    return value;
  }
  return String(value);
}
