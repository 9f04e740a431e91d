/**
 * Session-temporary lookup tables the bulk SQL joins against: who can act for a unit, and what a government can hand
 * items to. Small arrays per unit keep every pick an O(1) subscript (`users[1 + floor(u * n)]`) inside one
 * `insert … select … generate_series` statement, instead of a per-row round trip.
 */
import { insertJsonRows } from './bulk.js';
import type { UnitModel } from './phase-units.js';
import type { StaffModel } from './phase-users.js';
import type { OwnerQuery } from './target.js';

export async function createStagingTables(exec: OwnerQuery, model: UnitModel, staff: StaffModel): Promise<void> {
  await exec(`create temp table bench_staff (unit_id uuid primary key, persons uuid[] not null, users uuid[] not null, n int not null)`);
  await exec(`create temp table bench_gov (gov_id uuid primary key, kids uuid[] not null, n_kids int not null,
    leaders uuid[] not null, n_leaders int not null, supervisors uuid[] not null, n_sup int not null)`);
  const staffRows = [...staff.handlersOf].map(([unitId, s]) => ({
    unit_id: unitId,
    persons: s.personIds,
    users: s.userIds,
    n: s.personIds.length,
  }));
  await insertJsonRows(exec, 'bench_staff', staffRows, 500);
  const govRows = [...model.officeOf.keys()].map((govId) => {
    const kids = (model.children.get(govId) ?? []).map((k) => k.id);
    const leaders = staff.leadersOf.get(govId) ?? [];
    const supervisors = staff.supervisorsOf.get(govId) ?? [];
    return { gov_id: govId, kids, n_kids: kids.length, leaders, n_leaders: leaders.length, supervisors, n_sup: supervisors.length };
  });
  await insertJsonRows(exec, 'bench_gov', govRows, 500);
  // Every lead unit needs an actor and every government a 督查员, or rows would get null actors.
  const gaps = await exec(`select (select count(*) from bench_gov where n_sup = 0 or n_leaders = 0)::int as govs,
    (select count(*) from units u where not u.is_supervision_office and u.depth > 0
       and not exists (select 1 from bench_staff s where s.unit_id = u.id))::int as units`);
  if (Number(gaps[0]?.govs) > 0 || Number(gaps[0]?.units) > 0) throw new Error(`Staffing gaps: ${JSON.stringify(gaps[0])}`);
}
