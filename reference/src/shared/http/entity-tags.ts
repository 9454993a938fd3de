/** A strong entity tag for an opaque version (RFC 9110 §8.8.3). */
export function entityTag(version: string): string {
  return `"${version}"`;
}

/**
 * Whether an If-None-Match field names `etag` (RFC 9110 §13.1.2): `*`, or a list of tags compared weakly (a `W/`
 * prefix is ignored). A field that does not parse names nothing, so the full answer is sent.
 */
export function noneMatchHits(field: string | string[] | undefined, etag: string): boolean {
  if (field === undefined) return false;
  const value = Array.isArray(field) ? field.join(',') : field;
  if (value.trim() === '*') return true;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  return value.split(',').some((tag) => opaque(tag) === opaque(etag));
}
