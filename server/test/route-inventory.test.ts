/**
 * The route inventory: every route the app registers, checked against the rules every route must follow (DESIGN
 * §3–4). A new route cannot skip its response schema, its authentication, or its out-of-scope probe without this
 * file failing.
 */
import { randomUUID } from 'node:crypto';
import type { AuditEvent, ErrorBody, Person, Post, Role } from '@luoshi/contracts';
import ExcelJS from 'exceljs';
import type { HTTPMethods, LightMyRequestResponse, RouteOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../src/app.js';
import { publishTaskChange } from '../src/platform/live.js';
import {
  authHeaders,
  createTree,
  createUser,
  multipartFile,
  signIn,
  startTestEnv,
  TEST_PASSWORD,
  type Session,
  type TestEnv,
  type TestTree,
} from './harness.js';

let env: TestEnv;
let inventoryApp: App;
const routes: RouteOptions[] = [];

beforeAll(async () => {
  env = await startTestEnv({ SIGN_IN_RATE_PER_MINUTE: '1000' });
  // A second app on the same database, built only to see every route as it is registered.
  inventoryApp = await buildApp(env.deps, { onRoute: (route) => routes.push(route) });
  await inventoryApp.ready();
});

afterAll(async () => {
  await inventoryApp.close();
  await env.close();
});

interface RouteEntry {
  key: string;
  method: HTTPMethods;
  url: string;
  route: RouteOptions;
}

const isDocs = (url: string) => url === '/api/docs' || url.startsWith('/api/docs/');

/** One entry per method and url; HEAD routes Fastify adds for each GET are left out. */
function inventory(): RouteEntry[] {
  const entries: RouteEntry[] = [];
  for (const route of routes) {
    for (const method of [route.method].flat()) {
      entries.push({ key: `${method} ${route.url}`, method, url: route.url, route });
    }
  }
  const gets = new Set(entries.filter((e) => e.method === 'GET').map((e) => e.url));
  return entries.filter((e) => !(e.method === 'HEAD' && gets.has(e.url)));
}

/** What the access hook in app.ts applies: the route's own `access`, else closed for /api (but the docs UI). */
function accessOf(entry: RouteEntry): string {
  return entry.route.config?.access ?? (entry.url.startsWith('/api/') && !isDocs(entry.url) ? 'active' : 'public');
}

function concreteUrl(url: string): string {
  return url.replace(/:(\w+)/g, (whole, name: string) => {
    if (name === 'id' || name === 'unitId') return randomUUID();
    if (name === 'day') return '2026-01-01';
    if (name === 'source') return 'document';
    if (name === 'alias') return encodeURIComponent('别名');
    throw new Error(`route-inventory: no sample value for parameter ${whole} in ${url}`);
  });
}

function errorOf(res: LightMyRequestResponse): ErrorBody['error'] {
  return res.json<ErrorBody>().error;
}

describe('route inventory', () => {
  it('sees the app’s routes', () => {
    const keys = inventory().map((e) => e.key);
    expect(keys).toEqual(expect.arrayContaining(['GET /api/units', 'GET /api/health', 'POST /api/auth/sign-in', 'GET /api/openapi.json']));
  });

  it('every API route declares a 2xx response schema', () => {
    const missing = inventory()
      .filter((e) => e.url.startsWith('/api') && !isDocs(e.url) && e.url !== '/api/openapi.json')
      .filter((e) => {
        const response = e.route.schema?.response;
        return !response || typeof response !== 'object' || !Object.keys(response).some((status) => /^2(\d\d|xx)$/i.test(status));
      })
      .map((e) => e.key);
    expect(missing).toEqual([]);
  });

  it('only the known routes are public', () => {
    const publicApi = inventory()
      .filter((e) => e.url.startsWith('/api') && !isDocs(e.url) && accessOf(e) === 'public')
      .map((e) => e.key)
      .sort();
    expect(publicApi).toEqual(['GET /api/demo-mode', 'GET /api/health', 'GET /api/openapi.json', 'POST /api/auth/sign-in']);
  });

  it('every non-public route answers 401 UNAUTHENTICATED without a session', async () => {
    const closed = inventory().filter((e) => accessOf(e) !== 'public');
    expect(closed.length).toBeGreaterThan(10);
    const wrong: string[] = [];
    for (const entry of closed) {
      const hasBody = !['GET', 'HEAD', 'OPTIONS'].includes(entry.method);
      const res = await env.app.inject({
        method: entry.method,
        url: concreteUrl(entry.url),
        ...(hasBody ? { payload: {} } : {}),
      });
      const code = entry.method === 'HEAD' ? 'UNAUTHENTICATED' : errorOf(res).code;
      if (res.statusCode !== 401 || code !== 'UNAUTHENTICATED') wrong.push(`${entry.key} → ${res.statusCode} ${code}`);
    }
    expect(wrong).toEqual([]);
  });
});

// ── out-of-scope probes ───────────────────────────────────────────────────────────────────────────────────────

interface ProbeContext {
  tree: TestTree;
  /** Signed in at countyA1 with the probe's role. */
  session: Session;
  /** A system administrator at the tree root, to build records anywhere. */
  rootAdmin: Session;
}

interface Probe {
  role: Role;
  run: (ctx: ProbeContext) => Promise<void>;
}

function call(
  session: Session,
  method: 'GET' | 'POST' | 'PATCH' | 'PUT',
  url: string,
  payload?: object,
  headers: Record<string, string> = {},
) {
  return env.app.inject({ method, url, ...(payload !== undefined ? { payload } : {}), headers: { ...authHeaders(session), ...headers } });
}

function expectNotFound(res: LightMyRequestResponse): void {
  expect(res.statusCode, res.body).toBe(404);
  expect(errorOf(res).code).toBe('NOT_FOUND');
}

async function personIn(ctx: ProbeContext, unitId: string, isLeader = false): Promise<Person> {
  const res = await call(ctx.rootAdmin, 'POST', '/api/persons', { unitId, name: '乙一县人员', isLeader });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<Person>();
}

async function postIn(ctx: ProbeContext, unitId: string): Promise<Post> {
  const res = await call(ctx.rootAdmin, 'POST', '/api/posts', { unitId, name: '联络员' });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<Post>();
}

async function countRows(table: 'units' | 'persons' | 'posts' | 'users' | 'webhook_endpoints' | 'unit_aliases'): Promise<number> {
  const rows = await env.ownerQuery(`select count(*)::int as n from ${table}`);
  return Number(rows[0]?.n);
}

/**
 * For every `scope: 'subtree'` route: the request a countyA1 user makes for something in countyB1 (or, for lists,
 * the countyB1 filter), which must look exactly like a missing record.
 */
/** A dead e-mail delivery to a countyB1 user. */
async function deadDeliveryIn(ctx: ProbeContext): Promise<string> {
  const user = await createUser(env.deps, ctx.tree.countyB1, ['unit_handler']);
  const notificationId = randomUUID();
  const deliveryId = randomUUID();
  await env.ownerQuery(
    `insert into notifications (id, user_id, kind, title, body, dedupe_key, created_at) values ($1, $2, 'urged', '催办', '正文', $3, now())`,
    [notificationId, user.id, `probe-${notificationId}`],
  );
  await env.ownerQuery(
    `insert into notification_deliveries (id, notification_id, channel, target, status, attempts, next_attempt_at, created_at)
     values ($1, $2, 'email', 'b1@example.test', 'dead', 6, now(), now())`,
    [deliveryId, notificationId],
  );
  return deliveryId;
}

const probes: Record<string, Probe> = {
  'GET /api/notification-deliveries': {
    role: 'system_admin',
    run: async (ctx) => {
      const id = await deadDeliveryIn(ctx);
      const res = await call(ctx.session, 'GET', '/api/notification-deliveries?status=dead');
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json<{ items: { id: string }[] }>().items.map((d) => d.id)).not.toContain(id);
    },
  },
  'POST /api/notification-deliveries/:id/retry': {
    role: 'system_admin',
    run: async (ctx) => {
      const id = await deadDeliveryIn(ctx);
      expectNotFound(await call(ctx.session, 'POST', `/api/notification-deliveries/${id}/retry`));
      const rows = await env.ownerQuery('select status from notification_deliveries where id = $1', [id]);
      expect(rows[0]?.status).toBe('dead');
    },
  },
  'GET /api/units/:id/webhooks': {
    role: 'system_admin',
    run: async ({ tree, session }) => expectNotFound(await call(session, 'GET', `/api/units/${tree.countyB1}/webhooks`)),
  },
  'POST /api/units/:id/webhooks': {
    role: 'unit_leader',
    run: async ({ tree, session }) => {
      const before = await countRows('webhook_endpoints');
      expectNotFound(
        await call(session, 'POST', `/api/units/${tree.countyB1}/webhooks`, {
          platform: 'wecom',
          url: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=x',
        }),
      );
      expect(await countRows('webhook_endpoints')).toBe(before);
    },
  },
  'GET /api/units/:id/aliases': {
    role: 'supervisor',
    run: async ({ tree, session }) => expectNotFound(await call(session, 'GET', `/api/units/${tree.countyB1}/aliases`)),
  },
  'POST /api/units/:id/aliases': {
    role: 'system_admin',
    run: async ({ tree, session }) => {
      const before = await countRows('unit_aliases');
      expectNotFound(await call(session, 'POST', `/api/units/${tree.countyB1}/aliases`, { alias: `乙一县别名${randomUUID()}` }));
      expect(await countRows('unit_aliases')).toBe(before);
    },
  },
  'DELETE /api/units/:id/aliases/:alias': {
    role: 'system_admin',
    run: async (ctx) => {
      const alias = `乙一县简称${randomUUID()}`;
      const created = await call(ctx.rootAdmin, 'POST', `/api/units/${ctx.tree.countyB1}/aliases`, { alias });
      expect(created.statusCode, created.body).toBe(201);
      const url = `/api/units/${ctx.tree.countyB1}/aliases/${encodeURIComponent(alias)}`;
      expectNotFound(await env.app.inject({ method: 'DELETE', url, headers: authHeaders(ctx.session) }));
      expect((await env.ownerQuery('select 1 from unit_aliases where alias = $1', [alias])).length).toBe(1);
    },
  },
  'DELETE /api/webhook-endpoints/:id': {
    role: 'system_admin',
    run: async (ctx) => {
      const created = await call(ctx.rootAdmin, 'POST', `/api/units/${ctx.tree.countyB1}/webhooks`, {
        platform: 'feishu',
        url: 'https://open.feishu.cn/open-apis/bot/v2/hook/abc',
      });
      expect(created.statusCode, created.body).toBe(201);
      const id = created.json<{ id: string }>().id;
      expectNotFound(await env.app.inject({ method: 'DELETE', url: `/api/webhook-endpoints/${id}`, headers: authHeaders(ctx.session) }));
      expect((await env.ownerQuery('select 1 from webhook_endpoints where id = $1', [id])).length).toBe(1);
    },
  },
  'GET /api/number-patterns': {
    role: 'system_admin',
    run: async ({ tree, session }) => {
      const res = await call(session, 'GET', '/api/number-patterns');
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json<{ unitId: string }[]>().map((p) => p.unitId)).not.toContain(tree.countyB1);
    },
  },
  'PUT /api/number-patterns/:unitId': {
    role: 'system_admin',
    run: async ({ tree, session }) => {
      expectNotFound(await call(session, 'PUT', `/api/number-patterns/${tree.countyB1}`, { pattern: '督〔{year}〕{seq}号' }));
      expect((await env.ownerQuery('select 1 from task_number_patterns where unit_id = $1', [tree.countyB1])).length).toBe(0);
    },
  },
  'GET /api/units': {
    role: 'system_admin',
    run: async ({ tree, session }) => expectNotFound(await call(session, 'GET', `/api/units?parentId=${tree.countyB1}`)),
  },
  'GET /api/units/:id': {
    role: 'system_admin',
    run: async ({ tree, session }) => expectNotFound(await call(session, 'GET', `/api/units/${tree.countyB1}`)),
  },
  'POST /api/units': {
    role: 'system_admin',
    run: async ({ tree, session }) => {
      const before = await countRows('units');
      expectNotFound(await call(session, 'POST', '/api/units', { name: '越界单位', kind: 'department', parentId: tree.countyB1 }));
      expect(await countRows('units')).toBe(before);
    },
  },
  'PATCH /api/units/:id': {
    role: 'system_admin',
    run: async ({ tree, session }) =>
      expectNotFound(await call(session, 'PATCH', `/api/units/${tree.countyB1}`, { name: '改名' }, { 'if-match': '"1"' })),
  },
  'GET /api/persons': {
    role: 'system_admin',
    run: async ({ tree, session }) => expectNotFound(await call(session, 'GET', `/api/persons?unitId=${tree.countyB1}`)),
  },
  'GET /api/persons/:id': {
    role: 'system_admin',
    run: async (ctx) => {
      const person = await personIn(ctx, ctx.tree.countyB1);
      expectNotFound(await call(ctx.session, 'GET', `/api/persons/${person.id}`));
    },
  },
  'POST /api/persons': {
    role: 'system_admin',
    run: async ({ tree, session }) => {
      const before = await countRows('persons');
      expectNotFound(await call(session, 'POST', '/api/persons', { unitId: tree.countyB1, name: '越界人员' }));
      expect(await countRows('persons')).toBe(before);
    },
  },
  'PATCH /api/persons/:id': {
    role: 'system_admin',
    run: async (ctx) => {
      const person = await personIn(ctx, ctx.tree.countyB1);
      expectNotFound(await call(ctx.session, 'PATCH', `/api/persons/${person.id}`, { title: '改' }, { 'if-match': '"1"' }));
    },
  },
  'PUT /api/persons/:id/overseen-units': {
    role: 'system_admin',
    run: async (ctx) => {
      const foreignLeader = await personIn(ctx, ctx.tree.countyB1, true);
      expectNotFound(await call(ctx.session, 'PUT', `/api/persons/${foreignLeader.id}/overseen-units`, { unitIds: [ctx.tree.countyA1] }));
      const ownLeader = await personIn(ctx, ctx.tree.countyA1, true);
      expectNotFound(await call(ctx.session, 'PUT', `/api/persons/${ownLeader.id}/overseen-units`, { unitIds: [ctx.tree.countyB1] }));
    },
  },
  'PUT /api/persons/:id/absence': {
    role: 'system_admin',
    run: async (ctx) => {
      const person = await personIn(ctx, ctx.tree.countyB1);
      expectNotFound(
        await call(ctx.session, 'PUT', `/api/persons/${person.id}/absence`, { from: '2026-12-01', until: '2026-12-10', reason: '休假' }),
      );
    },
  },
  'DELETE /api/persons/:id/absence': {
    role: 'system_admin',
    run: async (ctx) => {
      const person = await personIn(ctx, ctx.tree.countyB1);
      const res = await env.app.inject({ method: 'DELETE', url: `/api/persons/${person.id}/absence`, headers: authHeaders(ctx.session) });
      expectNotFound(res);
    },
  },
  'GET /api/posts': {
    role: 'system_admin',
    run: async ({ tree, session }) => expectNotFound(await call(session, 'GET', `/api/posts?unitId=${tree.countyB1}`)),
  },
  'POST /api/posts': {
    role: 'system_admin',
    run: async ({ tree, session }) => {
      const before = await countRows('posts');
      expectNotFound(await call(session, 'POST', '/api/posts', { unitId: tree.countyB1, name: '越界岗位' }));
      expect(await countRows('posts')).toBe(before);
    },
  },
  'PATCH /api/posts/:id': {
    role: 'system_admin',
    run: async (ctx) => {
      const post = await postIn(ctx, ctx.tree.countyB1);
      expectNotFound(await call(ctx.session, 'PATCH', `/api/posts/${post.id}`, { name: '改名' }, { 'if-match': '"1"' }));
    },
  },
  'GET /api/users': {
    role: 'security_admin',
    run: async ({ tree, session }) => expectNotFound(await call(session, 'GET', `/api/users?scopeUnitId=${tree.countyB1}`)),
  },
  'POST /api/users': {
    role: 'security_admin',
    run: async ({ tree, session }) => {
      const body = (scopeUnitId: string) => ({
        username: `p${randomUUID().replace(/-/g, '').slice(0, 10)}`,
        displayName: '新账户',
        scopeUnitId,
        roles: ['supervisor'],
        initialPassword: TEST_PASSWORD,
      });
      const before = await countRows('users');
      expectNotFound(await call(session, 'POST', '/api/users', body(tree.countyB1)));
      expect(await countRows('users')).toBe(before);
      // The same body inside the scope is accepted, so the 404 above was about the scope alone.
      expect((await call(session, 'POST', '/api/users', body(tree.countyA1))).statusCode).toBe(201);
    },
  },
  'PATCH /api/users/:id': {
    role: 'security_admin',
    run: async ({ tree, session }) => {
      const user = await createUser(env.deps, tree.countyB1, ['supervisor']);
      expectNotFound(await call(session, 'PATCH', `/api/users/${user.id}`, { displayName: '改名' }, { 'if-match': '"1"' }));
    },
  },
  'POST /api/users/:id/password-reset': {
    role: 'security_admin',
    run: async ({ tree, session }) => {
      const user = await createUser(env.deps, tree.countyB1, ['supervisor']);
      expectNotFound(await call(session, 'POST', `/api/users/${user.id}/password-reset`, { newPassword: 'Zr8!kWq3#mNb' }));
      await signIn(env, user); // the old password still works
    },
  },
  'POST /api/users/:id/unlock': {
    role: 'security_admin',
    run: async ({ tree, session }) => {
      const user = await createUser(env.deps, tree.countyB1, ['supervisor']);
      expectNotFound(await call(session, 'POST', `/api/users/${user.id}/unlock`, {}));
    },
  },
  'GET /api/audit-events': {
    role: 'audit_admin',
    run: async ({ tree, session }) => {
      // Events by a countyB1 actor stay out of a countyA1 audit administrator's results (a search, not a 404).
      const foreignUser = await createUser(env.deps, tree.countyB1, ['system_admin']);
      const foreignAdmin = await signIn(env, foreignUser);
      const ownAdmin = await signIn(env, await createUser(env.deps, tree.countyA1, ['system_admin']));
      const foreign = await call(foreignAdmin, 'POST', '/api/persons', { unitId: tree.countyB1, name: '乙一县人员' });
      const own = await call(ownAdmin, 'POST', '/api/persons', { unitId: tree.countyA1, name: '甲一县人员' });
      expect([foreign.statusCode, own.statusCode]).toEqual([201, 201]);
      const foreignId = foreign.json<Person>().id;
      const ownId = own.json<Person>().id;

      const search = async (query: string) => {
        const res = await call(session, 'GET', `/api/audit-events${query}`);
        expect(res.statusCode, res.body).toBe(200);
        return res.json<{ items: AuditEvent[] }>().items;
      };
      expect(await search(`?objectId=${foreignId}`)).toEqual([]);
      expect((await search(`?objectId=${ownId}`)).map((e) => e.eventType)).toEqual(['person.created']);
      const recent = await search('?limit=200');
      expect(recent.some((e) => e.objectId === ownId)).toBe(true);
      expect(recent.filter((e) => e.objectId === foreignId || e.actorUserId === foreignUser.id)).toEqual([]);
    },
  },
  'POST /api/tasks': {
    role: 'supervisor',
    run: async ({ tree, session }) => {
      const before = await countTasks();
      expectNotFound(await call(session, 'POST', '/api/tasks', { ...taskBody('越界事项'), leadUnitId: tree.countyB1 }));
      expect(await countTasks()).toBe(before);
    },
  },
  'GET /api/tasks': {
    role: 'supervisor',
    run: async (ctx) => {
      const foreign = await taskIn(ctx, '乙一县的督办事项');
      const res = await call(ctx.session, 'GET', '/api/tasks?limit=200');
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json<{ items: { id: string }[] }>().items.some((t) => t.id === foreign)).toBe(false);
    },
  },
  'GET /api/escalations': {
    role: 'supervisor',
    run: async (ctx) => {
      // A countyB1 item at the 通报候选 rung: its own 督查室 sees it, countyA1's does not.
      const foreign = await taskIn(ctx, '乙一县逾期事项');
      await env.ownerQuery(`update tasks set status = 'in_progress', deadline = '2026-01-05' where id = $1`, [foreign]);
      await env.ownerQuery(
        `insert into task_escalations (task_id, rung, deadline, working_days, created_at) values ($1, 'bulletin', '2026-01-05', 10, now())`,
        [foreign],
      );
      const own = await signIn(env, await createUser(env.deps, ctx.tree.countyB1, ['supervisor']));
      const listed = (s: Session) => call(s, 'GET', '/api/escalations?rung=bulletin&limit=200');
      expect((await listed(own)).json<{ items: { taskId: string }[] }>().items.map((i) => i.taskId)).toContain(foreign);
      const res = await listed(ctx.session);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json<{ items: { taskId: string }[] }>().items.map((i) => i.taskId)).not.toContain(foreign);
    },
  },
  'GET /api/tasks/similar': {
    role: 'supervisor',
    run: async (ctx) => {
      const foreign = await taskIn(ctx, '推进乙一县高标准农田建设');
      const res = await call(ctx.session, 'GET', `/api/tasks/similar?text=${encodeURIComponent('推进乙一县高标准农田建设')}`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json<{ id: string }[]>().some((t) => t.id === foreign)).toBe(false);
    },
  },
  'GET /api/tasks/:id': {
    role: 'supervisor',
    run: async (ctx) => expectNotFound(await call(ctx.session, 'GET', `/api/tasks/${await taskIn(ctx, '乙一县事项')}`)),
  },
  'PATCH /api/tasks/:id': {
    role: 'supervisor',
    run: async (ctx) =>
      expectNotFound(
        await call(ctx.session, 'PATCH', `/api/tasks/${await taskIn(ctx, '乙一县事项')}`, { title: '改' }, { 'if-match': '"1"' }),
      ),
  },
  'GET /api/tasks/:id/extensions': {
    role: 'unit_handler',
    run: async (ctx) => expectNotFound(await call(ctx.session, 'GET', `/api/tasks/${await taskIn(ctx, '乙一县事项')}/extensions`)),
  },
  'POST /api/tasks/:id/extensions': {
    role: 'unit_handler',
    run: async (ctx) => {
      const id = await taskIn(ctx, '乙一县事项');
      expectNotFound(
        await call(ctx.session, 'POST', `/api/tasks/${id}/extensions`, { reason: '越界', progress: '无', newDeadline: '2099-01-01' }),
      );
      expect(await env.ownerQuery('select id from extension_requests where task_id = $1', [id])).toEqual([]);
    },
  },
  'POST /api/extensions/:id/decision': {
    role: 'supervisor',
    run: async (ctx) => {
      // A pending request on a countyB1 item, decided by a countyA1 supervisor.
      const id = await taskIn(ctx, '乙一县事项', { deadline: '2099-12-31' });
      const supervisorB = await signIn(env, await createUser(env.deps, ctx.tree.countyB1, ['supervisor']));
      const handlerB = await signIn(env, await createUser(env.deps, ctx.tree.countyB1, ['unit_leader']));
      expect((await call(supervisorB, 'POST', `/api/tasks/${id}/transitions`, { action: 'assign' })).statusCode).toBe(200);
      expect((await call(handlerB, 'POST', `/api/tasks/${id}/transitions`, { action: 'accept' })).statusCode).toBe(200);
      const asked = await call(handlerB, 'POST', `/api/tasks/${id}/extensions`, {
        reason: '原因',
        progress: '进展',
        newDeadline: '2100-01-31',
      });
      expect(asked.statusCode, asked.body).toBe(201);
      expectNotFound(await call(ctx.session, 'POST', `/api/extensions/${asked.json<{ id: string }>().id}/decision`, { approve: true }));
    },
  },
  'GET /api/tasks/:id/cooperation': {
    role: 'unit_handler',
    run: async (ctx) => expectNotFound(await call(ctx.session, 'GET', `/api/tasks/${await taskIn(ctx, '乙一县事项')}/cooperation`)),
  },
  'PUT /api/tasks/:id/cooperations/:unitId': {
    role: 'supervisor',
    run: async (ctx) => {
      const id = await taskIn(ctx, '乙一县事项');
      expectNotFound(await call(ctx.session, 'PUT', `/api/tasks/${id}/cooperations/${ctx.tree.countyB1}`, { duty: '越界' }));
    },
  },
  'POST /api/tasks/:id/cooperations/:unitId/contribution': {
    role: 'unit_handler',
    run: async (ctx) => {
      const id = await taskIn(ctx, '乙一县事项');
      expectNotFound(
        await call(ctx.session, 'POST', `/api/tasks/${id}/cooperations/${ctx.tree.countyB1}/contribution`, { contribution: '越界' }),
      );
    },
  },
  'POST /api/tasks/:id/coordination': {
    role: 'unit_handler',
    run: async (ctx) => {
      const id = await taskIn(ctx, '乙一县事项');
      expectNotFound(await call(ctx.session, 'POST', `/api/tasks/${id}/coordination`, { subject: '越界', detail: '越界' }));
      expect(await env.ownerQuery('select id from coordination_requests where task_id = $1', [id])).toEqual([]);
    },
  },
  'POST /api/coordination/:id/escalate': {
    role: 'unit_handler',
    run: async (ctx) => expectNotFound(await call(ctx.session, 'POST', `/api/coordination/${await coordinationIn(ctx)}/escalate`, {})),
  },
  'POST /api/coordination/:id/decision': {
    role: 'supervisor',
    run: async (ctx) =>
      expectNotFound(await call(ctx.session, 'POST', `/api/coordination/${await coordinationIn(ctx)}/decision`, { decision: '越界' })),
  },
  'POST /api/tasks/:id/instructions': {
    role: 'government_leader',
    run: async (ctx) => {
      const id = await taskIn(ctx, '乙一县事项');
      expectNotFound(await call(ctx.session, 'POST', `/api/tasks/${id}/instructions`, { text: '越界批示' }));
      expect(await env.ownerQuery('select id from instructions where task_id = $1', [id])).toEqual([]);
    },
  },
  'POST /api/instructions': {
    role: 'government_leader',
    run: async (ctx) => {
      const before = await countTasks();
      expectNotFound(
        await call(ctx.session, 'POST', '/api/instructions', { text: '越界批示', title: '越界', leadUnitId: ctx.tree.countyB1 }),
      );
      expect(await countTasks()).toBe(before);
    },
  },
  'GET /api/tasks/:id/instructions': {
    role: 'supervisor',
    run: async (ctx) => expectNotFound(await call(ctx.session, 'GET', `/api/tasks/${await taskIn(ctx, '乙一县事项')}/instructions`)),
  },
  'GET /api/tasks/:id/assignment-notice.docx': {
    role: 'supervisor',
    run: async (ctx) =>
      expectNotFound(await call(ctx.session, 'GET', `/api/tasks/${await taskIn(ctx, '乙一县事项')}/assignment-notice.docx`)),
  },
  'GET /api/tasks/:id/urge-notice.docx': {
    role: 'supervisor',
    run: async (ctx) => {
      const id = await taskIn(ctx, '乙一县事项');
      const supervisorB = await signIn(env, await createUser(env.deps, ctx.tree.countyB1, ['supervisor']));
      await call(supervisorB, 'POST', `/api/tasks/${id}/transitions`, { action: 'assign' });
      expect(
        (await call(supervisorB, 'POST', `/api/tasks/${id}/transitions`, { action: 'urge', reason: '催', channel: 'phone' })).statusCode,
      ).toBe(200);
      expectNotFound(await call(ctx.session, 'GET', `/api/tasks/${id}/urge-notice.docx`));
    },
  },
  'POST /api/tasks/:id/transitions': {
    role: 'supervisor',
    run: async (ctx) => {
      const id = await taskIn(ctx, '乙一县事项');
      expectNotFound(await call(ctx.session, 'POST', `/api/tasks/${id}/transitions`, { action: 'assign' }));
      const rows = await env.ownerQuery('select status from tasks where id = $1', [id]);
      expect(rows[0]?.status).toBe('draft');
    },
  },
  'POST /api/tasks/:id/subtasks': {
    role: 'supervisor',
    run: async (ctx) => {
      const id = await taskIn(ctx, '乙一县事项');
      expectNotFound(await call(ctx.session, 'POST', `/api/tasks/${id}/subtasks`, { items: [{ leadUnitId: ctx.tree.countyA1 }] }));
      expect(await env.ownerQuery('select id from tasks where parent_id = $1', [id])).toEqual([]);
    },
  },
  'GET /api/tasks/:id/milestones': {
    role: 'supervisor',
    run: async (ctx) => expectNotFound(await call(ctx.session, 'GET', `/api/tasks/${await taskIn(ctx, '乙一县事项')}/milestones`)),
  },
  'POST /api/tasks/:id/milestones': {
    role: 'supervisor',
    run: async (ctx) => {
      const id = await taskIn(ctx, '乙一县事项');
      expectNotFound(
        await call(ctx.session, 'POST', `/api/tasks/${id}/milestones`, { title: '越界', plannedDate: '2026-05-01', plannedPercent: 50 }),
      );
      expect(await env.ownerQuery('select id from task_milestones where task_id = $1', [id])).toEqual([]);
    },
  },
  'PUT /api/milestones/:id': {
    role: 'supervisor',
    run: async (ctx) => {
      const milestoneId = await milestoneIn(ctx);
      expectNotFound(
        await call(ctx.session, 'PUT', `/api/milestones/${milestoneId}`, { title: '越界', plannedDate: '2026-05-01', plannedPercent: 9 }),
      );
      const rows = await env.ownerQuery('select title from task_milestones where id = $1', [milestoneId]);
      expect(rows[0]?.title).toBe('乙一县节点');
    },
  },
  'DELETE /api/milestones/:id': {
    role: 'supervisor',
    run: async (ctx) => {
      const milestoneId = await milestoneIn(ctx);
      const res = await env.app.inject({ method: 'DELETE', url: `/api/milestones/${milestoneId}`, headers: authHeaders(ctx.session) });
      expectNotFound(res);
      expect(await env.ownerQuery('select id from task_milestones where id = $1', [milestoneId])).toHaveLength(1);
    },
  },
  'GET /api/roadmap': {
    role: 'supervisor',
    run: async (ctx) => expectNotFound(await call(ctx.session, 'GET', `/api/roadmap?parentId=${await taskIn(ctx, '乙一县事项')}`)),
  },
  'GET /api/tasks/:id/reports': {
    role: 'unit_handler',
    run: async (ctx) => expectNotFound(await call(ctx.session, 'GET', `/api/tasks/${await taskIn(ctx, '乙一县事项')}/reports`)),
  },
  'GET /api/tasks/:id/reports/draft': {
    role: 'unit_handler',
    run: async (ctx) => expectNotFound(await call(ctx.session, 'GET', `/api/tasks/${await taskIn(ctx, '乙一县事项')}/reports/draft`)),
  },
  'POST /api/tasks/:id/reports': {
    role: 'unit_handler',
    run: async (ctx) => {
      const { taskId } = await acceptedTaskIn(ctx);
      expectNotFound(await call(ctx.session, 'POST', `/api/tasks/${taskId}/reports`, reportBody));
      expect(await countWhere('progress_reports', taskId)).toBe(0);
    },
  },
  'POST /api/reports/:id/review': {
    role: 'supervisor',
    run: async (ctx) => {
      const { taskId, unit } = await acceptedTaskIn(ctx);
      const report = await call(unit, 'POST', `/api/tasks/${taskId}/reports`, reportBody);
      expect(report.statusCode, report.body).toBe(201);
      const id = report.json<{ id: string }>().id;
      expectNotFound(await call(ctx.session, 'POST', `/api/reports/${id}/review`, { accept: true }));
      const rows = await env.ownerQuery('select status from progress_reports where id = $1', [id]);
      expect(rows[0]?.status).toBe('submitted');
    },
  },
  'POST /api/tasks/:id/attachments': {
    role: 'unit_handler',
    run: async (ctx) => {
      const { taskId } = await acceptedTaskIn(ctx);
      expectNotFound(await uploadTo(ctx.session, taskId));
      expect(await countWhere('attachments', taskId)).toBe(0);
    },
  },
  'GET /api/attachments/:id': {
    role: 'unit_handler',
    run: async (ctx) => {
      const { taskId, unit } = await acceptedTaskIn(ctx);
      const uploaded = await uploadTo(unit, taskId);
      expect(uploaded.statusCode, uploaded.body).toBe(201);
      expectNotFound(await call(ctx.session, 'GET', `/api/attachments/${uploaded.json<{ id: string }>().id}`));
    },
  },
  'GET /api/cockpit': {
    role: 'government_leader',
    run: async (ctx) => {
      await taskIn(ctx, '乙一县的督办事项');
      const res = await call(ctx.session, 'GET', '/api/cockpit');
      expect(res.statusCode, res.body).toBe(200);
      const summary = res.json<{ byStatus: { count: number }[]; byArea: unknown[] }>();
      expect(summary.byStatus.reduce((sum, s) => sum + s.count, 0)).toBe(0);
      expect(summary.byArea).toEqual([]);
    },
  },
  'GET /api/desk': {
    role: 'unit_handler',
    run: async (ctx) => {
      await acceptedTaskIn(ctx);
      const res = await call(ctx.session, 'GET', '/api/desk');
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json<{ groups: unknown[] }>().groups).toEqual([]);
    },
  },
  'GET /api/desk/todo': {
    role: 'unit_handler',
    run: async (ctx) => {
      await acceptedTaskIn(ctx);
      const res = await call(ctx.session, 'GET', '/api/desk/todo');
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json<{ groups: unknown[] }>().groups).toEqual([]);
    },
  },
  'GET /api/desk/done': {
    role: 'unit_handler',
    run: async (ctx) => {
      await acceptedTaskIn(ctx);
      const res = await call(ctx.session, 'GET', '/api/desk/done');
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json<{ items: unknown[] }>().items).toEqual([]);
    },
  },
  'POST /api/desk/batch': {
    role: 'supervisor',
    run: async (ctx) => {
      const { taskId } = await acceptedTaskIn(ctx);
      const res = await call(ctx.session, 'POST', '/api/desk/batch', { action: 'urge', taskIds: [taskId], reason: '越界催办' });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json<{ refused: { code: string }[] }>().refused.map((r) => r.code)).toEqual(['NOT_FOUND']);
      expect(await env.ownerQuery('select urge_count from tasks where id = $1', [taskId])).toEqual([{ urge_count: 0 }]);
    },
  },
  'GET /api/tasks/:id/who-acts': {
    role: 'unit_handler',
    run: async (ctx) => expectNotFound(await call(ctx.session, 'GET', `/api/tasks/${await taskIn(ctx, '乙一县事项')}/who-acts`)),
  },
  'GET /api/events': {
    role: 'government_leader',
    run: async ({ tree, session }) => {
      const res = await env.app.inject({ method: 'GET', url: '/api/events', headers: authHeaders(session), payloadAsStream: true });
      expect(res.statusCode).toBe(200);
      const stream = res.stream();
      const received: string[] = [];
      stream.on('data', (chunk: Buffer) => received.push(chunk.toString('utf8')));
      const paths = await env.ownerQuery('select id, path from units where id in ($1, $2)', [tree.countyA1, tree.countyB1]);
      const pathOf = (id: string) => String(paths.find((row) => row.id === id)?.path);
      const change = (unitId: string) => ({ taskId: randomUUID(), supervisingUnitPath: pathOf(unitId), leadUnitPath: pathOf(unitId) });
      const foreign = change(tree.countyB1);
      const own = change(tree.countyA1);
      await env.deps.database.db.transaction((tx) => publishTaskChange(tx, foreign));
      await env.deps.database.db.transaction((tx) => publishTaskChange(tx, own));
      await expect.poll(() => received.join(''), { timeout: 3_000 }).toContain(own.taskId);
      expect(received.join('')).not.toContain(foreign.taskId);
      stream.destroy();
    },
  },
  'GET /api/ledger': {
    role: 'supervisor',
    run: async (ctx) => {
      const foreign = await taskIn(ctx, '乙一县台账事项');
      expectNotFound(await call(ctx.session, 'GET', `/api/ledger?leadUnitId=${ctx.tree.countyB1}`));
      const res = await call(ctx.session, 'GET', '/api/ledger?limit=100');
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json<{ items: { id: string }[] }>().items.some((t) => t.id === foreign)).toBe(false);
    },
  },
  'GET /api/ledger/export.xlsx': {
    role: 'supervisor',
    run: async (ctx) => {
      await taskIn(ctx, '乙一县台账事项');
      expectNotFound(await call(ctx.session, 'GET', `/api/ledger/export.xlsx?leadUnitId=${ctx.tree.countyB1}`));
      const res = await call(ctx.session, 'GET', '/api/ledger/export.xlsx');
      expect(res.statusCode).toBe(200);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
      const titles: string[] = [];
      book.worksheets[0]?.eachRow((row) => titles.push(row.getCell(3).text));
      // Row 1 is the title (scope and as-of time), row 2 the header.
      expect(titles[0]).toContain('督查工作台账');
      expect(titles[1]).toBe('事项名称');
      expect(titles).not.toContain('乙一县台账事项');
    },
  },
  'POST /api/ledger/import': {
    role: 'supervisor',
    run: async (ctx) => {
      // A countyB1 unit named in a countyA1 workbook is unknown, exactly like a unit that does not exist.
      const names = await env.ownerQuery('select name from units where id = $1', [ctx.tree.countyB1]);
      const book = new ExcelJS.Workbook();
      const sheet = book.addWorksheet('分工方案');
      sheet.addRow(['任务', '牵头单位', '来源']);
      sheet.addRow(['越界导入的任务', String(names[0]?.name), '政府文件']);
      const { payload, headers } = multipartFile('分工方案.xlsx', Buffer.from(await book.xlsx.writeBuffer()));
      const before = await countTasks();
      const res = await env.app.inject({
        method: 'POST',
        url: '/api/ledger/import?dryRun=false',
        payload,
        headers: { ...authHeaders(ctx.session), ...headers },
      });
      expect(res.statusCode, res.body).toBe(422);
      expect(await countTasks()).toBe(before);
    },
  },
};

const reportBody = { periodLabel: '2026年3月', done: '乙一县的进展', percent: 10 };

async function countWhere(table: 'progress_reports' | 'attachments', taskId: string): Promise<number> {
  const rows = await env.ownerQuery(`select count(*)::int as n from ${table} where task_id = $1`, [taskId]);
  return Number(rows[0]?.n);
}

function uploadTo(session: Session, taskId: string) {
  const { payload, headers } = multipartFile('乙一县材料.pdf', Buffer.from('%PDF-1.7\n%%EOF\n'));
  return env.app.inject({
    method: 'POST',
    url: `/api/tasks/${taskId}/attachments`,
    payload,
    headers: { ...authHeaders(session), ...headers },
  });
}

/** An item of countyB1 (see taskIn), assigned and accepted by a countyB1 handler, who is returned for reporting. */
async function acceptedTaskIn(ctx: ProbeContext): Promise<{ taskId: string; unit: Session }> {
  const supervisor = await signIn(env, await createUser(env.deps, ctx.tree.countyB1, ['supervisor']));
  const unit = await signIn(env, await createUser(env.deps, ctx.tree.countyB1, ['unit_handler']));
  const created = await call(supervisor, 'POST', '/api/tasks', { ...taskBody('乙一县事项'), leadUnitId: ctx.tree.countyB1 });
  expect(created.statusCode, created.body).toBe(201);
  const taskId = created.json<{ id: string }>().id;
  expect((await call(supervisor, 'POST', `/api/tasks/${taskId}/transitions`, { action: 'assign' })).statusCode).toBe(200);
  expect((await call(unit, 'POST', `/api/tasks/${taskId}/transitions`, { action: 'accept' })).statusCode).toBe(200);
  return { taskId, unit };
}

function taskBody(title: string) {
  return { title, source: 'leader_instruction', content: `${title}的督办内容` };
}

async function countTasks(): Promise<number> {
  const rows = await env.ownerQuery('select count(*)::int as n from tasks');
  return Number(rows[0]?.n);
}

/** An open 协调请求 raised by countyB1's unit on a countyB1 item. */
async function coordinationIn(ctx: ProbeContext): Promise<string> {
  const id = await taskIn(ctx, '乙一县事项');
  const unitB = await signIn(env, await createUser(env.deps, ctx.tree.countyB1, ['unit_handler']));
  const res = await call(unitB, 'POST', `/api/tasks/${id}/coordination`, { subject: '需协调', detail: '需协调' });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ coordination: { id: string }[] }>().coordination[0]?.id ?? '';
}

/** A draft item supervised by countyB1's government, led by countyB1. */
/** A milestone on an item of countyB1, planned by countyB1's 督查室. */
async function milestoneIn(ctx: ProbeContext): Promise<string> {
  const supervisor = await signIn(env, await createUser(env.deps, ctx.tree.countyB1, ['supervisor']));
  const created = await call(supervisor, 'POST', '/api/tasks', { ...taskBody('乙一县事项'), leadUnitId: ctx.tree.countyB1 });
  const res = await call(supervisor, 'POST', `/api/tasks/${created.json<{ id: string }>().id}/milestones`, {
    title: '乙一县节点',
    plannedDate: '2026-05-01',
    plannedPercent: 50,
  });
  expect(res.statusCode, res.body).toBe(201);
  return String(res.json<{ items: { id: string }[] }>().items[0]?.id);
}

async function taskIn(ctx: ProbeContext, title: string, extra: object = {}): Promise<string> {
  const supervisor = await signIn(env, await createUser(env.deps, ctx.tree.countyB1, ['supervisor']));
  const res = await call(supervisor, 'POST', '/api/tasks', { ...taskBody(title), leadUnitId: ctx.tree.countyB1, ...extra });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string }>().id;
}

describe('out-of-scope probes', () => {
  it('every scope: subtree route has a probe, and every probe names a real subtree route', () => {
    const subtree = inventory()
      .filter((e) => e.route.config?.scope === 'subtree')
      .map((e) => e.key);
    expect(subtree.length).toBeGreaterThan(0);
    expect(subtree.filter((key) => !(key in probes))).toEqual([]);
    expect(Object.keys(probes).filter((key) => !subtree.includes(key))).toEqual([]);
  });

  it.each(Object.entries(probes))('%s: a countyA1 user cannot reach countyB1', async (_key, probe) => {
    const tree = await createTree(env.deps);
    const session = await signIn(env, await createUser(env.deps, tree.countyA1, [probe.role]));
    const rootAdmin = await signIn(env, await createUser(env.deps, tree.root, ['system_admin']));
    await probe.run({ tree, session, rootAdmin });
  });
});
