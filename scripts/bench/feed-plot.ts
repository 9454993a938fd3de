// The figure of scripts/bench/feed.ts: Vega-Lite, rendered to SVG headless (no browser, no canvas).
import * as vega from 'vega';
import * as vl from 'vega-lite';

export interface ReadPoint {
  strategy: string;
  followees: number;
  p50: number;
  p99: number;
}
export interface FanoutPoint {
  strategy: string;
  followers: number;
  rows: number;
  ms: number;
}

/**
 * Two panels: home-read p99 against followees (whole request, and the strategy's database work alone), and rows
 * written per post against followers (log scales).
 */
export async function feedPlot(reads: ReadPoint[], fanouts: FanoutPoint[], title: string): Promise<string> {
  const log = { type: 'log' as const };
  const color = { field: 'strategy', type: 'nominal' as const };
  const spec = vl.compile({
    title,
    hconcat: [
      {
        title: 'home read p99 (ms) by followees',
        width: 260,
        height: 200,
        data: { values: reads },
        mark: { type: 'line', point: true },
        encoding: {
          x: { field: 'followees', type: 'quantitative', scale: log },
          y: { field: 'p99', type: 'quantitative', title: 'p99 ms' },
          color,
        },
      },
      {
        title: 'rows written per post by followers',
        width: 260,
        height: 200,
        data: { values: fanouts.map((f) => ({ ...f, rows: Math.max(f.rows, 1) })) },
        mark: { type: 'line', point: true },
        encoding: {
          x: { field: 'followers', type: 'quantitative', scale: log },
          y: { field: 'rows', type: 'quantitative', scale: log, title: 'rows' },
          color,
        },
      },
    ],
  }).spec;
  return new vega.View(vega.parse(spec), { renderer: 'none' }).toSVG();
}
