export { CHECKS } from './checks/index.ts';
export { defineCheck, type CheckDefinition } from './engine/check.ts';
export { exitCode, type CheckResult, type Finding, type RunResult } from './engine/findings.ts';
export { runConformance, type ConformanceOptions } from './run.ts';
export { proveMatrix, type ProveResult } from './prove.ts';
export { consoleReport } from './reporters/console.ts';
export { REPORTERS, writeReports } from './reporters/index.ts';
export { loadSpec } from './spec/load.ts';
