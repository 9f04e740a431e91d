/**
 * Test harness: a fresh database per test file (PGlite in memory, or a new PostgreSQL database when
 * TEST_DATABASE_URL is set), an app on it with a hand-moved clock, and factories that build a fresh org subtree per
 * test so tests never depend on each other or on seed data.
 */
import { systemScope } from '../src/platform/scope.js';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Role } from '@luoshi/contracts';
import { eq } from 'drizzle-orm';
import { generate } from 'otplib';
import pg from 'pg';
import { buildApp, type App } from '../src/app.js';
import { divisions, units, users } from '../src/db/schema/index.js';
import { createAccount } from '../src/modules/users/users.service.js';
import { ManualClock } from '../src/platform/clock.js';
import { systemContext, type Deps } from '../src/platform/context.js';
import { openDatabase } from '../src/platform/db.js';
import { loadEnv, type Env } from '../src/platform/env.js';

export const TEST_PASSWORD = 'Tq7#vLm2pX!e';
export const TEST_TOTP_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
export const isPostgres = !!process.env.TEST_DATABASE_URL;

export interface TestEnv {
  deps: Deps;
  app: App;
  clock: ManualClock;
  /** A second connection with owner rights (superuser on PGlite/CI), for tampering in tests. */
  ownerQuery: (text: string, params?: unknown[]) => Promise<Record<string, unknown>[]>;
  databaseUrl: string | undefined;
  close(): Promise<void>;
}

export async function createPostgresDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const adminUrl = process.env.TEST_DATABASE_URL ?? '';
  const name = `luoshi_t_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

export function testEnvConfig(overrides: Partial<Record<keyof Env, string>> = {}): Env {
  // Figures are always computed (exact): a slow test machine must not make a count come from the figures cache.
  return loadEnv(
    {},
    {
      LUOSHI_MODE: 'production',
      LOG_LEVEL: 'silent',
      SIGN_IN_RATE_PER_MINUTE: '1000',
      FIGURES_KEEP_FROM_MS: '0',
      PAGE_CACHE_ENTRIES: '0',
      ...overrides,
    },
  );
}

export async function startTestEnv(overrides: Partial<Record<keyof Env, string>> = {}): Promise<TestEnv> {
  const clock = new ManualClock('2026-03-02T01:00:00Z');
  let databaseUrl: string | undefined;
  let drop: (() => Promise<void>) | undefined;
  if (isPostgres) {
    const created = await createPostgresDatabase();
    databaseUrl = created.url;
    drop = created.drop;
  }
  // Uploaded files go to a directory of this test environment's own, removed on close.
  const filesDir = overrides.FILES_DIR ? null : mkdtempSync(join(tmpdir(), 'luoshi-files-'));
  const env = testEnvConfig({
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    ...(filesDir ? { FILES_DIR: filesDir } : {}),
    ...overrides,
  });
  const database = await openDatabase({ databaseUrl, appRole: env.DB_APP_ROLE });
  const deps: Deps = { database, env, clock };
  const app = await buildApp(deps);
  let owner: pg.Client | null = null;
  const ownerQuery = async (text: string, params: unknown[] = []) => {
    if (!databaseUrl) {
      // PGlite has one connection: step out of the app role for this statement, then back.
      await database.query('reset role');
      try {
        return await database.query(text, params);
      } finally {
        if (database.appRole) await database.query(`set role ${database.appRole}`);
      }
    }
    if (!owner) {
      owner = new pg.Client({ connectionString: databaseUrl });
      await owner.connect();
    }
    return (await owner.query(text, params)).rows as Record<string, unknown>[];
  };
  return {
    deps,
    app,
    clock,
    ownerQuery,
    databaseUrl,
    async close() {
      await app.close();
      if (owner) await owner.end();
      await database.close();
      if (drop) await drop();
      if (filesDir) rmSync(filesDir, { recursive: true, force: true });
    },
  };
}

export interface TestTree {
  root: string;
  prefectureA: string;
  prefectureB: string;
  countyA1: string;
  countyA2: string;
  countyB1: string;
  department: string;
}

/** A fresh province-like subtree with its own names, so tests in one file never collide. */
export async function createTree(deps: Deps): Promise<TestTree> {
  const { db } = deps.database;
  await db.insert(divisions).values({ code: '990000', name: '测试省', level: 'province', parentCode: null }).onConflictDoNothing();
  const tag = randomUUID().slice(0, 8);
  const make = async (parent: { id: string; path: string; depth: number } | null, name: string, kind = 'government') => {
    const id = randomUUID();
    const path = `${parent?.path ?? '/'}${id}/`;
    const depth = parent ? parent.depth + 1 : 0;
    await db.insert(units).values({ id, name: `${name}-${tag}`, kind, divisionCode: '990000', parentId: parent?.id ?? null, path, depth });
    return { id, path, depth };
  };
  const root = await make(null, '测试省人民政府');
  const a = await make(root, '甲市人民政府');
  const b = await make(root, '乙市人民政府');
  const a1 = await make(a, '甲一县人民政府');
  const a2 = await make(a, '甲二县人民政府');
  const b1 = await make(b, '乙一县人民政府');
  const dept = await make(root, '测试省教育厅', 'department');
  return { root: root.id, prefectureA: a.id, prefectureB: b.id, countyA1: a1.id, countyA2: a2.id, countyB1: b1.id, department: dept.id };
}

export interface TestUser {
  id: string;
  username: string;
  password: string;
}

/** An account ready to sign in (no forced password change); administrators get TOTP with TEST_TOTP_SECRET. */
export async function createUser(
  deps: Deps,
  scopeUnitId: string,
  roles: Role[],
  options: { mustChangePassword?: boolean; withTotp?: boolean } = {},
): Promise<TestUser> {
  const username = `u${randomUUID().replace(/-/g, '').slice(0, 10)}`;
  const ctx = systemContext(deps.clock, 'test');
  const row = await deps.database.db.transaction((tx) =>
    createAccount(deps, tx, ctx, systemScope(), {
      username,
      displayName: `测试用户${username}`,
      scopeUnitId,
      roles,
      initialPassword: TEST_PASSWORD,
      mustChangePassword: options.mustChangePassword ?? false,
    }),
  );
  const withTotp = options.withTotp ?? roles.some((r) => r.endsWith('_admin'));
  if (withTotp)
    await deps.database.db.update(users).set({ totpSecret: TEST_TOTP_SECRET, totpEnabledAt: deps.clock.now() }).where(eq(users.id, row.id));
  return { id: row.id, username, password: TEST_PASSWORD };
}

export interface Session {
  cookie: string;
  csrf: string;
  stage: string;
}

export function totpNow(clock: ManualClock, secret = TEST_TOTP_SECRET): Promise<string> {
  return generate({ secret, epoch: Math.floor(clock.now().getTime() / 1000) });
}

function cookieOf(setCookie: string | string[] | undefined): string {
  const first = Array.isArray(setCookie) ? setCookie[0] : setCookie;
  return (first ?? '').split(';')[0] ?? '';
}

/** Signs in, completing the TOTP step when the account has one. */
export async function signIn(env: TestEnv, user: TestUser): Promise<Session> {
  const res = await env.app.inject({
    method: 'POST',
    url: '/api/auth/sign-in',
    payload: { username: user.username, password: user.password },
  });
  if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
  const body = res.json<{ stage: string; csrfToken: string }>();
  const session: Session = { cookie: cookieOf(res.headers['set-cookie']), csrf: body.csrfToken, stage: body.stage };
  if (body.stage !== 'mfa_required') return session;
  const code = await totpNow(env.clock);
  const second = await env.app.inject({ method: 'POST', url: '/api/auth/totp', payload: { code }, headers: authHeaders(session) });
  if (second.statusCode !== 200) throw new Error(`totp failed: ${second.statusCode} ${second.body}`);
  return { ...session, stage: second.json<{ stage: string }>().stage };
}

export function authHeaders(session: Session): Record<string, string> {
  return { cookie: session.cookie, 'x-csrf-token': session.csrf };
}

/** A multipart/form-data body with one file part, as a browser sends it (the file name raw UTF-8). */
export function multipartFile(fileName: string, content: Buffer, field = 'file'): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----luoshi${randomUUID().replace(/-/g, '')}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    'utf8',
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`, 'utf8');
  return { payload: Buffer.concat([head, content, tail]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/**
 * A 申请办结 asks for evidence and the confirmed checklist. Tests that walk an item to completion call their action
 * helper through this: a `request_completion` body without evidence gets a PDF uploaded by the same session and
 * every checklist point confirmed, as a unit would in the form. Other bodies pass through.
 */
export async function withCompletionProof(env: TestEnv, session: Session, taskId: string, body: object): Promise<object> {
  if ((body as { action?: string }).action !== 'request_completion' || 'evidenceIds' in body) return body;
  const { payload, headers } = multipartFile('办结佐证.pdf', Buffer.from('%PDF-1.4\n% evidence\n'));
  const uploaded = await env.app.inject({
    method: 'POST',
    url: `/api/tasks/${taskId}/attachments`,
    headers: { ...authHeaders(session), ...headers },
    payload,
  });
  if (uploaded.statusCode !== 201) return body; // the action's own refusal (status, party) is what the test checks
  const evidenceId = uploaded.json<{ id: string }>().id;
  return { ...body, evidenceIds: [evidenceId], checklist: ['goals_met', 'evidence_true', 'cooperating_consulted', 'nothing_left'] };
}
