/**
 * The hot requests of issue 6 — the ledger's first page (a), the ledger with a keyword (b), every call of the item
 * page (c), the cockpit (e) and a progress report (the write path with its audit event) — as the web client sends
 * them, and the SQL each one makes the product send, captured through `withStatementLog`.
 */
import { randomUUID } from 'node:crypto';
import { buildApp } from '../../../server/src/app.js';
import type { Deps } from '../../../server/src/platform/context.js';
import { BENCH_ACCOUNTS, BENCH_PASSWORD } from '../phase-users.js';
import { withStatementLog, type LoggedStatement } from './statement-log.js';

export const HOT_KEYWORD = '高标准农田';

export interface HotRequest {
  name: string;
  as: 'ducha' | 'handler' | 'prefecture';
  method: 'GET' | 'POST';
  url: string;
  payload?: object;
}

export interface HotItems {
  /** An item with sub-items, reports and a timeline (opened by the province 督查室). */
  itemId: string;
  /** An open item of the bench handler's department (reported on). */
  reportableId: string;
}

export function hotRequests(items: HotItems): HotRequest[] {
  const id = items.itemId;
  const page = (name: string, url: string): HotRequest => ({ name, as: 'ducha', method: 'GET', url });
  return [
    page('(a) ledger default', '/api/ledger?limit=50'),
    page('(b) ledger keyword', `/api/ledger?q=${encodeURIComponent(HOT_KEYWORD)}&limit=50`),
    page('(c) item', `/api/tasks/${id}`),
    page('(c) item milestones', `/api/tasks/${id}/milestones`),
    page('(c) item roadmap', `/api/roadmap?parentId=${id}`),
    page('(c) item instructions', `/api/tasks/${id}/instructions`),
    page('(c) item extensions', `/api/tasks/${id}/extensions`),
    page('(c) item cooperation', `/api/tasks/${id}/cooperation`),
    page('(c) item reports', `/api/tasks/${id}/reports`),
    page('(c) item sub-items', `/api/tasks?parentId=${id}&limit=50`),
    page('(e) cockpit', '/api/cockpit'),
    // Below the province (issue 12): a 州市 reader's pages walk its own reach rows, in every sort, and its counts and
    // cockpit come from the kept tallies.
    { name: '(a-州市) ledger default', as: 'prefecture', method: 'GET', url: '/api/ledger?limit=50' },
    { name: '(a-州市) ledger by light', as: 'prefecture', method: 'GET', url: '/api/ledger?sort=warningLevel&order=desc&limit=50' },
    {
      name: '(a-州市) ledger open, newest',
      as: 'prefecture',
      method: 'GET',
      url: '/api/ledger?status=in_progress&sort=createdAt&order=desc&limit=50',
    },
    { name: '(b-州市) ledger keyword', as: 'prefecture', method: 'GET', url: `/api/ledger?q=${encodeURIComponent(HOT_KEYWORD)}&limit=50` },
    { name: '(e-州市) cockpit', as: 'prefecture', method: 'GET', url: '/api/cockpit' },
    {
      name: '(d) progress report',
      as: 'handler',
      method: 'POST',
      url: `/api/tasks/${items.reportableId}/reports`,
      payload: { periodLabel: '2026年执行计划检查', done: '按计划推进，完成阶段性目标。', percent: 55 },
    },
  ];
}

export interface CapturedRequest {
  request: HotRequest;
  status: number;
  statements: LoggedStatement[];
}

/** Picks the items the hot requests use, from the generated data (owner rights: the choice reads across units). */
export async function pickHotItems(exec: (text: string, params?: unknown[]) => Promise<Record<string, unknown>[]>): Promise<HotItems> {
  const [item] = await exec(
    `select p.id from tasks p where p.depth = 0 and exists (select 1 from tasks c where c.parent_id = p.id)
       and exists (select 1 from progress_reports r where r.task_id = p.id) order by p.serial_number limit 1`,
  );
  const [reportable] = await exec(
    `select t.id from tasks t join users u on u.username = $1 and u.scope_unit_id = t.lead_unit_id
     where t.status in ('accepted', 'in_progress') order by t.serial_number limit 1`,
    [BENCH_ACCOUNTS.departmentHandler],
  );
  if (!item || !reportable) throw new Error('the dataset has no item with sub-items and reports, or nothing to report on');
  return { itemId: String(item.id), reportableId: String(reportable.id) };
}

/**
 * Builds the product's app on `deps` with statement logging, signs the bench accounts in, sends each hot request
 * and returns the SQL it caused — its session look-up included, as the server sends it.
 */
export async function captureHotRequests(deps: Deps, items: HotItems): Promise<CapturedRequest[]> {
  const log = withStatementLog(deps);
  const app = await buildApp(log.deps);
  try {
    const sessions = {
      ducha: await signIn(app, BENCH_ACCOUNTS.provinceSupervisor),
      handler: await signIn(app, BENCH_ACCOUNTS.departmentHandler),
      prefecture: await signIn(app, BENCH_ACCOUNTS.prefectureSupervisor),
    };
    const captured: CapturedRequest[] = [];
    for (const request of hotRequests(items)) {
      const session = sessions[request.as];
      log.take();
      const res = await app.inject({
        method: request.method,
        url: request.url,
        headers: {
          cookie: session.cookie,
          'x-csrf-token': session.csrf,
          ...(request.method === 'POST' ? { 'idempotency-key': randomUUID() } : {}),
        },
        ...(request.payload ? { payload: request.payload } : {}),
      });
      captured.push({ request, status: res.statusCode, statements: log.take() });
    }
    return captured;
  } finally {
    await app.close();
  }
}

async function signIn(app: Awaited<ReturnType<typeof buildApp>>, username: string): Promise<{ cookie: string; csrf: string }> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { username, password: BENCH_PASSWORD } });
  if (res.statusCode !== 200) throw new Error(`sign-in of ${username} failed: ${res.statusCode} ${res.body}`);
  const setCookie = res.headers['set-cookie'];
  const first = Array.isArray(setCookie) ? setCookie[0] : setCookie;
  return { cookie: (first ?? '').split(';')[0] ?? '', csrf: res.json<{ csrfToken: string }>().csrfToken };
}
