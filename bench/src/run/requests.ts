/**
 * The API calls the web client makes, as request specs: the ledger page, the item page's calls, a progress report
 * (with its Idempotency-Key, as the web client sends one per submission) and the cockpit.
 */
import { randomUUID } from 'node:crypto';
import type { ItemToOpen } from './fixtures.js';
import type { RequestSpec } from './request.js';
import type { BenchSession } from './session.js';

/** The keyword of scenario (b): a topic that appears in about one item title or content in forty. */
export const BENCH_KEYWORD = '高标准农田';

export function ledgerQuery(params: Record<string, string> = {}): string {
  return new URLSearchParams({ ...params, limit: '50' }).toString();
}

export function ledgerRequest(session: BenchSession, params: Record<string, string> = {}, kind = 'ledger'): RequestSpec {
  return { kind, method: 'GET', path: `/api/ledger?${ledgerQuery(params)}`, headers: session.readHeaders };
}

/** What the item page (/tasks/:id) loads for a 督查室 reader: the item with its timeline, then each section. */
export function itemPageRequests(session: BenchSession, item: ItemToOpen): RequestSpec[] {
  const id = encodeURIComponent(item.id);
  const get = (kind: string, path: string): RequestSpec => ({ kind, method: 'GET', path, headers: session.readHeaders });
  return [
    get('item', `/api/tasks/${id}`),
    get('item.milestones', `/api/tasks/${id}/milestones`),
    get('item.roadmap', `/api/roadmap?parentId=${id}`),
    get('item.instructions', `/api/tasks/${id}/instructions`),
    get('item.extensions', `/api/tasks/${id}/extensions`),
    get('item.cooperation', `/api/tasks/${id}/cooperation`),
    get('item.reports', `/api/tasks/${id}/reports`),
    ...(item.hasChildren ? [get('item.subtasks', `/api/tasks?parentId=${id}&limit=50`)] : []),
  ];
}

/** Every call of every item page, item after item. */
export function itemPageStream(session: BenchSession, items: readonly ItemToOpen[]): () => RequestSpec {
  let queue: RequestSpec[] = [];
  let next = 0;
  return () => {
    if (queue.length === 0) {
      const item = items[next++ % items.length];
      if (!item) throw new Error('no items to open');
      queue = itemPageRequests(session, item);
    }
    return queue.shift() as RequestSpec;
  };
}

let reportCounter = 0;

export function reportRequest(session: BenchSession, taskId: string): RequestSpec {
  reportCounter++;
  return {
    kind: 'report',
    method: 'POST',
    path: `/api/tasks/${encodeURIComponent(taskId)}/reports`,
    headers: { ...session.writeHeaders, 'idempotency-key': randomUUID() },
    body: JSON.stringify({
      periodLabel: '2026年压力测试',
      done: `按计划推进各项工作，完成阶段性目标（第${reportCounter}次报送）。`,
      nextSteps: '继续加强调度，确保按期办结。',
      percent: 40 + (reportCounter % 50),
    }),
  };
}

export function cockpitRequest(session: BenchSession): RequestSpec {
  return { kind: 'cockpit', method: 'GET', path: '/api/cockpit', headers: session.readHeaders };
}
