/** 新增专家 and 抽取专家 dialogs of the 专家库 page. */
import type { ExpertDraw } from '@luoshi/contracts';
import { Form, Input, InputNumber, Modal, Select, type FormProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../app/api/use-api-error';
import { useCurrentUser } from '../../app/session';
import { UnitMultiPicker, UnitPicker } from '../org/unit-picker';
import { useExpertWrites } from './experts.api';

type ExpertValues = {
  name: string;
  fields: string[];
  title?: string;
  affiliation: string;
  affiliationUnitId?: string;
  phone?: string;
  conflictUnitIds?: string[];
  conflictNote?: string;
};

export function ExpertModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [form] = Form.useForm<ExpertValues>();
  const onError = useApiErrorHandler();
  const { create } = useExpertWrites();
  const submit: FormProps<ExpertValues>['onFinish'] = (v) =>
    create.mutate(
      {
        ownerUnitId: user.scopeUnitId,
        name: v.name,
        fields: v.fields,
        affiliation: v.affiliation,
        conflictUnitIds: v.conflictUnitIds ?? [],
        ...(v.title?.trim() ? { title: v.title } : {}),
        ...(v.affiliationUnitId ? { affiliationUnitId: v.affiliationUnitId } : {}),
        ...(v.phone?.trim() ? { phone: v.phone.trim() } : {}),
        ...(v.conflictNote?.trim() ? { conflictNote: v.conflictNote } : {}),
      },
      { onSuccess: onClose, onError: (error) => onError(error, { form }) },
    );
  return (
    <Modal open title={t('meetings.experts.add')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={create.isPending}>
      <Form<ExpertValues> form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="name" label={t('meetings.experts.name')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="fields" label={t('meetings.experts.fields')} extra={t('meetings.experts.fieldsHint')} rules={[{ required: true }]}>
          <Select mode="tags" open={false} />
        </Form.Item>
        <Form.Item name="title" label={t('meetings.experts.jobTitle')}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="affiliation" label={t('meetings.experts.affiliation')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="affiliationUnitId" label={t('meetings.experts.affiliationUnit')}>
          <UnitPicker />
        </Form.Item>
        <Form.Item name="phone" label={t('meetings.experts.phone')} rules={[{ pattern: /^[0-9+\- ]{5,20}$/ }]}>
          <Input maxLength={20} />
        </Form.Item>
        <Form.Item name="conflictUnitIds" label={t('meetings.experts.conflicts')}>
          <UnitMultiPicker />
        </Form.Item>
        <Form.Item name="conflictNote" label={t('meetings.experts.conflictNote')}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

type DrawValues = { purpose: string; field: string; count: number; proposerUnitId: string; maxDrawsPerYear: number };

export function DrawModal({ fields, onClose, onDrawn }: { fields: string[]; onClose: () => void; onDrawn: (draw: ExpertDraw) => void }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [form] = Form.useForm<DrawValues>();
  const onError = useApiErrorHandler();
  const { draw } = useExpertWrites();
  const submit: FormProps<DrawValues>['onFinish'] = (v) =>
    draw.mutate(
      { ownerUnitId: user.scopeUnitId, ...v },
      {
        onSuccess: (result) => {
          onDrawn(result);
          onClose();
        },
        onError: (error) => onError(error, { form }),
      },
    );
  return (
    <Modal open title={t('meetings.experts.draw')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={draw.isPending}>
      <Form<DrawValues> form={form} layout="vertical" onFinish={submit} initialValues={{ count: 3, maxDrawsPerYear: 5 }}>
        <Form.Item name="purpose" label={t('meetings.experts.purpose')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="field" label={t('meetings.experts.field')} rules={[{ required: true }]}>
          <Select options={fields.map((f) => ({ value: f, label: f }))} />
        </Form.Item>
        <Form.Item name="count" label={t('meetings.experts.count')} rules={[{ required: true }]}>
          <InputNumber min={1} max={50} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="proposerUnitId" label={t('meetings.experts.proposer')} rules={[{ required: true }]}>
          <UnitPicker />
        </Form.Item>
        <Form.Item name="maxDrawsPerYear" label={t('meetings.experts.maxDraws')} rules={[{ required: true }]}>
          <InputNumber min={1} max={100} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
