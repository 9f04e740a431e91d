/**
 * The demo's cast as a type of its own: tasks.demo.ts builds it and calls the roadmap demo (tasks.demo-roadmap.ts)
 * with it, so the roadmap demo learns its shape here instead of importing the file that calls it (an import cycle).
 */
import type { Deps, RequestContext } from '../platform/context.js';

/** Who acts in the demo: the province's 督查员, Kunming's 督查室, and a handler stand-in for any unit. */
export interface DemoCast {
  deps: Deps;
  base: RequestContext;
  supervisor: RequestContext;
  kunming: RequestContext | null;
  leaderPersonId: string | null;
  /** A unit by name, directly under the province government (or under `parentName`). */
  unitId: (name: string, parentName?: string) => Promise<string | undefined>;
  /** The lead unit acting through a handler of its own scope (not a login: a demo stand-in). */
  unitCtx: (unitId: string) => RequestContext;
  /** The 承办人 post holder of a unit, if the demo people have one. */
  handlerOf: (unitId: string) => Promise<string | undefined>;
}

/**
 * The reporting period a monthly report filed at `at` belongs to, as the report form names it (2026年12月), so demo
 * reports never show a vague 本月 or 本期 beside the real periods.
 */
export function monthPeriodOf(at: Date): string {
  const [year, month] = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(at).split('-');
  return `${year}年${Number(month)}月`;
}
