/** Dialogs for one cooperating unit: 明确配合任务 (督查室 or lead unit) and 报送配合情况 (the cooperating unit). */
import { DatePicker, Form, Input, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Cooperation } from './cooperation.api';
import { useSectionWrite } from './use-section-write';

type DutyValues = { duty: string; dueDate?: Dayjs | null };

/** 配合任务 of `cooperation`: what the unit must do, and by when (optional). */
export function DutyModal({ taskId, cooperation, onClose }: { taskId: string; cooperation: Cooperation; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<DutyValues>();
  const { submit, isPending } = useSectionWrite(taskId, { form, done: t('cooperation.dutySaved'), onClose });
  const send = (values: DutyValues) =>
    submit({
      kind: 'duty',
      unitId: cooperation.unitId,
      body: { duty: values.duty.trim(), dueDate: values.dueDate ? values.dueDate.format('YYYY-MM-DD') : null },
    });
  return (
    <Modal
      open
      title={`${t('cooperation.setDuty')} · ${cooperation.unitName}`}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<DutyValues>
        form={form}
        layout="vertical"
        onFinish={send}
        initialValues={{ duty: cooperation.duty ?? '', dueDate: cooperation.dueDate ? dayjs(cooperation.dueDate) : null }}
      >
        <Form.Item<DutyValues>
          name="duty"
          label={t('cooperation.duty')}
          rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('cooperation.duty') }) }]}
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={500} showCount placeholder={t('cooperation.dutyPlaceholder')} />
        </Form.Item>
        <Form.Item<DutyValues> name="dueDate" label={t('cooperation.dueDate')} extra={t('cooperation.dueDateHint')}>
          <DatePicker style={{ width: '100%', maxWidth: 240 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

type ContributionValues = { contribution: string };

/** 报送配合情况: the cooperating unit tells the lead unit what it has done (a later report replaces the earlier one). */
export function ContributionModal({ taskId, cooperation, onClose }: { taskId: string; cooperation: Cooperation; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ContributionValues>();
  const { submit, isPending } = useSectionWrite(taskId, { form, done: t('cooperation.contributionSent'), onClose });
  return (
    <Modal
      open
      title={`${t('cooperation.contribute')} · ${cooperation.unitName}`}
      okText={t('cooperation.contribute')}
      cancelText={t('common.cancel')}
      confirmLoading={isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<ContributionValues>
        form={form}
        layout="vertical"
        onFinish={(values) =>
          submit({ kind: 'contribution', unitId: cooperation.unitId, body: { contribution: values.contribution.trim() } })
        }
        initialValues={{ contribution: cooperation.contribution ?? '' }}
      >
        {cooperation.duty && (
          <Form.Item label={t('cooperation.duty')}>
            <span style={{ whiteSpace: 'pre-wrap' }}>{cooperation.duty}</span>
          </Form.Item>
        )}
        <Form.Item<ContributionValues>
          name="contribution"
          label={t('cooperation.contribution')}
          extra={cooperation.contribution ? t('cooperation.contributionReplaces') : undefined}
          rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('cooperation.contribution') }) }]}
        >
          <Input.TextArea
            autoSize={{ minRows: 4, maxRows: 12 }}
            maxLength={20_000}
            placeholder={t('cooperation.contributionPlaceholder')}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
