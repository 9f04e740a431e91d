/**
 * EXPLAIN (FORMAT JSON) of captured statements, and the sequential scans of the big tables in a plan. A statement
 * that reads `tasks`, `progress_reports`, `task_events` or `audit_events` without an index is what makes a page
 * slow at a million items; the plan gate fails on it.
 */
import type { LoggedStatement } from './statement-log.js';

export const BIG_TABLES = ['tasks', 'progress_reports', 'task_events', 'audit_events'] as const;

export type Exec = (text: string, params?: unknown[]) => Promise<Record<string, unknown>[]>;

export interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Actual Total Time'?: number;
  Plans?: PlanNode[];
  [key: string]: unknown;
}

export interface ExplainResult {
  plan: PlanNode;
  /** Execution time (ms) when analysed. */
  executionMs?: number;
}

/** Statements that are not plannable queries (transaction control, notifications, settings) are skipped. */
export function isExplainable(text: string): boolean {
  return /^\s*(\(?\s*select|with|insert|update|delete)\b/i.test(text) && !/^\s*select\s+pg_notify\s*\(/i.test(text);
}

export async function explain(exec: Exec, statement: LoggedStatement, options: { analyze?: boolean } = {}): Promise<ExplainResult> {
  const rows = await exec(`explain (format json${options.analyze ? ', analyze, buffers' : ''}) ${statement.text}`, statement.params);
  const cell = rows[0]?.['QUERY PLAN'];
  const parsed: unknown = typeof cell === 'string' ? JSON.parse(cell) : cell;
  const top = (Array.isArray(parsed) ? parsed[0] : parsed) as { Plan: PlanNode; 'Execution Time'?: number };
  return { plan: top.Plan, ...(top['Execution Time'] !== undefined ? { executionMs: top['Execution Time'] } : {}) };
}

/** Every node of a plan, depth first. */
export function planNodes(node: PlanNode): PlanNode[] {
  return [node, ...(node.Plans ?? []).flatMap(planNodes)];
}

/** The big tables a plan reads with a sequential scan. */
export function bigTableSeqScans(plan: PlanNode): string[] {
  return planNodes(plan)
    .filter((n) => n['Node Type'] === 'Seq Scan' && (BIG_TABLES as readonly string[]).includes(n['Relation Name'] ?? ''))
    .map((n) => n['Relation Name'] ?? '');
}

/** One line per node: type, relation and index, for messages. */
export function planOutline(node: PlanNode, depth = 0): string[] {
  const what = [node['Node Type'], node['Relation Name'], node['Index Name']].filter(Boolean).join(' ');
  const time = node['Actual Total Time'] !== undefined ? ` (${node['Actual Total Time']} ms)` : '';
  return [`${'  '.repeat(depth)}${what}${time}`, ...(node.Plans ?? []).flatMap((child) => planOutline(child, depth + 1))];
}
