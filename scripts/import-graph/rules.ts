import type { IForbiddenRuleType } from 'dependency-cruiser';

/** The parts of the repository (npm workspaces), as ARCHITECTURE.md names them. */
export const PARTS = ['specs', 'generated', 'broker', 'reference', 'conformance', 'scripts', 'pact'] as const;

/** Test code (a folder of tests or a test file): it may use the shared test infrastructure in scripts/testing. */
const TEST = '(^|/)(test|__tests__)/|\\.test\\.ts$';
const parts = (...names: string[]) => `^(${names.join('|')})/`;

/** ARCHITECTURE.md's "never depends on" column, as dependency-cruiser rules over paths relative to the repository. */
export const NEVER: IForbiddenRuleType[] = [
  {
    name: 'specs-read-no-code',
    comment: 'specs/ is read by every part and reads code from none',
    from: { path: '^specs/' },
    to: { path: parts('generated', 'broker', 'reference', 'conformance', 'scripts', 'pact') },
  },
  {
    name: 'generated-imports-nothing-hand-written',
    comment: 'generated/ is emitted from the specs: it imports no hand-written part',
    from: { path: '^generated/' },
    to: { path: parts('specs', 'broker', 'reference', 'conformance', 'scripts', 'pact') },
  },
  {
    name: 'broker-imports-no-part',
    comment: 'broker/ depends on Node only (its tests on the shared test infrastructure, see only-tests-use-scripts)',
    from: { path: '^broker/' },
    to: { path: parts('specs', 'generated', 'reference', 'conformance', 'pact') },
  },
  {
    name: 'reference-never-imports-conformance',
    comment: 'the reference is one implementation the suite judges; it knows nothing of the suite',
    from: { path: '^reference/' },
    to: { path: parts('conformance', 'pact') },
  },
  {
    name: 'conformance-source-never-imports-reference',
    comment:
      'checks and the engine assume nothing only the reference does; src/reference.ts starts it when no target is given',
    from: { path: '^conformance/src/', pathNot: '^conformance/src/reference\\.ts$' },
    to: { path: '^reference/' },
  },
  {
    name: 'nothing-depends-on-pact',
    comment: 'pact/ uses the other parts; no part uses it',
    from: { pathNot: '^pact/' },
    to: { path: '^pact/' },
  },
  {
    name: 'only-tests-use-scripts',
    comment: "scripts/ is infrastructure: a part's own code never imports it, its tests only scripts/testing",
    from: { path: parts('specs', 'generated', 'broker', 'reference', 'conformance', 'pact'), pathNot: TEST },
    to: { path: '^scripts/' },
  },
  {
    name: 'tests-use-only-scripts-testing',
    comment: "a part's tests may use the shared test infrastructure (scripts/testing) and nothing else of scripts/",
    from: { path: `(${parts('specs', 'generated', 'broker', 'reference', 'conformance', 'pact')}).*(${TEST})` },
    to: { path: '^scripts/', pathNot: '^scripts/testing/' },
  },
];
