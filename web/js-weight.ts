/**
 * Build-time weight check (issues 6 and 12), on every production build. For each landing page (the sign-in page and
 * the pages people open first) it adds up, gzip-compressed, everything its first view downloads:
 *
 * - the initial JavaScript: the entry chunk and its static imports;
 * - what starts loading at once without being a static import (`eager`: the contracts, the UI language's texts);
 * - the route's lazy chunks (the shell and the page) and their static imports;
 * - the CSS files any of these chunks import.
 *
 * Every landing is held to the budget; the build fails above it, naming the landing and its heaviest packages, so the
 * fix starts at the right place. ECharts (and its renderer zrender) must not be in any of these: charts arrive only
 * with the cockpit's lazily loaded chart chunk, after the first view. `JS_WEIGHT_DETAIL=1` lists every file;
 * `JS_WEIGHT_MODULES=<regexp>` lists the modules (rendered bytes) of the chunks whose file name matches.
 */
import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

export interface Landing {
  name: string;
  /** Modules whose chunks the first view loads besides the initial ones (the shell, the page), matched on their path. */
  modules: RegExp[];
  /**
   * A temporary ceiling above the budget for a landing not yet brought within it: the build fails above this instead,
   * reports the landing as over the budget on every build, and fails too when the ceiling is more than
   * `allowanceSlackKb` above the landing's weight, so a ceiling can only come down until it is removed.
   */
  allowanceKb?: number;
}

/** How far above a landing's weight its allowance may stay before the build asks for it to be lowered. */
export const allowanceSlackKb = 5;

/** What the check needs of one output chunk. */
export interface WeighedChunk {
  fileName: string;
  isEntry: boolean;
  /** Chunks it imports statically (loaded before it runs). */
  imports: string[];
  moduleIds: string[];
  /** CSS files it imports. */
  css: string[];
  /** Gzip kB of the file. */
  kb: number;
  /** Rendered bytes per package (or source folder), to name what is heavy. */
  packages: Map<string, number>;
}

export interface WeightOptions {
  budgetKb: number;
  landings: Landing[];
  /** Modules every first view loads at once through a dynamic import, matched on their path. */
  eager?: RegExp[];
}

export interface LandingWeight {
  name: string;
  kb: number;
  /** JavaScript and CSS files, heaviest first. */
  files: string[];
  /** Estimated gzip kB per package (each file's gzip size shared out by rendered bytes), heaviest first. */
  packages: [string, number][];
  /** Over the budget (within its allowance, or the build fails). */
  overBudget: boolean;
}

/** Package name of a module id (`antd`, `@ant-design/icons`), or its source folder (`web/features/tasks`). */
export function packageOf(id: string): string {
  const match = /node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)/.exec(id);
  if (match?.[1]) return match[1].replace('\\', '/');
  return id.replace(/^.*[\\/](web|contracts)[\\/]src[\\/]/, '$1/').replace(/[\\/][^\\/]+$/, '');
}

function packagesOf(modules: Record<string, { renderedLength: number }>): Map<string, number> {
  const sizes = new Map<string, number>();
  for (const [id, info] of Object.entries(modules)) {
    const name = packageOf(id);
    sizes.set(name, (sizes.get(name) ?? 0) + info.renderedLength);
  }
  return sizes;
}

const CHARTS = /[\\/]node_modules[\\/](echarts|zrender)[\\/]/;

/** The chunks `start` needs before running: themselves and their static imports, transitively. */
function staticClosure(start: string[], chunks: Map<string, WeighedChunk>): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const next of chunks.get(file)?.imports ?? []) visit(next);
  };
  start.forEach(visit);
  return seen;
}

/** Shares each file's gzip size among its packages in proportion to their rendered bytes. */
function packageWeights(files: string[], chunks: Map<string, WeighedChunk>, cssKb: Map<string, number>): [string, number][] {
  const weights = new Map<string, number>();
  const add = (name: string, kb: number) => weights.set(name, (weights.get(name) ?? 0) + kb);
  for (const file of files) {
    const chunk = chunks.get(file);
    if (!chunk) {
      add('CSS', cssKb.get(file) ?? 0);
      continue;
    }
    const total = [...chunk.packages.values()].reduce((sum, n) => sum + n, 0);
    for (const [name, bytes] of chunk.packages) add(name, total ? (chunk.kb * bytes) / total : 0);
  }
  return [...weights].sort((a, b) => b[1] - a[1]);
}

/**
 * Weighs every landing and lists what breaks the rules: a landing over the budget (with its heaviest packages), a
 * landing whose modules are not found in any chunk (a renamed page would otherwise silently weigh nothing), ECharts
 * in a first view.
 */
export function weighLandings(
  chunkList: WeighedChunk[],
  cssKb: Map<string, number>,
  options: WeightOptions,
): { landings: LandingWeight[]; problems: string[] } {
  const chunks = new Map(chunkList.map((chunk) => [chunk.fileName, chunk]));
  const containing = (pattern: RegExp) => chunkList.filter((c) => c.moduleIds.some((id) => pattern.test(id))).map((c) => c.fileName);
  const problems: string[] = [];
  const entries = chunkList.filter((c) => c.isEntry).map((c) => c.fileName);
  const eager = (options.eager ?? []).flatMap((pattern) => {
    const found = containing(pattern);
    if (!found.length) problems.push(`no chunk holds the eagerly loaded module ${String(pattern)}`);
    return found;
  });
  const landings = options.landings.map((landing) => {
    const own = landing.modules.flatMap((pattern) => {
      const found = containing(pattern);
      if (!found.length) problems.push(`${landing.name}: no chunk holds ${String(pattern)}`);
      return found;
    });
    const js = [...staticClosure([...entries, ...eager, ...own], chunks)];
    const css = [...new Set(js.flatMap((file) => chunks.get(file)?.css ?? []))];
    const size = (file: string) => chunks.get(file)?.kb ?? cssKb.get(file) ?? 0;
    const files = [...js, ...css].sort((a, b) => size(b) - size(a));
    const kb = files.reduce((sum, file) => sum + size(file), 0);
    const packages = packageWeights(files, chunks, cssKb);
    const heaviest = packages
      .slice(0, 5)
      .map(([name, weight]) => `${name} ~${weight.toFixed(0)} kB`)
      .join(', ');
    const limit = landing.allowanceKb ?? options.budgetKb;
    if (kb > limit) {
      const allowed = landing.allowanceKb === undefined ? '' : ` (allowance; budget ${options.budgetKb} kB)`;
      problems.push(`${landing.name}: ${kb.toFixed(1)} kB gzip, over ${limit} kB${allowed}; heaviest: ${heaviest}`);
    } else if (landing.allowanceKb !== undefined && landing.allowanceKb - kb > allowanceSlackKb) {
      const lower = Math.max(options.budgetKb, Math.ceil(kb));
      const advice = lower === options.budgetKb ? 'remove it' : `lower it to ${lower} kB`;
      problems.push(`${landing.name}: weighs ${kb.toFixed(1)} kB gzip, its allowance of ${landing.allowanceKb} kB is stale: ${advice}`);
    }
    const charts = js.filter((file) => chunks.get(file)?.moduleIds.some((id) => CHARTS.test(id)));
    if (charts.length) problems.push(`${landing.name}: ECharts is loaded up front (in ${charts.join(', ')}), not lazily`);
    return { name: landing.name, kb, files, packages, overBudget: kb > options.budgetKb };
  });
  return { landings, problems };
}

function gzipKb(source: string | Uint8Array): number {
  return gzipSync(source, { level: 9 }).length / 1000;
}

/** The Vite plugin: weighs the landings of every production build and fails the build on a problem. */
export function jsWeight(options: WeightOptions): Plugin {
  return {
    name: 'luoshi-js-weight',
    apply: 'build',
    generateBundle(_output, bundle) {
      const chunks: WeighedChunk[] = [];
      const cssKb = new Map<string, number>();
      for (const item of Object.values(bundle)) {
        if (item.type === 'asset') {
          if (item.fileName.endsWith('.css')) cssKb.set(item.fileName, gzipKb(item.source));
          continue;
        }
        chunks.push({
          fileName: item.fileName,
          isEntry: item.isEntry,
          imports: item.imports,
          moduleIds: Object.keys(item.modules),
          css: [...(item.viteMetadata?.importedCss ?? [])],
          kb: gzipKb(item.code),
          packages: packagesOf(item.modules),
        });
      }
      const { landings, problems } = weighLandings(chunks, cssKb, options);
      const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
      const lines: string[] = [];
      for (const landing of landings) {
        const top = landing.packages
          .slice(0, 4)
          .map(([name, kb]) => `${name} ${kb.toFixed(0)}`)
          .join(', ');
        const mark = landing.overBudget ? `  OVER THE ${options.budgetKb} kB BUDGET (temporary allowance)` : '';
        lines.push(
          `  ${landing.name.padEnd(24)} ${landing.kb.toFixed(1).padStart(6)} kB in ${String(landing.files.length).padStart(2)} files  (${top})${mark}`,
        );
        if (process.env.JS_WEIGHT_DETAIL)
          for (const file of landing.files) {
            const chunk = byName.get(file);
            const parts = [...(chunk?.packages ?? [])].sort((a, b) => b[1] - a[1]).slice(0, 4);
            const size = chunk?.kb ?? cssKb.get(file) ?? 0;
            lines.push(
              `      ${size.toFixed(1).padStart(6)} ${file}  ${parts.map(([p, n]) => `${p} ${Math.round(n / 1000)}k`).join(', ')}`,
            );
          }
      }
      const modulesOf = process.env.JS_WEIGHT_MODULES ? new RegExp(process.env.JS_WEIGHT_MODULES) : undefined;
      for (const item of Object.values(bundle))
        if (modulesOf && item.type === 'chunk' && modulesOf.test(item.fileName))
          for (const [id, info] of Object.entries(item.modules).sort((a, b) => b[1].renderedLength - a[1].renderedLength))
            lines.push(`      ${item.fileName} ${String(info.renderedLength).padStart(7)} ${id.replace(/^.*node_modules[\\/]/, '')}`);
      console.log(
        `\nFirst view of each landing page, gzip, JavaScript and CSS (budget ${options.budgetKb} kB each):\n${lines.join('\n')}\n`,
      );
      if (problems.length) this.error(`Page weight check failed:\n  ${problems.join('\n  ')}`);
    },
  };
}
