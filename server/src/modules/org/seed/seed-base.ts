/**
 * The real base data every installation starts with, demo or production: Yunnan's GB/T 2260 divisions, the
 * government units of the province, its 16 州市 and 129 县市区 (each with its 督查室), the provincial departments,
 * the usual short forms of their names (unit aliases), and the official holiday calendar. Runs once, in one transaction, when the units table is empty.
 */
import { randomUUID } from 'node:crypto';
import { count } from 'drizzle-orm';
import { calendarDays, divisions, units } from '../../../db/schema/index.js';
import calendarSeed from '../../../platform/calendar/calendar-seed.json' with { type: 'json' };
import { recordAudit } from '../../../platform/audit-log.js';
import type { Deps, RequestContext } from '../../../platform/context.js';
import type { Db } from '../../../platform/db.js';
import { seedStandardAliases } from '../aliases/unit-aliases.service.js';
import departments from './provincial-departments.json' with { type: 'json' };
import yunnanDivisions from './yunnan-divisions.json' with { type: 'json' };

type UnitInsert = typeof units.$inferInsert;

export const PROVINCE_GOVERNMENT_NAME = '云南省人民政府';
export const SUPERVISION_OFFICE_NAME = '督查室';

/** Builds unit rows with ids and materialised paths in tree order. */
export class UnitTreeBuilder {
  readonly rows: UnitInsert[] = [];
  private readonly childCounts = new Map<string, number>();

  add(parent: UnitInsert | null, fields: Pick<UnitInsert, 'name' | 'kind' | 'divisionCode'> & Partial<UnitInsert>): UnitInsert {
    const id = randomUUID();
    const parentKey = parent?.id ?? '';
    const sortOrder = this.childCounts.get(parentKey) ?? 0;
    this.childCounts.set(parentKey, sortOrder + 1);
    const row: UnitInsert = {
      id,
      parentId: parent?.id ?? null,
      path: `${parent?.path ?? '/'}${id}/`,
      depth: parent ? (parent.depth ?? 0) + 1 : 0,
      sortOrder,
      ...fields,
    };
    this.rows.push(row);
    return row;
  }
}

/** "昆明市" → "昆明市人民政府"; autonomous prefectures and counties likewise. */
export function governmentName(divisionName: string): string {
  return `${divisionName}人民政府`;
}

export async function isBaseSeeded(db: Db): Promise<boolean> {
  const rows = await db.select({ n: count() }).from(units);
  return (rows[0]?.n ?? 0) > 0;
}

async function insertChunked<T extends object>(rows: T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) await insert(rows.slice(i, i + 500));
}

/** Seeds the base data if absent. Returns false when it was already there. */
export async function seedBase(deps: Deps, ctx: RequestContext): Promise<boolean> {
  return deps.database.db.transaction(async (tx) => {
    if (await isBaseSeeded(tx)) {
      await seedStandardAliases(tx); // an installation seeded before unit aliases existed gets them once
      return false;
    }
    await insertChunked(yunnanDivisions, (chunk) => tx.insert(divisions).values(chunk).onConflictDoNothing());

    const tree = new UnitTreeBuilder();
    const province = yunnanDivisions.find((d) => d.level === 'province');
    if (!province) throw new Error('seed data has no province');
    const provinceGov = tree.add(null, {
      name: PROVINCE_GOVERNMENT_NAME,
      shortName: '省政府',
      kind: 'government',
      divisionCode: province.code,
    });
    for (const dept of departments) {
      const unit = tree.add(provinceGov, { name: dept.name, shortName: dept.shortName, kind: 'department', divisionCode: province.code });
      if (dept.shortName === '省政府办公厅') {
        tree.add(unit, {
          name: SUPERVISION_OFFICE_NAME,
          kind: 'internal_division',
          divisionCode: province.code,
          isSupervisionOffice: true,
        });
      }
    }
    const governments = new Map<string, UnitInsert>([[province.code, provinceGov]]);
    for (const level of ['prefecture', 'county'] as const) {
      for (const d of yunnanDivisions.filter((x) => x.level === level)) {
        const parent = governments.get(d.parentCode ?? '');
        if (!parent) throw new Error(`division ${d.code} has no parent government`);
        const gov = tree.add(parent, { name: governmentName(d.name), kind: 'government', divisionCode: d.code });
        tree.add(gov, { name: SUPERVISION_OFFICE_NAME, kind: 'internal_division', divisionCode: d.code, isSupervisionOffice: true });
        governments.set(d.code, gov);
      }
    }
    await insertChunked(tree.rows, (chunk) => tx.insert(units).values(chunk));
    const aliases = await seedStandardAliases(tx);
    await insertChunked(
      calendarSeed.map((c) => ({ day: c.day, kind: c.kind, name: c.name })),
      (chunk) => tx.insert(calendarDays).values(chunk).onConflictDoNothing(),
    );
    await recordAudit(deps, tx, ctx, {
      eventType: 'system.seeded',
      objectType: 'system',
      objectId: 'base',
      after: { divisions: yunnanDivisions.length, units: tree.rows.length, unitAliases: aliases, calendarDays: calendarSeed.length },
    });
    return true;
  });
}
