/**
 * 督办事项来源 and item numbering as data (issue 11 item 5). The system administrator adds sources and edits their
 * names, short code, active flag and 办理时限与预警 policy; each supervising government may set its item number pattern.
 * A policy change applies to items registered afterwards (办结时限) and to every open item's light: their lights are
 * marked stale, and the housekeeping loop recomputes them with the new thresholds within its next run.
 *
 * The engine asks this module which source a new item may take (`sourceForNewItem`) and what its number reads
 * (`numberFor`); this module imports no other module, so tasks, warnings and escalations may all depend on it.
 */
import {
  defaultNumberPattern,
  formatItemNumber,
  governmentNumberPrefix,
  type CreateSourceBody,
  type NumberPatternSetting,
  type Source,
  type SourcePolicy,
  type SourcePolicyBody,
  type UpdateSourceBody,
} from '@luoshi/contracts';
import { recordAudit } from '../../platform/audit-log.js';
import { requireActor, type Deps, type RequestContext } from '../../platform/context.js';
import type { Db } from '../../platform/db.js';
import { fieldError, forbidden, notFound, type AppError } from '../../platform/errors.js';
import * as repo from './sources.repository.js';
import type { SourceRow } from './sources.repository.js';

function present(row: SourceRow): Source {
  return {
    code: row.source,
    name: { 'zh-CN': row.nameZh ?? row.source, en: row.nameEn ?? row.source },
    shortCode: row.shortCode ?? '',
    active: row.active,
    workingDays: row.workingDays,
    signForWorkingDays: row.signForWorkingDays,
    yellowWorkingDays: row.yellowWorkingDays,
    yellowElapsedPercent: row.yellowElapsedPercent,
    reminderWorkingDays: row.reminderWorkingDays,
    escalationWorkingDays: row.escalationWorkingDays,
  };
}

function presentPolicy(row: SourceRow): SourcePolicy {
  return {
    source: row.source,
    workingDays: row.workingDays,
    signForWorkingDays: row.signForWorkingDays,
    yellowWorkingDays: row.yellowWorkingDays,
    yellowElapsedPercent: row.yellowElapsedPercent,
    reminderWorkingDays: row.reminderWorkingDays,
    escalationWorkingDays: row.escalationWorkingDays,
  };
}

/** 临期提醒 days are kept latest-first, as the sweep reads them. */
function policyPatch(input: Partial<SourcePolicyBody>): Partial<repo.SourceInsert> {
  const { reminderWorkingDays, ...rest } = input;
  return {
    ...Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)),
    ...(reminderWorkingDays ? { reminderWorkingDays: [...reminderWorkingDays].sort((a, b) => b - a) } : {}),
  };
}

/** Lights depend on these; 办结时限 (`workingDays`) only on items registered later. */
const lightKeys = ['signForWorkingDays', 'yellowWorkingDays', 'yellowElapsedPercent'] as const;

function unknownSource(code: string, field = 'source'): AppError {
  return fieldError('SOURCE_UNKNOWN', field, 'unknown or inactive source', { source: code });
}

function requireSystemAdmin(ctx: RequestContext): void {
  if (!requireActor(ctx).roles.includes('system_admin')) throw forbidden();
}

// ── reads for the engine and other modules ─────────────────────────────────────────────────────────────────────

/** Every source, active or not, in display order. */
export async function listSources(db: Db): Promise<Source[]> {
  return (await repo.listSourceRows(db)).map(present);
}

export async function sourceByCode(db: Db, code: string): Promise<Source | null> {
  const row = await repo.findSourceRow(db, code);
  return row ? present(row) : null;
}

/**
 * The source a new item is registered with: it must exist and be active, else 400 SOURCE_UNKNOWN naming `field`.
 * Its `workingDays` is the item's default 办结时限.
 */
export async function sourceForNewItem(db: Db, code: string, field = 'source'): Promise<Source> {
  const found = await sourceByCode(db, code);
  if (!found?.active) throw unknownSource(code, field);
  return found;
}

/** A source's zh-CN name (for DOCX notices and exports), the code itself when the registry has none. */
export async function sourceLabels(db: Db): Promise<Map<string, Source['name']>> {
  return new Map((await listSources(db)).map((s) => [s.code, s.name]));
}

/**
 * The item number of the government's `seq`-th item of `year` with this source, by the government's pattern
 * ({unit}督〔{year}〕{seq}号, e.g. 昆督〔2026〕12号, unless it set another).
 */
export async function numberFor(tx: Db, supervisingUnitId: string, sourceCode: string, year: number, seq: number): Promise<string> {
  const pattern = (await repo.findNumberPattern(tx, supervisingUnitId)) ?? defaultNumberPattern;
  // The source and the unit are read only when the pattern shows them: no query a pattern does not need.
  const short = pattern.includes('{short}') ? ((await repo.findSourceRow(tx, sourceCode))?.shortCode ?? '') : '';
  const naming = pattern.includes('{unit}') ? await repo.findUnitNaming(tx, supervisingUnitId) : null;
  const unit = naming ? governmentNumberPrefix(naming.name, naming.level) : '';
  return formatItemNumber(pattern, { year, seq, short, unit });
}

// ── the registry (system administrator) ─────────────────────────────────────────────────────────────────────────

export async function createSource(deps: Deps, ctx: RequestContext, input: CreateSourceBody): Promise<Source> {
  requireSystemAdmin(ctx);
  return deps.database.db.transaction(async (tx) => {
    const { code, name, shortCode, active, ...policy } = input;
    const inserted = await repo.insertSourceRow(tx, {
      source: code,
      nameZh: name['zh-CN'],
      nameEn: name.en,
      shortCode,
      active,
      position: await repo.nextSourcePosition(tx),
      workingDays: input.workingDays,
      ...policyPatch(policy),
    });
    if (!inserted) throw fieldError('SOURCE_CODE_TAKEN', 'code', 'source code taken', { source: code });
    const row = await repo.findSourceRow(tx, code);
    if (!row) throw notFound();
    const after = present(row);
    await recordAudit(deps, tx, ctx, { eventType: 'settings.source_created', objectType: 'source', objectId: code, after });
    return after;
  });
}

export async function updateSource(deps: Deps, ctx: RequestContext, code: string, input: UpdateSourceBody): Promise<Source> {
  requireSystemAdmin(ctx);
  return deps.database.db.transaction(async (tx) => {
    const current = await repo.findSourceRow(tx, code, { forUpdate: true });
    if (!current) throw unknownSource(code);
    const { name, shortCode, active, ...policy } = input;
    await repo.updateSourceRow(tx, code, {
      ...(name ? { nameZh: name['zh-CN'], nameEn: name.en } : {}),
      ...(shortCode !== undefined ? { shortCode } : {}),
      ...(active !== undefined ? { active } : {}),
      ...policyPatch(policy),
    });
    if (lightKeys.some((k) => policy[k] !== undefined && policy[k] !== current[k])) await repo.markOpenLightsStale(tx, code);
    const updated = await repo.findSourceRow(tx, code);
    if (!updated) throw notFound();
    const before = present(current);
    const after = present(updated);
    await recordAudit(deps, tx, ctx, { eventType: 'settings.source_changed', objectType: 'source', objectId: code, before, after });
    return after;
  });
}

// ── 办理时限与预警设置 (the policy part of each source; the older API, kept as it was) ────────────────────────────

export async function listSourcePolicies(deps: Deps): Promise<SourcePolicy[]> {
  return (await repo.listSourceRows(deps.database.db)).map(presentPolicy);
}

export async function setSourcePolicy(deps: Deps, ctx: RequestContext, source: string, input: SourcePolicyBody): Promise<SourcePolicy> {
  requireSystemAdmin(ctx);
  return deps.database.db.transaction(async (tx) => {
    const current = await repo.findSourceRow(tx, source, { forUpdate: true });
    if (!current) throw unknownSource(source);
    // Left-out ladder settings stay as they were.
    await repo.updateSourceRow(tx, source, policyPatch(input));
    // Lights of this source are recomputed with the new thresholds by the next housekeeping run.
    await repo.markOpenLightsStale(tx, source);
    const updated = await repo.findSourceRow(tx, source);
    if (!updated) throw notFound();
    const before = presentPolicy(current);
    const after = presentPolicy(updated);
    await recordAudit(deps, tx, ctx, {
      eventType: 'settings.source_policy_changed',
      objectType: 'source_policy',
      objectId: source,
      before,
      after,
    });
    return after;
  });
}

// ── item number patterns (per supervising government) ──────────────────────────────────────────────────────────

/** Every government in the administrator's scope with the pattern its items are numbered by. */
export async function listNumberPatterns(deps: Deps, ctx: RequestContext): Promise<NumberPatternSetting[]> {
  const actor = requireActor(ctx);
  const rows = await repo.listGovernmentPatterns(deps.database.db, actor.scope);
  return rows.map((r) => ({
    unitId: r.unitId,
    unitName: r.unitName,
    pattern: r.pattern ?? defaultNumberPattern,
    isDefault: r.pattern === null,
    numberPrefix: governmentNumberPrefix(r.unitName, r.level),
  }));
}

/** Sets a government's pattern (validated by the contract: it contains `{seq}`); the next item it registers uses it. */
export async function setNumberPattern(deps: Deps, ctx: RequestContext, unitId: string, pattern: string): Promise<NumberPatternSetting> {
  requireSystemAdmin(ctx);
  const actor = requireActor(ctx);
  return deps.database.db.transaction(async (tx) => {
    const government = await repo.findGovernmentInScope(tx, actor.scope, unitId);
    if (!government) throw notFound();
    const before = (await repo.findNumberPattern(tx, unitId)) ?? defaultNumberPattern;
    await repo.upsertNumberPattern(tx, unitId, pattern, ctx.clock.now());
    await recordAudit(deps, tx, ctx, {
      eventType: 'settings.number_pattern_changed',
      objectType: 'unit',
      objectId: unitId,
      before: { pattern: before },
      after: { pattern },
    });
    return {
      unitId,
      unitName: government.name,
      pattern,
      isDefault: false,
      numberPrefix: governmentNumberPrefix(government.name, government.level),
    };
  });
}
