/**
 * Phase 2 — people and accounts. Every unit gets at least one person with an account, so that any item's lead unit
 * has someone to report and any government has a 督查员 and a leader; the rest of the 30,000 accounts go where a
 * province really has them (the provincial 督查室 and departments heavier than townships). All accounts share ONE
 * argon2id hash of the documented bench password, computed once by the product's own `hashPassword`.
 */
import { randomUUID } from 'node:crypto';
import { hashPassword } from '../../server/src/platform/passwords.js';
import { insertJsonRows, seededRandom } from './bulk.js';
import { familyNames, givenNames } from './phrases.js';
import type { UnitModel, UnitNode } from './phase-units.js';
import type { Scale } from './scale.js';
import type { OwnerQuery } from './target.js';

/** The password of every generated account (documented in bench/README.md). */
export const BENCH_PASSWORD = 'Bench#Luoshi2026';

/** Named accounts the benchmark signs in with. */
export const BENCH_ACCOUNTS = {
  /** Province 督查室 supervisor: sees the whole province. */
  provinceSupervisor: 'bench_ducha',
  /** 昆明市 督查室 supervisor. */
  prefectureSupervisor: 'bench_km_ducha',
  /** A 副省长. */
  provinceLeader: 'bench_leader',
  /** A handler of the provincial department holding the most items. */
  departmentHandler: 'bench_handler',
} as const;

export interface StaffModel {
  /** Who acts for a unit as lead unit: its handlers (or, for a government, its 督查室's supervisors). */
  handlersOf: Map<string, { personIds: string[]; userIds: string[] }>;
  /** Leaders (person ids) of each government, for 责任领导. */
  leadersOf: Map<string, string[]>;
  /** Supervisors (user ids) of each government's 督查室. */
  supervisorsOf: Map<string, string[]>;
  userCount: number;
}

type Slot = { unit: UnitNode; role: 'supervisor' | 'government_leader' | 'unit_handler'; scope: UnitNode; weight: number };

/** Where accounts go: one per slot first, the rest by weight. */
function slotsOf(model: UnitModel): Slot[] {
  const slots: Slot[] = [];
  for (const unit of model.all) {
    if (unit.isSupervisionOffice) continue;
    const office = model.officeOf.get(unit.id);
    if (office) {
      const big = unit.level === 'province' ? 8 : unit.level === 'prefecture' ? 3 : 1;
      slots.push({ unit: office, role: 'supervisor', scope: unit, weight: 4 * big });
      slots.push({ unit, role: 'government_leader', scope: unit, weight: big });
    } else {
      const weight = unit.level === 'province' ? 30 : unit.kind === 'department' ? 6 : 4;
      slots.push({ unit, role: 'unit_handler', scope: unit, weight });
    }
  }
  return slots;
}

function leaderTitle(level: string): string {
  return level === 'province' ? '副省长' : level === 'prefecture' ? '副州（市）长' : '副县（市、区）长';
}

export async function generateUsers(exec: OwnerQuery, model: UnitModel, scale: Scale): Promise<StaffModel> {
  const random = seededRandom(20_260_601);
  const slots = slotsOf(model);
  if (scale.users < slots.length) throw new Error(`Scale ${scale.name} needs at least ${slots.length} users (one per unit role).`);
  const counts = slots.map(() => 1);
  const totalWeight = slots.reduce((s, x) => s + x.weight, 0);
  for (let extra = scale.users - slots.length; extra > 0; extra--) {
    let r = random() * totalWeight;
    let i = 0;
    while (i < slots.length - 1 && r >= (slots[i]?.weight ?? 0)) r -= slots[i++]?.weight ?? 0;
    counts[i] = (counts[i] ?? 0) + 1;
  }
  // The named handler is the second account of the heaviest department (the first is its 负责人).
  const heaviestSlot = slots.findIndex((s) => s.role === 'unit_handler' && s.unit.id === rankedDepartments(model)[0]?.id);
  if (heaviestSlot >= 0) counts[heaviestSlot] = Math.max(2, counts[heaviestSlot] ?? 1);
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const now = new Date().toISOString();
  const personRows: object[] = [];
  const userRows: object[] = [];
  const staff: StaffModel = { handlersOf: new Map(), leadersOf: new Map(), supervisorsOf: new Map(), userCount: 0 };
  const named = new Map<string, string>();
  const kunming = model.all.find((u) => u.name === '昆明市人民政府');
  const heaviest = rankedDepartments(model)[0];
  let serial = 0;
  slots.forEach((slot, i) => {
    for (let k = 0; k < (counts[i] ?? 1); k++) {
      serial++;
      const personId = randomUUID();
      const userId = randomUUID();
      const name = `${familyNames[Math.floor(random() * familyNames.length)]}${givenNames[Math.floor(random() * givenNames.length)]}`;
      const isFirstLeader = slot.role === 'unit_handler' && k === 0;
      const title =
        slot.role === 'government_leader'
          ? leaderTitle(slot.unit.level)
          : slot.role === 'supervisor'
            ? '督查专员'
            : isFirstLeader
              ? '负责人'
              : '科员';
      let username = `b${String(serial).padStart(5, '0')}`;
      if (k === 0 && slot.role === 'supervisor' && slot.scope.id === model.province.id) username = BENCH_ACCOUNTS.provinceSupervisor;
      if (k === 0 && slot.role === 'supervisor' && slot.scope.id === kunming?.id) username = BENCH_ACCOUNTS.prefectureSupervisor;
      if (k === 0 && slot.role === 'government_leader' && slot.scope.id === model.province.id) username = BENCH_ACCOUNTS.provinceLeader;
      if (k === 1 && slot.role === 'unit_handler' && slot.unit.id === heaviest?.id) username = BENCH_ACCOUNTS.departmentHandler;
      named.set(username, userId);
      personRows.push(
        benchPersonRow({ id: personId, unitId: slot.unit.id, name, title, isLeader: slot.role === 'government_leader', now }),
      );
      userRows.push(
        benchUserRow({
          id: userId,
          username,
          displayName: name,
          personId,
          scopeUnitId: slot.scope.id,
          roles: [isFirstLeader ? 'unit_leader' : slot.role],
          passwordHash,
          now,
        }),
      );
      if (slot.role === 'government_leader') push(staff.leadersOf, slot.scope.id, personId);
      if (slot.role === 'supervisor') {
        push(staff.supervisorsOf, slot.scope.id, userId);
        pushStaff(staff, slot.scope.id, personId, userId);
      }
      if (slot.role === 'unit_handler') pushStaff(staff, slot.unit.id, personId, userId);
    }
  });
  await insertJsonRows(exec, 'persons', personRows);
  await insertJsonRows(exec, 'users', userRows);
  await insertLeaderOversight(exec, model, staff);
  staff.userCount = userRows.length;
  return staff;
}

function push(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key) ?? [];
  list.push(value);
  map.set(key, list);
}

function pushStaff(staff: StaffModel, unitId: string, personId: string, userId: string): void {
  const entry = staff.handlersOf.get(unitId) ?? { personIds: [], userIds: [] };
  entry.personIds.push(personId);
  entry.userIds.push(userId);
  staff.handlersOf.set(unitId, entry);
}

/** 分管: the provincial leaders share the provincial departments round-robin (the leader's "我的批示" and approvals use it). */
async function insertLeaderOversight(exec: OwnerQuery, model: UnitModel, staff: StaffModel): Promise<void> {
  const leaders = staff.leadersOf.get(model.province.id) ?? [];
  const departments = (model.children.get(model.province.id) ?? []).filter((u) => u.kind === 'department');
  if (leaders.length === 0) return;
  const rows = departments.map((d, i) => ({ leader_id: leaders[i % leaders.length], unit_id: d.id }));
  await insertJsonRows(exec, 'leader_oversees', rows);
}

/**
 * The provincial departments in item-load order (rank 1 holds the most items): a fixed seeded shuffle, so that the
 * skew does not simply follow the seed's listing order, and so that the tasks phase and the named handler agree.
 */
export function rankedDepartments(model: UnitModel): UnitNode[] {
  const random = seededRandom(7);
  const departments = (model.children.get(model.province.id) ?? []).filter((u) => u.kind === 'department');
  return departments
    .map((d) => ({ d, key: random() }))
    .sort((a, b) => a.key - b.key)
    .map((x) => x.d);
}

/** A generated person row (bulk insert shape): present, no contact data, version 1. */
export function benchPersonRow(p: { id: string; unitId: string; name: string; title: string; isLeader: boolean; now: string }): object {
  return {
    id: p.id,
    unit_id: p.unitId,
    name: p.name,
    title: p.title,
    phone: null,
    email: null,
    is_leader: p.isLeader,
    oversight_areas: null,
    absent_from: null,
    absent_until: null,
    absence_reason: null,
    version: 1,
    created_at: p.now,
    updated_at: p.now,
    disabled_at: null,
  };
}

/** A generated account row: the bench password, no forced change, no TOTP. */
export function benchUserRow(u: {
  id: string;
  username: string;
  displayName: string;
  personId: string;
  scopeUnitId: string;
  roles: string[];
  passwordHash: string;
  now: string;
}): object {
  return {
    id: u.id,
    username: u.username,
    username_key: u.username,
    display_name: u.displayName,
    person_id: u.personId,
    scope_unit_id: u.scopeUnitId,
    roles: u.roles,
    password_hash: u.passwordHash,
    password_changed_at: u.now,
    must_change_password: false,
    totp_secret: null,
    totp_enabled_at: null,
    totp_last_step: null,
    is_demo: false,
    disabled_at: null,
    last_sign_in_at: null,
    version: 1,
    created_at: u.now,
    updated_at: u.now,
  };
}
