// The one shape every finding of `npm run spec:review` has, whoever found it (our rules or an engine).

/** Worst first. `unclassified` is an engine's "I cannot tell" (kept, never gating). */
export const CLASSES = ['security-weakening', 'breaking', 'non-breaking', 'unclassified'] as const;
export type ChangeClass = (typeof CLASSES)[number];

/** A place in one version of the specs: a path from the repository root and a 1-based line. */
export interface Location {
  file: string;
  line: number;
  /** JSON pointer inside `file` */
  pointer?: string;
}

export interface Finding {
  /** the rule's id (`sn-review-*`) or the engine's own id (oasdiff's check id, asyncapi-diff's `<type>:<action>`) */
  id: string;
  engine: 'socialnet' | 'oasdiff' | 'asyncapi-diff';
  class: ChangeClass;
  /** the operation (operationId), channel, consumer or clause the change touches */
  subject: string;
  message: string;
  /** the clause of specs/clauses.yaml the change touches, when one does */
  clause?: string;
  /** where it was in the base version (absent for an addition) */
  base?: Location;
  /** where it is in the working tree (absent for a removal of a whole document) */
  head?: Location;
  /** set when specs/CHANGELOG-acks.yaml in this change acknowledges it */
  acknowledged?: { reason: string };
}

/** A whole finding minus what the review adds (acknowledgement). */
export type RawFinding = Omit<Finding, 'acknowledged'>;

export function worst(classes: Iterable<ChangeClass>): ChangeClass | undefined {
  let best: number | undefined;
  for (const c of classes) {
    const i = CLASSES.indexOf(c);
    if (best === undefined || i < best) best = i;
  }
  return best === undefined ? undefined : CLASSES[best];
}

export const GATING: ReadonlySet<ChangeClass> = new Set(['security-weakening', 'breaking']);
