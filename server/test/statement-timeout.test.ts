/**
 * A server's statements on PostgreSQL are stopped after DB_STATEMENT_TIMEOUT_MS (issue 12: one expensive request must
 * not hold a pooled connection that cheap ones queue for), and such a request is answered 503 QUERY_TIMEOUT with the
 * usual coded zh-CN/en body — never a 500.
 */
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../src/platform/db.js';
import { handleError } from '../src/platform/http/error-body.js';
import { createPostgresDatabase, isPostgres } from './harness.js';

describe('statement time limit', () => {
  it('answers a statement stopped by the limit with 503 QUERY_TIMEOUT, also when drizzle wraps the error', async () => {
    const app = Fastify();
    app.setErrorHandler(handleError);
    const timeout = Object.assign(new Error('canceling statement due to statement timeout'), { code: '57014' });
    app.get('/plain', () => Promise.reject(timeout));
    app.get('/wrapped', () => Promise.reject(Object.assign(new Error('Failed query: select …'), { cause: timeout })));
    for (const url of ['/plain', '/wrapped']) {
      const res = await app.inject({ method: 'GET', url, headers: { 'accept-language': 'zh-CN' } });
      expect(res.statusCode, url).toBe(503);
      expect(res.json().error.code).toBe('QUERY_TIMEOUT');
      expect(res.json().error.messages.en).toContain('too long');
    }
    await app.close();
  });

  it.skipIf(!isPostgres)('stops a server statement that runs past the limit on PostgreSQL', async () => {
    const { url, drop } = await createPostgresDatabase();
    const database = await openDatabase({ databaseUrl: url, statementTimeoutMs: 200 });
    try {
      await expect(database.query('select pg_sleep(2)')).rejects.toMatchObject({ code: '57014' });
      expect(await database.query('select 1 as one')).toEqual([{ one: 1 }]);
    } finally {
      await database.close();
      await drop();
    }
  });
});
