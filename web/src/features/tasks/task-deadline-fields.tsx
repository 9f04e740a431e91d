/** 办结时限: 指定日期 (no past dates, Beijing calendar) or 交办后 N 个工作日 (empty = the source's default). */
import { DatePicker, Form, InputNumber, Radio } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { beijingToday } from './task-format';
import { useSources } from '../source-policies/use-sources';
import type { TaskFormValues } from './task-form';

/** Form items inside the 登记 form. */
export function TaskDeadlineFields() {
  const { t } = useTranslation();
  const form = Form.useFormInstance<TaskFormValues>();
  const mode = Form.useWatch('deadlineMode', form);
  const source = Form.useWatch('source', form);
  const sourceDefault = useSources().find((s) => s.code === source)?.workingDays;
  const isPast = (day: Dayjs) => day.format('YYYY-MM-DD') < beijingToday();
  return (
    <>
      <Form.Item<TaskFormValues> name="deadlineMode" label={t('tasks.deadline')} style={{ marginBottom: 8 }}>
        {/* Plain radios, not buttons: they wrap on a phone when the labels are long (English). */}
        <Radio.Group
          options={[
            { value: 'workingDays', label: t('tasks.deadlineModes.workingDays') },
            { value: 'date', label: t('tasks.deadlineModes.date') },
          ]}
        />
      </Form.Item>
      {mode === 'date' ? (
        <Form.Item<TaskFormValues>
          name="deadline"
          rules={[
            { required: true, message: t('tasks.deadlineDateRequired') },
            {
              validator: (_rule, value: Dayjs | null | undefined) =>
                value && isPast(value) ? Promise.reject(new Error(t('tasks.deadlinePast'))) : Promise.resolve(),
            },
          ]}
        >
          <DatePicker disabledDate={isPast} style={{ width: '100%', maxWidth: 240 }} aria-label={t('tasks.deadlineModes.date')} />
        </Form.Item>
      ) : (
        <Form.Item<TaskFormValues> name="deadlineWorkingDays" extra={t('tasks.workingDaysDefault')}>
          <InputNumber<number>
            min={1}
            max={500}
            precision={0}
            suffix={t('tasks.workingDaysUnit')}
            placeholder={
              sourceDefault ? t('tasks.workingDaysPlaceholder', { count: sourceDefault }) : t('tasks.workingDaysPlaceholderGeneric')
            }
            aria-label={t('tasks.deadlineModes.workingDays')}
            style={{ width: '100%', maxWidth: 240 }}
          />
        </Form.Item>
      )}
    </>
  );
}
