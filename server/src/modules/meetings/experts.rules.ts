/**
 * The pure rules of the 专家库 draw: who may be drawn after 回避, and which of them the recorded seed draws. The rank
 * is SHA-256 of `${seed}:${expertId}`, so re-running the rule on the recorded seed and pool gives the same experts on
 * any machine, in any year.
 */
import { createHash } from 'node:crypto';
import type { RecusalReason } from '@luoshi/contracts';

export interface Candidate {
  id: string;
  fields: readonly string[];
  isAvailable: boolean;
  affiliationUnitId: string | null;
  conflictUnitIds: readonly string[];
  drawsThisYear: number;
}

/**
 * The experts of `field` that may be drawn, in id order, and those recused with their reason: unavailable, of the
 * proposer's own unit, with a declared conflict with it, or drawn more than `maxDrawsPerYear` times this year.
 */
export function eligiblePool(
  candidates: readonly Candidate[],
  rule: { field: string; proposerUnitId: string; maxDrawsPerYear: number },
): { pool: string[]; excluded: { expertId: string; reason: RecusalReason }[] } {
  const pool: string[] = [];
  const excluded: { expertId: string; reason: RecusalReason }[] = [];
  for (const c of [...candidates].sort((a, b) => a.id.localeCompare(b.id))) {
    if (!c.fields.includes(rule.field)) continue;
    const reason: RecusalReason | null = !c.isAvailable
      ? 'unavailable'
      : c.affiliationUnitId === rule.proposerUnitId
        ? 'same_unit'
        : c.conflictUnitIds.includes(rule.proposerUnitId)
          ? 'conflict'
          : c.drawsThisYear >= rule.maxDrawsPerYear
            ? 'too_many_draws'
            : null;
    if (reason) excluded.push({ expertId: c.id, reason });
    else pool.push(c.id);
  }
  return { pool, excluded };
}

/** The first `count` of the pool ranked by SHA-256 of `${seed}:${id}` (rule sha256-rank-v1). */
export function drawFrom(pool: readonly string[], seed: string, count: number): string[] {
  const rank = (id: string) => createHash('sha256').update(`${seed}:${id}`).digest('hex');
  return [...pool]
    .map((id) => ({ id, rank: rank(id) }))
    .sort((a, b) => (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : 0))
    .slice(0, count)
    .map((r) => r.id);
}

/** 13812345678 → 138****5678: contact details stay out of lists. */
export function maskPhone(phone: string | null): string | null {
  if (!phone) return null;
  const digits = phone.replace(/\D/g, '');
  if (digits.length < 7) return '****';
  return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
}
