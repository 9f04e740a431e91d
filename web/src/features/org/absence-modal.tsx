/**
 * 登记请假/出差 for one person (A角/B角, REQUIREMENTS R3): from, until and why. From the first day on, the B角 of the
 * person's posts finds the person's items under 我承办的 and acts on them; the deadlines keep running.
 */
import type { Person } from '@luoshi/contracts';
import { Alert, App, AutoComplete, DatePicker, Form, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../app/api/use-api-error';
import { beijingToday } from '../tasks/task-format';
import { useSetAbsence } from './org.api';

type Values = { from: Dayjs; until: Dayjs; reason: string };

/** The usual reasons, offered while typing; any other short text is fine too. */
const commonReasons = ['请假', '出差', '休假', '培训', '病假'];

/** The modal for `person`; mount it per opening. */
export function AbsenceModal({ person, onClose }: { person: Person; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const setAbsence = useSetAbsence();
  const handleError = useApiErrorHandler();
  const from = Form.useWatch('from', form);

  const submit = (values: Values) => {
    const body = { from: values.from.format('YYYY-MM-DD'), until: values.until.format('YYYY-MM-DD'), reason: values.reason.trim() };
    setAbsence.mutate(
      { personId: person.id, body },
      {
        onSuccess: () => {
          void message.success(t('org.absence.marked', { name: person.name }));
          onClose();
        },
        onError: (error) => handleError(error, { form }),
      },
    );
  };

  return (
    <Modal
      open
      title={t('org.absence.markFor', { name: person.name })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={setAbsence.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Alert type="info" showIcon title={t('org.absence.hint')} style={{ marginBottom: 16 }} />
      <Form<Values> form={form} layout="vertical" onFinish={submit} initialValues={{ from: dayjs(beijingToday()) }}>
        <Form.Item<Values>
          name="from"
          label={t('org.absence.from')}
          rules={[{ required: true, message: t('common.requiredSelect', { field: t('org.absence.from') }) }]}
        >
          <DatePicker style={{ width: '100%', maxWidth: 240 }} />
        </Form.Item>
        <Form.Item<Values>
          name="until"
          label={t('org.absence.until')}
          dependencies={['from']}
          rules={[
            { required: true, message: t('common.requiredSelect', { field: t('org.absence.until') }) },
            ({ getFieldValue }) => ({
              validator: (_rule, value: Dayjs | null | undefined) => {
                const start = getFieldValue('from') as Dayjs | undefined;
                return value && start && value.isBefore(start, 'day')
                  ? Promise.reject(new Error(t('org.absence.untilBeforeFrom')))
                  : Promise.resolve();
              },
            }),
          ]}
        >
          <DatePicker style={{ width: '100%', maxWidth: 240 }} disabledDate={(day) => !!from && day.isBefore(from, 'day')} />
        </Form.Item>
        <Form.Item<Values>
          name="reason"
          label={t('org.absence.reason')}
          rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('org.absence.reason') }) }]}
        >
          <AutoComplete
            options={commonReasons.map((value) => ({ value }))}
            placeholder={t('org.absence.reasonPlaceholder')}
            maxLength={100}
            filterOption={(input, option) => !input || (option?.value ?? '').includes(input)}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
