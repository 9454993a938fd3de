// `reviewSpecs`: the library form of `npm run spec:review -- --base <ref>`. The specs at <ref> against the working
// tree: structural diffs (oasdiff, @asyncapi/diff), our semantic rules, lint of the new specs, generated-code drift,
// acknowledgements, and the exit status.
import { applyAcks, newAcks, type Ack } from './acks.ts';
import { compareSpecs } from './compare.ts';
import { checkoutSpecs, repositoryRoot } from './git.ts';
import { checkDrift, lintSpecs, type DriftMode, type DriftResult, type LintResult } from './lint-and-drift.ts';
import { SpecTree } from './spec-tree.ts';
import { CLASSES, GATING, worst, type ChangeClass, type Finding } from './types.ts';

export interface ReviewOptions {
  /** the git ref to compare with (a branch, a tag, HEAD~1, a commit) */
  base: string;
  /** the checkout; default: the git repository of the current directory */
  root?: string;
  /** lint the new specs (default true) */
  lint?: boolean;
  /** generated-code drift: `full` (gateway bundle and generated/, default), `bundle` (gateway bundle), `off` */
  drift?: DriftMode;
}

export interface ReviewReport {
  base: { ref: string; commit: string };
  root: string;
  compared: { openapi: string[]; asyncapi: string[] };
  /** every finding, worst class first, acknowledged ones marked */
  findings: Finding[];
  acks: Ack[];
  lint?: LintResult;
  drift: DriftResult;
  /** the class of the change as a whole: its worst unacknowledged finding; non-breaking when none is security-weakening or breaking */
  verdict: ChangeClass;
  /** unacknowledged security-weakening and breaking findings: the reason for exit 1 */
  blocking: Finding[];
  exitCode: 0 | 1;
}

export function sortFindings(findings: Finding[]): Finding[] {
  const engines = ['socialnet', 'oasdiff', 'asyncapi-diff'];
  return [...findings].sort(
    (a, b) =>
      CLASSES.indexOf(a.class) - CLASSES.indexOf(b.class) ||
      engines.indexOf(a.engine) - engines.indexOf(b.engine) ||
      a.id.localeCompare(b.id) ||
      a.subject.localeCompare(b.subject),
  );
}

/** Findings and verdict of two spec trees (no git, no lint, no drift): what the corpus test runs per pair. */
export async function reviewTrees(base: SpecTree, head: SpecTree) {
  const { findings: raw, compared } = await compareSpecs(base, head);
  const acks = newAcks(base, head);
  const findings = sortFindings(applyAcks(raw, acks));
  const open = findings.filter((f) => !f.acknowledged);
  const blocking = open.filter((f) => GATING.has(f.class));
  const verdict: ChangeClass = worst(blocking.map((f) => f.class)) ?? 'non-breaking';
  return { findings, compared, acks, blocking, verdict };
}

export async function reviewSpecs(options: ReviewOptions): Promise<ReviewReport> {
  const root = options.root ?? repositoryRoot(process.cwd());
  const checkout = checkoutSpecs(root, options.base);
  try {
    const base = new SpecTree(checkout.dir, `base (${options.base})`);
    const head = new SpecTree(root, 'working tree');
    const [result, lint, drift] = await Promise.all([
      reviewTrees(base, head),
      options.lint === false ? undefined : lintSpecs(root),
      checkDrift(root, options.drift ?? 'full'),
    ]);
    return {
      base: { ref: options.base, commit: checkout.commit },
      root,
      ...result,
      ...(lint ? { lint } : {}),
      drift,
      exitCode: result.blocking.length > 0 ? 1 : 0,
    };
  } finally {
    checkout.dispose();
  }
}
