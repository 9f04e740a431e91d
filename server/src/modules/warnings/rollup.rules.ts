/**
 * 一级督一级 roll-up (REQUIREMENTS S5): a parent's progress from its sub-items.
 * - average (default): the mean of the sub-items' progress;
 * - weighted: the mean weighted by each sub-item's `weight`;
 * - status: the share of sub-items that are done (已办结 or later).
 * A done sub-item counts as 100 %, one without any report as 0 %; withdrawn or terminated ones do not count.
 */
export type RollupMode = 'average' | 'weighted' | 'status';
export const rollupModes: readonly RollupMode[] = ['average', 'weighted', 'status'];

const done: readonly string[] = ['completed', 'evaluated', 'archived'];
const dropped: readonly string[] = ['withdrawn', 'terminated'];

export interface RollupChild {
  status: string;
  progressPercent: number | null;
  weight: number;
}

export function rolledUpPercent(mode: string | null, children: readonly RollupChild[]): number | null {
  const counted = children.filter((c) => !dropped.includes(c.status));
  if (counted.length === 0) return null;
  const percentOf = (c: RollupChild) => (done.includes(c.status) ? 100 : (c.progressPercent ?? 0));
  if (mode === 'status') return Math.round((100 * counted.filter((c) => done.includes(c.status)).length) / counted.length);
  if (mode === 'weighted') {
    const total = counted.reduce((sum, c) => sum + Math.max(0, c.weight), 0);
    if (total === 0) return null;
    return Math.round(counted.reduce((sum, c) => sum + Math.max(0, c.weight) * percentOf(c), 0) / total);
  }
  return Math.round(counted.reduce((sum, c) => sum + percentOf(c), 0) / counted.length);
}
