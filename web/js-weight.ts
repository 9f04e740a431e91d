/**
 * Build-time weight check (issue 6), on every production build:
 *
 * - the initial JavaScript — what index.html loads before any route runs: the entry chunk and its static imports —
 *   gzip-compressed, reported and held to the budget (the build fails above it);
 * - for each landing page, what its first view needs on top (the route's lazy chunks and their static imports),
 *   reported, so growth is seen in every build log;
 * - ECharts (and its renderer zrender) must not be in any of these: charts arrive only with the cockpit's lazily
 *   loaded chart chunk.
 */
import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

export interface Landing {
  name: string;
  /** Held to the budget (the initial JavaScript); the others are reported. */
  budgeted?: boolean;
  /** Modules whose lazy chunks the landing loads at once (e.g. the shell and the page), matched on their path. */
  modules: RegExp[];
}

interface Chunk {
  fileName: string;
  code: string;
  imports: string[];
  isEntry: boolean;
  facadeModuleId: string | null;
  moduleIds: string[];
  /** Rendered bytes per package (or source folder), for the detailed report. */
  packages: Map<string, number>;
}

function packagesOf(modules: Record<string, { renderedLength: number }>): Map<string, number> {
  const sizes = new Map<string, number>();
  for (const [id, info] of Object.entries(modules)) {
    const match = /node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)/.exec(id);
    const name = match?.[1] ?? id.replace(/^.*[\\/](web|contracts)[\\/]src[\\/]/, '$1/').replace(/[\\/][^\\/]+$/, '');
    sizes.set(name, (sizes.get(name) ?? 0) + info.renderedLength);
  }
  return sizes;
}

const CHARTS = /[\\/]node_modules[\\/](echarts|zrender)[\\/]/;

/** The chunks `start` needs before running: themselves and their static imports, transitively. */
function staticClosure(start: string[], chunks: Map<string, Chunk>): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const next of chunks.get(file)?.imports ?? []) visit(next);
  };
  start.forEach(visit);
  return seen;
}

export function jsWeight(options: { budgetKb: number; landings: Landing[] }): Plugin {
  return {
    name: 'luoshi-js-weight',
    apply: 'build',
    generateBundle(_output, bundle) {
      const chunks = new Map<string, Chunk>();
      for (const item of Object.values(bundle)) {
        if (item.type !== 'chunk') continue;
        chunks.set(item.fileName, { ...item, moduleIds: Object.keys(item.modules), packages: packagesOf(item.modules) });
      }
      const gzipped = new Map<string, number>();
      const kb = (file: string) => {
        if (!gzipped.has(file)) gzipped.set(file, gzipSync(chunks.get(file)?.code ?? '', { level: 9 }).length / 1000);
        return gzipped.get(file) ?? 0;
      };
      const entries = [...chunks.values()].filter((c) => c.isEntry).map((c) => c.fileName);
      const problems: string[] = [];
      const lines: string[] = [];
      for (const landing of options.landings) {
        const own = [...chunks.values()]
          .filter((c) => c.facadeModuleId && landing.modules.some((m) => m.test(c.facadeModuleId ?? '')))
          .map((c) => c.fileName);
        if (own.length < landing.modules.length)
          problems.push(`${landing.name}: no lazy chunk found for one of ${landing.modules.join(', ')}`);
        const files = staticClosure([...entries, ...own], chunks);
        const total = [...files].reduce((sum, file) => sum + kb(file), 0);
        const mark = landing.budgeted ? ` (budget ${options.budgetKb} kB)` : '';
        lines.push(`  ${landing.name.padEnd(28)} ${total.toFixed(1).padStart(7)} kB gzip in ${files.size} chunks${mark}`);
        if (process.env.JS_WEIGHT_DETAIL)
          for (const file of [...files].sort((a, b) => kb(b) - kb(a))) {
            const top = [...(chunks.get(file)?.packages ?? new Map<string, number>())].sort((a, b) => b[1] - a[1]).slice(0, 4);
            lines.push(
              `      ${kb(file).toFixed(1).padStart(7)} ${file}  ${top.map(([p, n]) => `${p} ${Math.round(n / 1000)}k`).join(', ')}`,
            );
          }
        if (landing.budgeted && total > options.budgetKb)
          problems.push(`${landing.name}: ${total.toFixed(1)} kB gzip of initial JavaScript, budget ${options.budgetKb} kB`);
        const charts = [...files].filter((file) => chunks.get(file)?.moduleIds.some((id) => CHARTS.test(id)));
        if (charts.length) problems.push(`${landing.name}: ECharts is loaded up front (in ${charts.join(', ')}), not lazily`);
      }
      console.log(`\nJavaScript before the first view, gzip (entry = initial JavaScript; pages include it):\n${lines.join('\n')}\n`);
      if (problems.length) this.error(`JavaScript weight check failed:\n  ${problems.join('\n  ')}`);
    },
  };
}
