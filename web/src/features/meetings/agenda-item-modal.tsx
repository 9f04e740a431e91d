/** 新增议题: its submitting unit and concerned units, and the responsible leader who must sign it off. */
import type { MeetingDetail } from '@luoshi/contracts';
import { useQuery } from '@tanstack/react-query';
import { Form, Input, Modal, Select, type FormProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../app/api/use-api-error';
import { personsQuery } from '../org/org.api';
import { UnitMultiPicker, UnitPicker } from '../org/unit-picker';
import { useMeetingWrites } from './meetings.api';

type Values = { title: string; summary?: string; submittingUnitId: string; concernedUnitIds?: string[]; responsibleLeaderId: string };

export function AgendaItemModal({ meeting, onClose }: { meeting: MeetingDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const onError = useApiErrorHandler();
  const { addAgendaItem } = useMeetingWrites(meeting.id);
  const leaders = useQuery(personsQuery({ unitId: meeting.governmentUnitId, isLeader: true }));
  const submit: FormProps<Values>['onFinish'] = (values) =>
    addAgendaItem.mutate(
      {
        title: values.title,
        ...(values.summary?.trim() ? { summary: values.summary } : {}),
        submittingUnitId: values.submittingUnitId,
        concernedUnitIds: values.concernedUnitIds ?? [],
        responsibleLeaderId: values.responsibleLeaderId,
      },
      { onSuccess: onClose, onError: (error) => onError(error, { form }) },
    );
  return (
    <Modal open title={t('meetings.addAgendaItem')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={addAgendaItem.isPending}>
      <Form<Values> form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="title" label={t('meetings.agendaTitle')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="summary" label={t('meetings.agendaSummary')}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item name="submittingUnitId" label={t('meetings.submittingUnit')} rules={[{ required: true }]}>
          <UnitPicker />
        </Form.Item>
        <Form.Item name="concernedUnitIds" label={t('meetings.concernedUnits')}>
          <UnitMultiPicker />
        </Form.Item>
        <Form.Item name="responsibleLeaderId" label={t('meetings.responsibleLeader')} rules={[{ required: true }]}>
          <Select
            loading={leaders.isPending}
            optionFilterProp="label"
            showSearch
            options={(leaders.data ?? [])
              .filter((p) => p.unitId === meeting.governmentUnitId && !p.isDisabled)
              .map((p) => ({ value: p.id, label: p.title ? `${p.name}（${p.title}）` : p.name }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
