/**
 * The fields of the new item a 批示 starts (拟办, for the 督查室 to complete and assign): its title, 牵头单位 and an
 * optional 办结时限 — shared by 批示 on an item (同时生成新的督办事项) and 作出批示 from 我的批示.
 */
import { DatePicker, Form, Input } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { UnitPicker } from '../org/unit-picker';
import { beijingToday } from '../tasks/task-format';

/** The form values these fields fill. */
export type NewItemValues = { title?: string; leadUnitId?: string; deadline?: Dayjs | null };

const isPast = (day: Dayjs) => day.format('YYYY-MM-DD') < beijingToday();

export function NewItemFields({ titleLabel }: { titleLabel: string }) {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item<NewItemValues>
        name="title"
        label={titleLabel}
        rules={[{ required: true, whitespace: true, message: t('common.required', { field: titleLabel }) }]}
      >
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item<NewItemValues>
        name="leadUnitId"
        label={t('tasks.leadUnit')}
        rules={[{ required: true, message: t('common.requiredSelect', { field: t('tasks.leadUnit') }) }]}
      >
        <UnitPicker />
      </Form.Item>
      <Form.Item<NewItemValues> name="deadline" label={t('tasks.deadline')} extra={t('instructions.deadlineHint')}>
        <DatePicker disabledDate={isPast} style={{ width: '100%', maxWidth: 240 }} />
      </Form.Item>
    </>
  );
}
