import leven from 'leven';

/** The command line or config file asks for something that cannot be: exit 2 before anything runs. */
export class UsageError extends Error {}

/** The candidate a mistyped name most likely meant: a prefix match first (message → messages), else the nearest. */
export function closest(word: string, candidates: string[]): string | undefined {
  const lower = word.toLowerCase();
  const prefixed = candidates.find((c) => c.startsWith(lower) || lower.startsWith(c));
  if (prefixed) return prefixed;
  const ranked = [...candidates].sort((a, b) => leven(lower, a) - leven(lower, b));
  return ranked[0] !== undefined && leven(lower, ranked[0]) <= Math.max(2, Math.floor(lower.length / 2))
    ? ranked[0]
    : undefined;
}

/**
 * Every --service name must be one of the spec's services; an unknown one would silently skip its checks.
 * `aliases` maps other words a user may say (a path's first segment: messages → chats) to a service.
 */
export function checkServiceNames(given: string[], known: string[], aliases: Record<string, string> = {}): void {
  const unknown = given.filter((name) => !known.includes(name));
  if (unknown.length === 0) return;
  const lines = unknown.map((name) => {
    const word = closest(name, [...known, ...Object.keys(aliases)]);
    const guess = word === undefined ? undefined : (aliases[word] ?? word);
    return `  "${name}"${guess ? ` (did you mean "${guess}"?)` : ''}`;
  });
  throw new UsageError(
    `unknown service name${unknown.length > 1 ? 's' : ''} in --service:\n${lines.join('\n')}\nthe spec's services are: ${known.join(', ')}`,
  );
}

/** The first segment of each operation's service path → its service (messages → chats, notifications → ...). */
export function pathAliases(operations: Array<{ service: string; servicePath: string }>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const op of operations) {
    const segment = op.servicePath.split('/')[1];
    if (segment && !segment.startsWith('{')) out[segment] ??= op.service;
  }
  return out;
}
