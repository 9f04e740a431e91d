import { milestoneBody } from '@luoshi/contracts';
import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { milestoneState, toMilestoneBody } from './milestone-form';

const unit = '0190f3a4-7b1c-7def-8abc-0123456789ab';

describe('toMilestoneBody', () => {
  it('sends the trimmed inputs and leaves empty optional ones out', () => {
    const body = toMilestoneBody({ title: ' 完成选址 ', goal: '  ', plannedDate: dayjs('2026-03-20'), plannedPercent: 40 });
    expect(body).toEqual({ title: '完成选址', plannedDate: '2026-03-20', plannedPercent: 40 });
    expect(milestoneBody.safeParse(body).success).toBe(true);
  });
  it('sends the stage goal and the responsible unit and person when given', () => {
    expect(
      toMilestoneBody({
        title: '开工',
        goal: ' 12 所学校全部开工 ',
        plannedDate: dayjs('2026-05-04'),
        plannedPercent: 0,
        responsibleUnitId: unit,
        responsiblePersonId: unit,
      }),
    ).toEqual({
      title: '开工',
      goal: '12 所学校全部开工',
      plannedDate: '2026-05-04',
      plannedPercent: 0,
      responsibleUnitId: unit,
      responsiblePersonId: unit,
    });
  });
});

describe('milestoneState', () => {
  it('is reached once a report named it, even when its date passed; overdue only while unreached', () => {
    expect(milestoneState({ reachedAt: '2026-03-23T02:00:00.000Z', overdue: false })).toBe('reached');
    expect(milestoneState({ reachedAt: null, overdue: true })).toBe('overdue');
    expect(milestoneState({ reachedAt: null, overdue: false })).toBe('upcoming');
  });
});
