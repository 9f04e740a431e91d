/**
 * Phase 1 — units. The product's seed already holds the real tree (province, 16 州市, 129 县市区 with their 督查室,
 * the provincial departments). A province also has ~1,400 乡镇街道 and every county its own departments; these are
 * generated under each 县市区 government (townships with GB/T 2260-style 9-digit division codes) to reach ~2,000
 * units, so that scope queries (`units.path LIKE …`) see a realistic tree depth and fan-out.
 */
import { randomUUID } from 'node:crypto';
import { countyDepartmentNames, townshipNames } from './phrases.js';
import { insertJsonRows } from './bulk.js';
import type { Scale } from './scale.js';
import type { OwnerQuery } from './target.js';

export interface UnitNode {
  id: string;
  parentId: string | null;
  name: string;
  kind: string;
  path: string;
  depth: number;
  isSupervisionOffice: boolean;
  /** Division level of the unit: province | prefecture | county | township. */
  level: string;
}

export interface UnitModel {
  all: UnitNode[];
  byId: Map<string, UnitNode>;
  /** Non-office children of each unit: who a government can hand items to. */
  children: Map<string, UnitNode[]>;
  /** The 督查室 of each government that has one. */
  officeOf: Map<string, UnitNode>;
  province: UnitNode;
}

export async function loadUnitModel(exec: OwnerQuery): Promise<UnitModel> {
  const rows = await exec(`select u.id, u.parent_id, u.name, u.kind, u.path, u.depth, u.is_supervision_office, d.level
    from units u join divisions d on d.code = u.division_code where u.disabled_at is null order by u.depth, u.sort_order`);
  const all = rows.map((r): UnitNode => ({
    id: String(r.id),
    parentId: typeof r.parent_id === 'string' ? r.parent_id : null,
    name: String(r.name),
    kind: String(r.kind),
    path: String(r.path),
    depth: Number(r.depth),
    isSupervisionOffice: r.is_supervision_office === true,
    level: String(r.level),
  }));
  const byId = new Map(all.map((u) => [u.id, u]));
  const children = new Map<string, UnitNode[]>();
  const officeOf = new Map<string, UnitNode>();
  for (const u of all) {
    if (!u.parentId) continue;
    if (u.isSupervisionOffice) {
      const parent = byId.get(u.parentId);
      // The province 督查室 sits under 省政府办公厅; it supervises on behalf of the province government.
      const government = parent?.kind === 'government' ? parent : all.find((x) => x.depth === 0);
      if (government) officeOf.set(government.id, u);
      continue;
    }
    const list = children.get(u.parentId) ?? [];
    list.push(u);
    children.set(u.parentId, list);
  }
  const province = all.find((u) => u.depth === 0);
  if (!province) throw new Error('No province government: the product seed did not run.');
  return { all, byId, children, officeOf, province };
}

/** Adds township governments and county departments under every 县市区 government; returns how many units were added. */
export async function generateUnits(exec: OwnerQuery, scale: Scale): Promise<number> {
  const model = await loadUnitModel(exec);
  const counties = await exec(`select u.id, u.path, u.depth, u.division_code, d.name as division_name
    from units u join divisions d on d.code = u.division_code
    where u.kind = 'government' and d.level = 'county' order by u.division_code`);
  if (model.all.some((u) => u.level === 'township')) return 0;
  const now = new Date().toISOString();
  const divisionRows: object[] = [];
  const unitRows: object[] = [];
  counties.forEach((county, countyIndex) => {
    const code = String(county.division_code);
    const path = String(county.path);
    const depth = Number(county.depth) + 1;
    let sortOrder = 10;
    const add = (name: string, kind: string, divisionCode: string) => {
      const id = randomUUID();
      unitRows.push({
        id,
        name,
        short_name: null,
        kind,
        division_code: divisionCode,
        parent_id: county.id,
        path: `${path}${id}/`,
        depth,
        sort_order: sortOrder++,
        is_supervision_office: false,
        version: 1,
        created_at: now,
        updated_at: now,
        disabled_at: null,
      });
    };
    for (let i = 0; i < scale.departmentsPerCounty; i++) {
      add(countyDepartmentNames[i % countyDepartmentNames.length] ?? '办公室', 'department', code);
    }
    for (let i = 0; i < scale.townshipsPerCounty; i++) {
      const name = townshipNames[(countyIndex * 3 + i) % townshipNames.length] ?? '镇';
      const townshipCode = `${code}${String(i + 1).padStart(3, '0')}`;
      divisionRows.push({ code: townshipCode, name, level: 'township', parent_code: code });
      add(`${name}人民政府`, 'government', townshipCode);
    }
  });
  await insertJsonRows(exec, 'divisions', divisionRows);
  await insertJsonRows(exec, 'units', unitRows);
  return unitRows.length;
}
