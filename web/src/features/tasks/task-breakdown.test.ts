import { breakdownBody } from '@luoshi/contracts';
import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { canBreakDown, initialBreakdownValues, isAfterParentDeadline, toBreakdownBody } from './task-breakdown';

const unitA = '0190f3a4-7b1c-7def-8abc-0123456789ab';
const unitB = '0190f3a4-7b1c-7def-8abc-0123456789ac';

describe('toBreakdownBody', () => {
  it('sends each row’s unit and only the inputs filled in, so the rest comes from the parent', () => {
    const body = toBreakdownBody({
      items: [
        { leadUnitId: unitA, title: '  ', deadline: null, weight: 3 },
        { leadUnitId: unitB, title: ' 乙市：完成 12 所学校改造 ', deadline: dayjs('2026-05-29'), weight: 1 },
      ],
      assignNow: true,
      rollupMode: 'average',
    });
    expect(body).toEqual({
      items: [{ leadUnitId: unitA }, { leadUnitId: unitB, title: '乙市：完成 12 所学校改造', deadline: '2026-05-29' }],
      assignNow: true,
      rollupMode: 'average',
    });
    expect(breakdownBody.safeParse(body).success).toBe(true);
  });
  it('sends the weights for the weighted roll-up, and leaves the items as drafts when 立即交办 is off', () => {
    const body = toBreakdownBody({
      items: [{ leadUnitId: unitA, weight: 3 }, { leadUnitId: unitB }],
      assignNow: false,
      rollupMode: 'weighted',
    });
    expect(body).toEqual({ items: [{ leadUnitId: unitA, weight: 3 }, { leadUnitId: unitB }], assignNow: false, rollupMode: 'weighted' });
    expect(breakdownBody.parse(body).items[1]?.weight).toBe(1);
  });
});

describe('breakdown rules shown before sending', () => {
  it('starts with two rows, 立即交办 on and the parent’s roll-up mode', () => {
    expect(initialBreakdownValues({ rollupMode: 'status' })).toEqual({
      items: [{ weight: 1 }, { weight: 1 }],
      assignNow: true,
      rollupMode: 'status',
    });
  });
  it('flags a deadline later than the parent’s only', () => {
    expect(isAfterParentDeadline('2026-07-01', '2026-06-30')).toBe(true);
    expect(isAfterParentDeadline('2026-06-30', '2026-06-30')).toBe(false);
    expect(isAfterParentDeadline(undefined, '2026-06-30')).toBe(false);
    expect(isAfterParentDeadline('2026-07-01', null)).toBe(false);
  });
  it('offers 分解 to a 督查员 while the item is not yet closed', () => {
    expect(canBreakDown({ status: 'in_progress' }, true)).toBe(true);
    expect(canBreakDown({ status: 'pending_approval' }, true)).toBe(true);
    expect(canBreakDown({ status: 'completion_requested' }, true)).toBe(false);
    expect(canBreakDown({ status: 'in_progress' }, false)).toBe(false);
  });
});
