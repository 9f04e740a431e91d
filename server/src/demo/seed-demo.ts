/**
 * Demo data for trying the product on a laptop: fictional people in every government's 督查室 and every
 * provincial department (with A角/B角 posts), the provincial leaders with their 分管 departments, and demo accounts
 * for each role. Only in demo mode: a production start refuses to run while demo accounts exist.
 */
import { systemScope } from '../platform/scope.js';
import { randomUUID } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { Role } from '@luoshi/contracts';
import { leaderOversees, persons, posts, units, users } from '../db/schema/index.js';
import { recordAudit } from '../platform/audit-log.js';
import type { Deps, RequestContext } from '../platform/context.js';
import type { Db } from '../platform/db.js';
import { PROVINCE_GOVERNMENT_NAME, SUPERVISION_OFFICE_NAME } from '../modules/org/index.js';
import { createAccount } from '../modules/users/index.js';
import { demoPeopleForUnit, provincialLeaders, type DemoHolderRole, type DemoUnitKind } from './demo-people.js';

/** The one password of every demo account; shown in the README and on the sign-in page in demo mode only. */
export const DEMO_PASSWORD = 'Demo#Luoshi2026';

export interface DemoAccount {
  username: string;
  displayName: string;
  roles: Role[];
  /** Unit name path from the province government, e.g. ['昆明市人民政府']. Empty = the province government. */
  scope: string[];
  /** Demo administrators come with TOTP set up from this fixed secret (`npx luoshi demo-totp <username>`). */
  totpSecret?: string;
  /**
   * The demo person behind the account (`users.person_id`): a post holder of the scope unit (so 我承办的 and the
   * A角/B角 takeover work for them), or the provincial leader who 分管 the named department (so 分管领导 steps work).
   */
  person?: { post: string; holder: DemoHolderRole } | { leaderOverseeing: string };
}

export const demoAccounts: DemoAccount[] = [
  {
    username: 'sysadmin',
    displayName: '系统管理员（演示）',
    roles: ['system_admin'],
    scope: [],
    totpSecret: 'KVKFKRCPNZQUYMLXOVYDSQKJKZDTSRLD',
  },
  {
    username: 'secadmin',
    displayName: '安全管理员（演示）',
    roles: ['security_admin'],
    scope: [],
    totpSecret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXQ',
  },
  {
    username: 'auditadmin',
    displayName: '审计管理员（演示）',
    roles: ['audit_admin'],
    scope: [],
    totpSecret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJR',
  },
  { username: 'ducha', displayName: '省政府督查室督查员（演示）', roles: ['supervisor'], scope: [] },
  // The 副省长 who 分管 教育, so the demo 省教育厅 accounts and this leader meet on the same items.
  { username: 'leader', displayName: '副省长（演示）', roles: ['government_leader'], scope: [], person: { leaderOverseeing: '省教育厅' } },
  { username: 'km_ducha', displayName: '昆明市政府督查室（演示）', roles: ['supervisor'], scope: ['昆明市人民政府'] },
  {
    username: 'wuhua',
    displayName: '五华区政府（演示）',
    roles: ['supervisor', 'unit_handler'],
    scope: ['昆明市人民政府', '五华区人民政府'],
  },
  {
    username: 'jyt',
    displayName: '省教育厅承办人（演示）',
    roles: ['unit_handler'],
    scope: ['云南省教育厅'],
    person: { post: '承办人', holder: 'primaryHolder' },
  },
  {
    username: 'jyt_b',
    displayName: '省教育厅承办人B角（演示）',
    roles: ['unit_handler'],
    scope: ['云南省教育厅'],
    person: { post: '承办人', holder: 'backupHolder' },
  },
  {
    username: 'jyt_leader',
    displayName: '省教育厅负责人（演示）',
    roles: ['unit_leader'],
    scope: ['云南省教育厅'],
    person: { post: '主要负责人', holder: 'primaryHolder' },
  },
  // A cooperating unit of the demo items (高标准农田, 义务教育学校 …), so 配合情况 can be tried.
  {
    username: 'czt',
    displayName: '省财政厅承办人（演示）',
    roles: ['unit_handler'],
    scope: ['云南省财政厅'],
    person: { post: '承办人', holder: 'primaryHolder' },
  },
  // 一级督一级 in two 州市: the 州市 government's 督查室 acting as 承办 for what the province gives it, and a 州市 督查员
  // and a county for what the 州市 gives its counties (the province-wide demo items, province.demo.ts).
  {
    username: 'km_cb',
    displayName: '昆明市政府督查室承办人（演示）',
    roles: ['unit_handler'],
    scope: ['昆明市人民政府'],
    person: { post: '督查员（一）', holder: 'primaryHolder' },
  },
  { username: 'dali_ducha', displayName: '大理州政府督查室（演示）', roles: ['supervisor'], scope: ['大理白族自治州人民政府'] },
  {
    username: 'dali_cb',
    displayName: '大理州政府督查室承办人（演示）',
    roles: ['unit_handler'],
    scope: ['大理白族自治州人民政府'],
    person: { post: '督查员（一）', holder: 'primaryHolder' },
  },
  {
    username: 'dalishi',
    displayName: '大理市政府（演示）',
    roles: ['supervisor', 'unit_handler'],
    scope: ['大理白族自治州人民政府', '大理市人民政府'],
  },
];

export async function hasDemoAccounts(db: Db): Promise<boolean> {
  const rows = await db.select({ id: users.id }).from(users).where(eq(users.isDemo, true)).limit(1);
  return rows.length > 0;
}

async function unitByNames(tx: Db, names: string[]): Promise<typeof units.$inferSelect> {
  let current = (
    await tx
      .select()
      .from(units)
      .where(and(isNull(units.parentId), eq(units.name, PROVINCE_GOVERNMENT_NAME)))
      .limit(1)
  )[0];
  for (const name of names) {
    if (!current) break;
    current = (
      await tx
        .select()
        .from(units)
        .where(and(eq(units.parentId, current.id), eq(units.name, name)))
        .limit(1)
    )[0];
  }
  if (!current) throw new Error(`demo seed: unit ${names.join(' / ')} not found`);
  return current;
}

/** Seeds demo people, posts, leaders and accounts. Returns false when demo accounts already exist. */
export async function seedDemo(deps: Deps, ctx: RequestContext): Promise<boolean> {
  return deps.database.db.transaction(async (tx) => {
    if (await hasDemoAccounts(tx)) return false;
    const all = await tx.select().from(units).orderBy(units.depth, units.sortOrder);
    const byId = new Map(all.map((u) => [u.id, u]));
    const childNamed = (parentId: string, name: string) => all.find((u) => u.parentId === parentId && u.name === name);
    const now = ctx.clock.now();
    const personRows: (typeof persons.$inferInsert)[] = [];
    const postRows = new Map<string, typeof posts.$inferInsert>();
    const newUnits: (typeof units.$inferInsert)[] = [];
    /** Who holds which post of a staffed unit (its 内设机构 included): `${unitId}:${postName}:${holder}` → person. */
    const holders = new Map<string, string>();

    /** The named 内设机构 of a unit, created (once) when the seed first needs it. */
    const internalDivisionId = (parent: (typeof all)[number], name: string): string => {
      const existing = childNamed(parent.id, name)?.id ?? newUnits.find((u) => u.parentId === parent.id && u.name === name)?.id;
      if (existing) return existing;
      const id = randomUUID();
      newUnits.push({
        id,
        name,
        kind: 'internal_division',
        divisionCode: parent.divisionCode,
        parentId: parent.id,
        path: `${parent.path}${id}/`,
        depth: parent.depth + 1,
        sortOrder: 100,
      });
      return id;
    };
    const staffed = all.filter(
      (u) => u.kind === 'government' || (u.kind === 'department' && byId.get(u.parentId ?? '')?.parentId === null),
    );
    staffed.forEach((unit, serial) => {
      const kind: DemoUnitKind = unit.kind === 'government' ? 'government' : 'department';
      const officeHost = unit.parentId === null ? all.find((u) => u.parentId === unit.id && u.shortName === '省政府办公厅') : unit;
      for (const p of demoPeopleForUnit(kind, serial, unit.name)) {
        let targetId = unit.id;
        if (p.internalDivision === SUPERVISION_OFFICE_NAME)
          targetId = (officeHost && childNamed(officeHost.id, SUPERVISION_OFFICE_NAME)?.id) ?? unit.id;
        else if (p.internalDivision) targetId = internalDivisionId(unit, p.internalDivision);
        const personId = randomUUID();
        holders.set(`${unit.id}:${p.postName}:${p.holder}`, personId);
        personRows.push({ id: personId, unitId: targetId, name: p.name, title: p.title, createdAt: now, updatedAt: now });
        const key = `${targetId}:${p.postName}`;
        const post = postRows.get(key) ?? { id: randomUUID(), unitId: targetId, name: p.postName, createdAt: now, updatedAt: now };
        if (p.holder === 'primaryHolder') post.primaryHolderId = personId;
        else post.backupHolderId = personId;
        postRows.set(key, post);
      }
    });

    const provinceGov = all.find((u) => u.parentId === null);
    if (!provinceGov) throw new Error('demo seed needs the base seed first');
    const oversees: { leaderId: string; unitId: string }[] = [];
    /** The leader who 分管 a department, by the department's short name. */
    const leaderOverseeing = new Map<string, string>();
    for (const leader of provincialLeaders) {
      const id = randomUUID();
      for (const shortName of leader.overseesShortNames) leaderOverseeing.set(shortName, id);
      personRows.push({
        id,
        unitId: provinceGov.id,
        name: leader.name,
        title: leader.title,
        isLeader: true,
        oversightAreas: leader.oversightAreas,
        createdAt: now,
        updatedAt: now,
      });
      for (const shortName of leader.overseesShortNames) {
        const dept = all.find((u) => u.parentId === provinceGov.id && u.shortName === shortName);
        if (dept) oversees.push({ leaderId: id, unitId: dept.id });
      }
    }
    if (newUnits.length) await tx.insert(units).values(newUnits);
    for (let i = 0; i < personRows.length; i += 500) await tx.insert(persons).values(personRows.slice(i, i + 500));
    const postList = [...postRows.values()];
    for (let i = 0; i < postList.length; i += 500) await tx.insert(posts).values(postList.slice(i, i + 500));
    if (oversees.length) await tx.insert(leaderOversees).values(oversees);

    for (const account of demoAccounts) {
      const scopeUnit = await unitByNames(tx, account.scope);
      let personId: string | undefined;
      if (account.person) {
        personId =
          'leaderOverseeing' in account.person
            ? leaderOverseeing.get(account.person.leaderOverseeing)
            : holders.get(`${scopeUnit.id}:${account.person.post}:${account.person.holder}`);
        if (!personId) throw new Error(`demo seed: no person for account ${account.username}`);
      }
      const created = await createAccount(deps, tx, ctx, systemScope(), {
        username: account.username,
        displayName: account.displayName,
        scopeUnitId: scopeUnit.id,
        roles: account.roles,
        personId,
        initialPassword: DEMO_PASSWORD,
        isDemo: true,
        mustChangePassword: false,
      });
      if (account.totpSecret) {
        await tx.update(users).set({ totpSecret: account.totpSecret, totpEnabledAt: now }).where(eq(users.id, created.id));
      }
    }
    await recordAudit(deps, tx, ctx, {
      eventType: 'system.seeded',
      objectType: 'system',
      objectId: 'demo',
      after: { persons: personRows.length, posts: postList.length, internalDivisions: newUnits.length, accounts: demoAccounts.length },
    });
    return true;
  });
}
