/**
 * What the province-wide demo (province.demo.ts) needs to know before it writes: the units that lead items, the
 * people and accounts acting for them, the leaders and the sources' reminder policies — read before the seed's
 * transaction, since the embedded database has one connection.
 */
import { eq, inArray, and, sql } from 'drizzle-orm';
import { leaderOversees, persons, posts, units, users } from '../db/schema/index.js';
import { listSourcePolicies } from '../modules/sources/index.js';
import type { Deps } from '../platform/context.js';
import type { PlanUnit } from './province-plan.js';

/** Units the hand-made demo and the browser tests build their stories on: no province-wide item touches them. */
const keptApart = new Set(['云南省教育厅', '云南省财政厅', '五华区人民政府', '盘龙区人民政府']);
/** Counties per 州市 that lead items of their 州市 (more for 昆明 and 大理, where the county demo accounts are). */
const countiesPer = (prefecture: string) => (prefecture === '昆明市人民政府' || prefecture === '大理白族自治州人民政府' ? 3 : 2);
/** Peoples named in Yunnan's autonomous 州 and 县 (stripped to find the place). */
const ethnicMarkers =
  '彝族 哈尼族 壮族 苗族 傣族 白族 景颇族 傈僳族 藏族 纳西族 拉祜族 佤族 布朗族 独龙族 怒族 普米族 回族 蒙古族 布依族 水族 瑶族'.split(' ');

/** 曲靖市人民政府 → 曲靖市, 大理白族自治州人民政府 → 大理州, 漾濞彝族自治县人民政府 → 漾濞县. */
export function governmentShortName(name: string): string {
  const bare = name.replace(/人民政府$/, '');
  const autonomous = /自治(州|县)$/.exec(bare);
  if (!autonomous) return bare;
  const cut = Math.min(...ethnicMarkers.map((m) => bare.indexOf(m)).filter((i) => i > 0), bare.length - 3);
  return `${bare.slice(0, cut)}${autonomous[1]}`;
}

/** Pinyin initials of the departments that lead province-wide items, for their demo handler accounts' names. */
export const departmentLogins: Record<string, string> = {
  省农业农村厅: 'nynct',
  省住房城乡建设厅: 'zjt',
  省生态环境厅: 'sthjt',
  省林草局: 'lcj',
  省交通运输厅: 'jtt',
  省人力资源社会保障厅: 'rst',
  省应急管理厅: 'yjt',
  省发展改革委: 'fgw',
  省文化和旅游厅: 'wlt',
  省水利厅: 'slt',
  省自然资源厅: 'zrzyt',
  省民政厅: 'mzt',
  省市场监管局: 'scjgj',
  省能源局: 'nyj',
  省信访局: 'xfj',
  省数据局: 'sjj',
  省商务厅: 'swt',
};

export interface UnitRow {
  id: string;
  name: string;
  shortName: string | null;
  kind: string;
  parentId: string | null;
  path: string;
  depth: number;
  divisionCode: string | null;
  sortOrder: number;
}

/** What the seed reads before its transaction (the embedded database has one connection). */
export interface Setting {
  province: UnitRow;
  all: UnitRow[];
  leaderNames: Map<string, string>;
  leaderIds: Map<string, string>;
  demoLeaderPersonId: string | null;
  policies: Awaited<ReturnType<typeof listSourcePolicies>>;
  /** The 督查员 acting for each supervising government (the province's, 昆明's, 大理's demo accounts). */
  supervisors: Map<string, { id: string; displayName: string }>;
  /** Existing handler accounts by scope unit (the curated demo accounts). */
  handlers: Map<string, { id: string; displayName: string }>;
  /** The person who acts as 承办人 for a unit: its 承办人 A角, or its 督查室's first 督查员. */
  handlerPerson: Map<string, string>;
}

export async function readSetting(deps: Deps): Promise<Setting | null> {
  const { db } = deps.database;
  const all = await db
    .select({
      id: units.id,
      name: units.name,
      shortName: units.shortName,
      kind: units.kind,
      parentId: units.parentId,
      path: units.path,
      depth: units.depth,
      divisionCode: units.divisionCode,
      sortOrder: units.sortOrder,
    })
    .from(units)
    .orderBy(units.depth, units.sortOrder, units.name);
  const province = all.find((u) => u.parentId === null);
  if (!province) return null;
  const leaders = await db
    .select({ id: persons.id, name: persons.name, unitId: leaderOversees.unitId })
    .from(leaderOversees)
    .innerJoin(persons, eq(persons.id, leaderOversees.leaderId));
  const shortOf = new Map(all.map((u) => [u.id, u.shortName ?? u.name]));
  const [demoLeader] = await db.select({ personId: users.personId }).from(users).where(eq(users.username, 'leader'));
  const accounts = await db
    .select({ id: users.id, username: users.username, displayName: users.displayName, scopeUnitId: users.scopeUnitId, roles: users.roles })
    .from(users)
    .where(eq(users.isDemo, true));
  const supervisors = new Map<string, { id: string; displayName: string }>();
  const handlers = new Map<string, { id: string; displayName: string }>();
  for (const a of accounts) {
    if (['ducha', 'km_ducha', 'dali_ducha'].includes(a.username)) supervisors.set(a.scopeUnitId, a);
    if (a.roles.includes('unit_handler') && !handlers.has(a.scopeUnitId)) handlers.set(a.scopeUnitId, a);
  }
  const holders = await db
    .select({ personId: persons.id, path: units.path, post: posts.name, primary: posts.primaryHolderId })
    .from(persons)
    .innerJoin(units, eq(units.id, persons.unitId))
    .innerJoin(posts, sql`${posts.primaryHolderId} = ${persons.id} or ${posts.backupHolderId} = ${persons.id}`)
    .where(and(eq(persons.isLeader, false), inArray(posts.name, ['承办人', '督查员（一）'])));
  const handlerPerson = new Map<string, string>();
  for (const unit of all) {
    if (unit.depth === 0 || (unit.kind !== 'government' && unit.kind !== 'department')) continue;
    const own = holders.filter(
      (h) => h.path.startsWith(unit.path) && h.primary === h.personId && h.path.split('/').length - unit.path.split('/').length <= 1,
    );
    const chosen = own.find((h) => h.post === '承办人') ?? own.find((h) => h.post === '督查员（一）');
    if (chosen) handlerPerson.set(unit.id, chosen.personId);
  }
  return {
    province,
    all,
    leaderNames: new Map(leaders.map((l) => [shortOf.get(l.unitId) ?? '', l.name])),
    leaderIds: new Map(leaders.map((l) => [shortOf.get(l.unitId) ?? '', l.id])),
    demoLeaderPersonId: demoLeader?.personId ?? null,
    policies: await listSourcePolicies(deps),
    supervisors,
    handlers,
    handlerPerson,
  };
}

/** The lead units and their counties, as the plan wants them. */
export function planUnits(setting: Setting) {
  const asPlan = (u: UnitRow): PlanUnit => ({ id: u.id, name: u.name, shortName: u.shortName ?? governmentShortName(u.name) });
  const top = setting.all.filter((u) => u.parentId === setting.province.id);
  const prefectures = top.filter((u) => u.kind === 'government' && !keptApart.has(u.name));
  const departments = new Map<string, PlanUnit>();
  for (const u of top)
    if (u.kind === 'department' && u.shortName && departmentLogins[u.shortName] && !keptApart.has(u.name))
      departments.set(u.shortName, asPlan(u));
  const counties = prefectures.flatMap((p) =>
    setting.all
      .filter((c) => c.parentId === p.id && c.kind === 'government' && !keptApart.has(c.name))
      .slice(0, countiesPer(p.name))
      .map((c) => ({ county: asPlan(c), prefecture: asPlan(p) })),
  );
  return { prefectures: prefectures.map(asPlan), departments, counties };
}
