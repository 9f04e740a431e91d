/** 新增日期 / 编辑日期 of the working calendar (system_admin). The date is the key, so editing keeps it fixed. */
import { calendarDayKindSchema, type CalendarDay } from '@luoshi/contracts';
import { App, DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../app/api/use-api-error';
import { useSetCalendarDay } from './calendar.api';

type Values = { day: Dayjs; kind: CalendarDay['kind']; name: string };

/** The modal; `entry` null means a new date, defaulting into `year`. */
export function CalendarDayModal({
  entry,
  year,
  open,
  onClose,
}: {
  entry: CalendarDay | null;
  year: number;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSetCalendarDay();
  const handleError = useApiErrorHandler();
  return (
    <Modal
      open={open}
      title={entry ? t('calendar.editDay') : t('calendar.addDay')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={entry ? { day: dayjs(entry.day), kind: entry.kind, name: entry.name } : { kind: 'holiday' }}
        onFinish={(values) =>
          save.mutate(
            { day: values.day.format('YYYY-MM-DD'), kind: values.kind, name: values.name.trim() },
            {
              onSuccess: () => {
                void message.success(t('common.saved'));
                onClose();
              },
              onError: (error) => handleError(error, { form }),
            },
          )
        }
      >
        <Form.Item
          name="day"
          label={t('calendar.day')}
          rules={[{ required: true, message: t('common.requiredSelect', { field: t('calendar.day') }) }]}
        >
          <DatePicker
            disabled={entry !== null}
            defaultPickerValue={dayjs(`${year}-01-01`)}
            format="YYYY-MM-DD dddd"
            style={{ width: '100%' }}
          />
        </Form.Item>
        <Form.Item name="kind" label={t('calendar.kind')} rules={[{ required: true }]}>
          <Select options={calendarDayKindSchema.options.map((kind) => ({ value: kind, label: t(`calendar.kinds.${kind}`) }))} />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('calendar.name')}
          rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('calendar.name') }) }]}
        >
          <Input maxLength={40} placeholder={t('calendar.namePlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
