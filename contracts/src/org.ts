/** Organisation contracts (REQUIREMENTS R1): divisions, units, posts, people, leaders' 分管. */
import { z } from 'zod';
import { limits, text } from './common.js';

export const divisionLevelSchema = z.enum(['province', 'prefecture', 'county', 'township']);
export const unitKindSchema = z.enum(['government', 'department', 'internal_division', 'other']);
export type UnitKind = z.infer<typeof unitKindSchema>;

export const division = z.object({
  code: z.string(),
  name: z.string(),
  level: divisionLevelSchema,
  parentCode: z.string().nullable(),
});

export const unit = z.object({
  id: z.uuid(),
  name: z.string(),
  shortName: z.string().nullable(),
  kind: unitKindSchema,
  divisionCode: z.string(),
  divisionName: z.string(),
  parentId: z.uuid().nullable(),
  depth: z.number().int(),
  sortOrder: z.number().int(),
  isSupervisionOffice: z.boolean(),
  childCount: z.number().int(),
  version: z.number().int(),
  isDisabled: z.boolean(),
});
export type Unit = z.infer<typeof unit>;

export const unitListQuery = z.strictObject({
  /** Children of this unit; omitted = the root(s) of the caller's scope. */
  parentId: z.uuid().optional(),
  /** Name contains (Chinese or pinyin-free text search over the caller's scope). */
  q: z.string().trim().min(1).max(limits.nameMax).optional(),
});

export const createUnitBody = z.strictObject({
  name: text(limits.nameMax),
  shortName: text(limits.nameMax).optional(),
  kind: unitKindSchema,
  parentId: z.uuid(),
  /** Defaults to the parent's division. */
  divisionCode: z
    .string()
    .regex(/^\d{6,12}$/)
    .optional(),
  sortOrder: z.number().int().min(0).max(1_000_000).optional(),
  isSupervisionOffice: z.boolean().optional(),
});

export const updateUnitBody = z.strictObject({
  name: text(limits.nameMax).optional(),
  shortName: text(limits.nameMax).nullable().optional(),
  sortOrder: z.number().int().min(0).max(1_000_000).optional(),
  isSupervisionOffice: z.boolean().optional(),
  isDisabled: z.boolean().optional(),
});

export const person = z.object({
  id: z.uuid(),
  unitId: z.uuid(),
  unitName: z.string(),
  name: z.string(),
  title: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  isLeader: z.boolean(),
  oversightAreas: z.string().nullable(),
  overseenUnitIds: z.array(z.uuid()),
  /** Current or planned absence (请假、出差); while it lasts the B角 acts on this person's items. */
  absence: z.object({ from: z.iso.date(), until: z.iso.date(), reason: z.string() }).nullable(),
  version: z.number().int(),
  isDisabled: z.boolean(),
});
export type Person = z.infer<typeof person>;

export const setAbsenceBody = z
  .strictObject({ from: z.iso.date(), until: z.iso.date(), reason: text(100) })
  .refine((v) => v.until >= v.from, { message: 'until must not be before from', path: ['until'] });

export const personListQuery = z.strictObject({
  unitId: z.uuid().optional(),
  /** Include people of sub-units too. */
  includeSubunits: z.enum(['true', 'false']).optional(),
  isLeader: z.enum(['true', 'false']).optional(),
  q: z.string().trim().min(1).max(limits.nameMax).optional(),
});

const phone = z
  .string()
  .trim()
  .regex(/^[0-9+\-() ]{5,32}$/);
export const createPersonBody = z.strictObject({
  unitId: z.uuid(),
  name: text(64),
  title: text(100).optional(),
  phone: phone.optional(),
  email: z.email().max(200).optional(),
  isLeader: z.boolean().optional(),
  oversightAreas: text(limits.shortTextMax).optional(),
});

export const updatePersonBody = z.strictObject({
  name: text(64).optional(),
  title: text(100).nullable().optional(),
  phone: phone.nullable().optional(),
  email: z.email().max(200).nullable().optional(),
  isLeader: z.boolean().optional(),
  oversightAreas: text(limits.shortTextMax).nullable().optional(),
  isDisabled: z.boolean().optional(),
});

/** Replaces a leader's 分管 units with this list. */
export const setOverseenUnitsBody = z.strictObject({ unitIds: z.array(z.uuid()).max(500) });

export const post = z.object({
  id: z.uuid(),
  unitId: z.uuid(),
  name: z.string(),
  primaryHolderId: z.uuid().nullable(),
  primaryHolderName: z.string().nullable(),
  backupHolderId: z.uuid().nullable(),
  backupHolderName: z.string().nullable(),
  version: z.number().int(),
});
export type Post = z.infer<typeof post>;

export const postListQuery = z.strictObject({ unitId: z.uuid() });

export const createPostBody = z.strictObject({
  unitId: z.uuid(),
  name: text(100),
  primaryHolderId: z.uuid().nullable().optional(),
  backupHolderId: z.uuid().nullable().optional(),
});

export const updatePostBody = z.strictObject({
  name: text(100).optional(),
  primaryHolderId: z.uuid().nullable().optional(),
  backupHolderId: z.uuid().nullable().optional(),
});

/**
 * Another name of a unit as documents write it (曲靖市 for 曲靖市人民政府, 省发改委, 大理州): the import and the
 * unit pickers resolve it to the unit. Each alias names one unit only. `createdBy` is null for the seeded forms.
 */
export const unitAlias = z.object({
  unitId: z.uuid(),
  alias: z.string(),
  createdBy: z.uuid().nullable(),
  createdAt: z.iso.datetime(),
});
export type UnitAlias = z.infer<typeof unitAlias>;

export const createUnitAliasBody = z.strictObject({ alias: text(limits.nameMax) });
export const unitAliasParams = z.object({ id: z.uuid(), alias: z.string().min(1).max(limits.nameMax) });
