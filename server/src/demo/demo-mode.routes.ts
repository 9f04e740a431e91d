/**
 * `GET /api/demo-mode` (public): tells the sign-in page whether this server runs with `--demo`, and then lists the
 * demo accounts (those of the seed's list that the database holds, marked demo and enabled) with their password. A
 * production server answers `{ demo: false }` with an empty list whatever its database holds, so a real deployment
 * never shows an account name before sign-in.
 */
import { demoModeRoutes, roleSchema, type DemoModeBody, type Role } from '@luoshi/contracts';
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { units, users } from '../db/schema/index.js';
import type { Deps } from '../platform/context.js';
import { addRoute } from '../platform/http/route.js';
import { DEMO_PASSWORD, demoAccounts } from './seed-demo.js';

const productionAnswer: DemoModeBody = { demo: false, password: null, accounts: [] };

/**
 * The demo accounts as the sign-in page lists them, in the seed's order (administrators, province, 州市, county …):
 * the named ones of seed-demo.ts, not the handler account every lead unit of the province-wide items has.
 */
async function demoAccountList(deps: Deps): Promise<DemoModeBody['accounts']> {
  const order = new Map(demoAccounts.map((a, i) => [a.username, i]));
  const rows = await deps.database.db
    .select({ username: users.username, displayName: users.displayName, roles: users.roles, unitName: units.name })
    .from(users)
    .innerJoin(units, eq(units.id, users.scopeUnitId))
    .where(and(eq(users.isDemo, true), isNull(users.disabledAt), inArray(users.username, [...order.keys()])))
    .orderBy(asc(users.username));
  return rows
    .map((r) => ({ ...r, roles: r.roles.filter((role): role is Role => roleSchema.safeParse(role).success) }))
    .sort((a, b) => (order.get(a.username) ?? 0) - (order.get(b.username) ?? 0));
}

export function registerDemoModeRoutes(app: FastifyInstance, deps: Deps): void {
  addRoute(app, demoModeRoutes.get, { config: { access: 'public' }, tags: ['auth'], summary: '演示模式 Demo mode' }, async () => {
    if (deps.env.LUOSHI_MODE !== 'demo') return productionAnswer;
    const accounts = await demoAccountList(deps);
    return accounts.length ? { demo: true, password: DEMO_PASSWORD, accounts } : { ...productionAnswer, demo: true };
  });
}
