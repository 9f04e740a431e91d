import { createTaskBody } from '@luoshi/contracts';
import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { similarityText, toCreateTaskBody, type TaskFormValues } from './task-form';

const lead = '0190f3a4-7b1c-7def-8abc-0123456789ab';
const other = '0190f3a4-7b1c-7def-8abc-0123456789ac';

const base: TaskFormValues = {
  title: '  推进义务教育优质均衡发展  ',
  source: 'leader_instruction',
  sourceRef: { leaderName: '王省长', meeting: '不该发送', clause: ' 请省教育厅牵头研究 ' },
  content: '落实省领导批示精神',
  requirements: '   ',
  deadlineMode: 'workingDays',
  deadline: dayjs('2026-09-30'),
  deadlineWorkingDays: null,
  urgency: 'urgent',
  reportingFrequency: 'monthly',
  leadUnitId: lead,
  cooperatingUnitIds: [other],
  responsibleLeaderId: null,
};

describe('toCreateTaskBody', () => {
  it('sends only the source fields of the chosen source and lets the server default the deadline', () => {
    const body = toCreateTaskBody(base, null);
    expect(body).toMatchObject({
      title: '推进义务教育优质均衡发展',
      sourceRef: { leaderName: '王省长', clause: '请省教育厅牵头研究' },
      requirements: undefined,
      deadline: undefined,
      deadlineWorkingDays: undefined,
      relatedTaskId: undefined,
    });
    expect(body.sourceRef).not.toHaveProperty('meeting');
    expect(createTaskBody.safeParse(body).success).toBe(true);
  });

  it('sends either the date or the working days, never both', () => {
    const byDate = toCreateTaskBody({ ...base, deadlineMode: 'date', deadlineWorkingDays: 10 }, other);
    expect(byDate).toMatchObject({ deadline: '2026-09-30', deadlineWorkingDays: undefined, relatedTaskId: other });
    const byDays = toCreateTaskBody({ ...base, deadlineWorkingDays: 10 }, null);
    expect(byDays).toMatchObject({ deadline: undefined, deadlineWorkingDays: 10 });
    expect(createTaskBody.safeParse(byDate).success).toBe(true);
    expect(createTaskBody.safeParse(byDays).success).toBe(true);
  });
});

describe('similarityText', () => {
  it('joins title and content and caps the length', () => {
    expect(similarityText(' 标题 ', undefined)).toBe('标题');
    expect(similarityText('标题', '内容')).toBe('标题 内容');
    expect(similarityText('x'.repeat(300), 'y'.repeat(300))).toHaveLength(500);
  });
});
