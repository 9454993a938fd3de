import { dirname } from 'node:path';
import { cruise, type ICruiseResult } from 'dependency-cruiser';
import { NEVER, PARTS } from './rules.ts';

export interface GraphReport {
  /** Files read (TypeScript and JavaScript of every part, node_modules and caches left out). */
  modules: number;
  /** `rule: from → to` for every import that breaks one of ARCHITECTURE.md's "never" edges. */
  forbidden: string[];
  /** Every import circle whose files are in more than one folder, as `a → b → a`. */
  circles: string[];
  /** Circles within one folder: allowed, listed for the record. */
  folderCircles: string[];
}

/**
 * Reads the import graph of `parts` under `baseDir` with dependency-cruiser (type-only imports included: they couple
 * files too) and judges it: the forbidden edges by its rule engine, the circles by their folders.
 */
export async function importGraph(baseDir: string, parts: readonly string[] = PARTS): Promise<GraphReport> {
  const { output } = await cruise(
    [...parts],
    {
      baseDir,
      validate: true,
      ruleSet: { forbidden: NEVER.map((rule) => ({ severity: 'error' as const, ...rule })) },
      doNotFollow: { path: 'node_modules' },
      exclude: { path: '(^|/)(node_modules|\\.cache|dist)/' },
      tsPreCompilationDeps: true,
    },
    // Workspace packages resolve through their package.json `exports` to the source files (`@socialnet/reference`).
    {
      extensions: ['.ts', '.mts', '.js', '.mjs', '.cjs', '.json', '.d.ts'],
      conditionNames: ['import', 'node', 'default'],
      exportsFields: ['exports'],
    },
  );
  const result = output as ICruiseResult;
  const forbidden = result.summary.violations
    .filter((v) => v.type === 'dependency')
    .map((v) => `${v.rule.name}: ${v.from} → ${v.to}`)
    .sort();
  const circles = new Set<string>();
  const folderCircles = new Set<string>();
  for (const mod of result.modules) {
    for (const dep of mod.dependencies) {
      if (!dep.circular || !dep.cycle) continue;
      const files = [mod.source, ...dep.cycle.map((c) => c.name)];
      const text = canonical(files.slice(0, -1)).join(' → ');
      (new Set(files.map((f) => dirname(f))).size > 1 ? circles : folderCircles).add(text);
    }
  }
  return {
    modules: result.modules.length,
    forbidden,
    circles: [...circles].sort(),
    folderCircles: [...folderCircles].sort(),
  };
}

/** A circle written from its smallest file name, closed, so the same circle found from each of its files is one. */
function canonical(files: string[]): string[] {
  const start = files.indexOf([...files].sort()[0]!);
  const rotated = [...files.slice(start), ...files.slice(0, start)];
  return [...rotated, rotated[0]!];
}
