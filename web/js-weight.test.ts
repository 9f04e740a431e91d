/** The landing weight check: what a first view counts, and when the build fails. */
import { describe, expect, it } from 'vitest';
import { packageOf, weighLandings, type WeighedChunk } from './js-weight';

function chunk(fileName: string, kb: number, more: Partial<WeighedChunk> = {}): WeighedChunk {
  return { fileName, kb, isEntry: false, imports: [], moduleIds: [`/w/web/src/${fileName}.tsx`], css: [], packages: new Map(), ...more };
}

const entry = chunk('index', 100, { isEntry: true, imports: ['vendor'], packages: new Map([['web/app', 1]]) });
const vendor = chunk('vendor', 50, { moduleIds: ['/w/node_modules/antd/es/button/index.js'], packages: new Map([['antd', 10]]) });
const texts = chunk('zh-CN', 10, { moduleIds: ['/w/web/src/app/i18n/zh-CN.ts'] });
const page = chunk('page', 30, {
  imports: ['shared'],
  css: ['page.css'],
  moduleIds: ['/w/web/src/features/home/home-page.tsx'],
  packages: new Map([
    ['web/features/home', 3],
    ['antd', 1],
  ]),
});
const shared = chunk('shared', 20, { moduleIds: ['/w/node_modules/zod/v4/index.js'], packages: new Map([['zod', 5]]) });
const charts = chunk('charts', 200, { moduleIds: ['/w/node_modules/echarts/core.js'] });
const all = [entry, vendor, texts, page, shared, charts];
const css = new Map([['page.css', 5]]);
const home = { name: 'home', modules: [/home-page\.tsx$/] };

describe('weighLandings', () => {
  it('counts the initial chunks, the eager imports, the page with its static imports and their CSS', () => {
    const { landings, problems } = weighLandings(all, css, { budgetKb: 400, landings: [home], eager: [/zh-CN\.ts$/] });
    expect(problems).toEqual([]);
    expect(landings[0]?.kb).toBe(100 + 50 + 10 + 30 + 20 + 5);
    expect(landings[0]?.files).toEqual(['index', 'vendor', 'page', 'shared', 'zh-CN', 'page.css']);
    expect(landings[0]?.packages[0]?.[0]).toBe('web/app');
  });

  it('fails a landing over the budget and names its heaviest packages', () => {
    const { problems } = weighLandings(all, css, { budgetKb: 200, landings: [home] });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(
      /^home: 205\.0 kB gzip, over 200 kB; heaviest: web\/app ~100 kB, antd ~58 kB, web\/features\/home ~23 kB, zod ~20 kB, CSS ~5 kB$/,
    );
  });

  it('holds a landing with an allowance to it, and asks for a stale allowance to come down', () => {
    const within = weighLandings(all, css, { budgetKb: 200, landings: [{ ...home, allowanceKb: 208 }] });
    expect(within.problems).toEqual([]);
    expect(within.landings[0]?.overBudget).toBe(true);
    const over = weighLandings(all, css, { budgetKb: 200, landings: [{ ...home, allowanceKb: 204 }] });
    expect(over.problems[0]).toMatch(/over 204 kB \(allowance; budget 200 kB\)/);
    const stale = weighLandings(all, css, { budgetKb: 200, landings: [{ ...home, allowanceKb: 215 }] });
    expect(stale.problems[0]).toMatch(/allowance of 215 kB is stale: lower it to 205 kB/);
    const done = weighLandings(all, css, { budgetKb: 300, landings: [{ ...home, allowanceKb: 320 }] });
    expect(done.problems[0]).toMatch(/stale: remove it/);
  });

  it('fails when a landing or eager module is in no chunk, and when ECharts is in a first view', () => {
    const missing = weighLandings(all, css, { budgetKb: 999, landings: [{ name: 'gone', modules: [/nope\.tsx$/] }], eager: [/none$/] });
    expect(missing.problems).toEqual(['no chunk holds the eagerly loaded module /none$/', 'gone: no chunk holds /nope\\.tsx$/']);
    const eagerCharts = weighLandings(all, css, { budgetKb: 999, landings: [{ name: 'cockpit', modules: [/echarts/] }] });
    expect(eagerCharts.problems).toEqual(['cockpit: ECharts is loaded up front (in charts), not lazily']);
  });
});

describe('packageOf', () => {
  it('names packages, scoped packages and source folders', () => {
    expect(packageOf('/w/node_modules/antd/es/table/Table.js')).toBe('antd');
    expect(packageOf('/w/node_modules/@ant-design/icons/es/index.js')).toBe('@ant-design/icons');
    expect(packageOf('/w/main/web/src/features/tasks/task-format.ts')).toBe('web/features/tasks');
    expect(packageOf('/w/main/contracts/src/tasks.ts')).toBe('contracts');
  });
});
