// The spec review as a library: `reviewSpecs({base})` is `npm run spec:review -- --base <ref>` without the files.
export { reviewSpecs, reviewTrees, type ReviewOptions, type ReviewReport } from './review.ts';
export { RULES, type ReviewRule } from './rules/index.ts';
export { SpecTree } from './spec-tree.ts';
export { toMarkdown, COMMENT_MARKER } from './report/markdown.ts';
export { toSarif } from './report/sarif.ts';
export { toJUnit } from './report/junit.ts';
export type { ChangeClass, Finding, Location } from './types.ts';
