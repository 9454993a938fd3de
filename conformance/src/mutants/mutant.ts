import type { Guarantee } from './guarantees.ts';

/** One guarantee removed from the reference: the variant that removes it (built in conformance/test/mutants). */
export interface Mutant {
  guarantee: Guarantee;
  variant?: { name?: string };
  /** The one service the variant changes (started beside the reference); absent: the whole reference is the mutant. */
  service?: string;
  /** Why this mutant cannot be killed, when it is listed as equivalent. */
  equivalent?: string;
}
