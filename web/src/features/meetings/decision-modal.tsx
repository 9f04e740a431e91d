/** 记录决定事项: the clause, whether it needs action (its lead and cooperating units, deadline) and a 文件制发时限. */
import type { AgendaItem, MeetingDetail } from '@luoshi/contracts';
import { Checkbox, DatePicker, Form, Input, Modal, type FormProps } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../app/api/use-api-error';
import { UnitMultiPicker, UnitPicker } from '../org/unit-picker';
import { useMeetingWrites } from './meetings.api';

type Values = {
  text: string;
  needsAction: boolean;
  leadUnitId?: string;
  cooperatingUnitIds?: string[];
  deadline?: Dayjs | null;
  documentTitle?: string;
  documentDeadline?: Dayjs | null;
};

const day = (value: Dayjs | null | undefined) => (value ? value.format('YYYY-MM-DD') : undefined);

export function DecisionModal({ meeting, item, onClose }: { meeting: MeetingDetail; item: AgendaItem; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const onError = useApiErrorHandler();
  const { recordDecision } = useMeetingWrites(meeting.id);
  const submit: FormProps<Values>['onFinish'] = (values) => {
    const deadline = day(values.deadline);
    const documentDeadline = day(values.documentDeadline);
    recordDecision.mutate(
      {
        id: item.id,
        body: {
          text: values.text,
          needsAction: values.needsAction,
          ...(values.leadUnitId ? { leadUnitId: values.leadUnitId } : {}),
          cooperatingUnitIds: values.cooperatingUnitIds ?? [],
          ...(deadline ? { deadline } : {}),
          ...(values.documentTitle?.trim() ? { documentTitle: values.documentTitle.trim() } : {}),
          ...(documentDeadline ? { documentDeadline } : {}),
        },
      },
      { onSuccess: onClose, onError: (error) => onError(error, { form }) },
    );
  };
  return (
    <Modal
      open
      title={t('meetings.addDecision')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={recordDecision.isPending}
      width={640}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ needsAction: true, leadUnitId: item.submittingUnit.id }}
      >
        <Form.Item name="text" label={t('meetings.decisionText')} rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
        <Form.Item name="needsAction" valuePropName="checked">
          <Checkbox>{t('meetings.needsAction')}</Checkbox>
        </Form.Item>
        <Form.Item name="leadUnitId" label={t('meetings.leadUnit')}>
          <UnitPicker />
        </Form.Item>
        <Form.Item name="cooperatingUnitIds" label={t('meetings.cooperatingUnits')}>
          <UnitMultiPicker />
        </Form.Item>
        <Form.Item name="deadline" label={t('meetings.deadline')} extra={t('meetings.deadlineDefault')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="documentTitle" label={t('meetings.documentTitle')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="documentDeadline" label={t('meetings.documentDeadline')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
