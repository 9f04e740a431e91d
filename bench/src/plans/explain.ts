/**
 * EXPLAIN (FORMAT JSON) of captured statements, and the sequential scans of the big tables in a plan. A statement
 * that reads `tasks`, `progress_reports`, `task_events` or `audit_events` without an index is what makes a page
 * slow at a million items; the plan gate fails on it.
 */
import type { LoggedStatement } from './statement-log.js';

export const BIG_TABLES = ['tasks', 'task_reach', 'progress_reports', 'task_events', 'audit_events'] as const;

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
  /** Execution and planning time (ms) when analysed. */
  executionMs?: number;
  planningMs?: number;
}

/** Statements that are not plannable queries (transaction control, notifications, settings) are skipped. */
export function isExplainable(text: string): boolean {
  return /^\s*(\(?\s*select|with|insert|update|delete)\b/i.test(text) && !/^\s*select\s+pg_notify\s*\(/i.test(text);
}

export async function explain(exec: Exec, statement: LoggedStatement, options: { analyze?: boolean } = {}): Promise<ExplainResult> {
  const rows = await exec(`explain (format json${options.analyze ? ', analyze, buffers' : ''}) ${statement.text}`, statement.params);
  const cell = rows[0]?.['QUERY PLAN'];
  const parsed: unknown = typeof cell === 'string' ? JSON.parse(cell) : cell;
  const top = (Array.isArray(parsed) ? parsed[0] : parsed) as { Plan: PlanNode; 'Execution Time'?: number; 'Planning Time'?: number };
  return {
    plan: top.Plan,
    ...(top['Execution Time'] !== undefined ? { executionMs: top['Execution Time'] } : {}),
    ...(top['Planning Time'] !== undefined ? { planningMs: top['Planning Time'] } : {}),
  };
}

/** Every node of a plan, depth first. */
export function planNodes(node: PlanNode): PlanNode[] {
  return [node, ...(node.Plans ?? []).flatMap(planNodes)];
}

/** Nodes that read their whole input before giving a row: a Limit above them does not shorten what they read. */
const CONSUMING = new Set(['Sort', 'Incremental Sort', 'Aggregate', 'Hash', 'Materialize', 'SetOp', 'WindowAgg', 'Group', 'Gather Merge']);

/** Whether a node's children are read only as far as a Limit above needs. */
const childIsLimited = (type: string, limited: boolean) => (type === 'Limit' ? true : CONSUMING.has(type) ? false : limited);

const isBig = (node: PlanNode) => (BIG_TABLES as readonly string[]).includes(node['Relation Name'] ?? '');

/**
 * Where a plan reads a big table whole: a sequential scan, or an index scan without an index condition (with
 * sequential scans disabled the planner walks a whole index instead) — unless a Limit stops that walk early, as the
 * ledger's ordered page does. Returns "Seq Scan on tasks", "full Index Only Scan of tasks_lead_status_idx" ….
 */
export function bigTableFullScans(plan: PlanNode): string[] {
  const found: string[] = [];
  const visit = (node: PlanNode, limited: boolean) => {
    const type = node['Node Type'];
    if (isBig(node) && type === 'Seq Scan') found.push(`Seq Scan on ${node['Relation Name'] ?? ''}`);
    if (isBig(node) && (type === 'Index Scan' || type === 'Index Only Scan') && !node['Index Cond'] && !limited) {
      found.push(`full ${type} of ${String(node['Index Name'])} on ${node['Relation Name'] ?? ''}`);
    }
    for (const child of node.Plans ?? []) visit(child, childIsLimited(type, limited));
  };
  visit(plan, false);
  return found;
}

const SCANS = new Set(['Seq Scan', 'Index Scan', 'Index Only Scan', 'Bitmap Heap Scan']);

/**
 * Rows of each big table an analysed plan looked at: what its scans returned plus what their filters and rechecks
 * threw away, over every loop. A nested loop that visits every unit in scope and reads each unit's items through an
 * index has an index condition on every scan and still reads the table whole; this counts it. Walks that a Limit
 * stops (a page in index order) are left out: what they read depends on the page size, not on the table.
 */
export function bigTableRowsExamined(plan: PlanNode): Map<string, number> {
  const examined = new Map<string, number>();
  const visit = (node: PlanNode, limited: boolean) => {
    const type = node['Node Type'];
    if (isBig(node) && SCANS.has(type) && !limited) {
      const perLoop =
        Number(node['Actual Rows'] ?? 0) + Number(node['Rows Removed by Filter'] ?? 0) + Number(node['Rows Removed by Index Recheck'] ?? 0);
      const relation = node['Relation Name'] ?? '';
      examined.set(relation, (examined.get(relation) ?? 0) + perLoop * Number(node['Actual Loops'] ?? 1));
    }
    for (const child of node.Plans ?? []) visit(child, childIsLimited(type, limited));
  };
  visit(plan, false);
  return examined;
}

/** One line per node: type, relation and index, for messages. */
export function planOutline(node: PlanNode, depth = 0): string[] {
  const what = [node['Node Type'], node['Relation Name'], node['Index Name']].filter(Boolean).join(' ');
  const actual =
    node['Actual Total Time'] !== undefined
      ? ` (${String(node['Actual Rows'])} rows × ${String(node['Actual Loops'])} loops, ${String(node['Actual Total Time'])} ms)`
      : '';
  return [`${'  '.repeat(depth)}${what}${actual}`, ...(node.Plans ?? []).flatMap((child) => planOutline(child, depth + 1))];
}
