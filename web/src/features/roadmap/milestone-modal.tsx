/**
 * Add or change a 时间节点: title, 阶段目标, planned date (not after the 办结时限), planned percent, and the responsible
 * unit (the lead unit when left empty) and person. A refusal for the item's state closes the dialog (the list has
 * been re-read meanwhile); input errors land on their fields.
 */
import { App, Col, DatePicker, Form, Input, InputNumber, Modal, Row } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api/api-error';
import { useApiErrorHandler } from '../../app/api/use-api-error';
import { UnitPicker } from '../org/unit-picker';
import { HandlerSelect } from '../tasks/handler-select';
import type { TaskDetail } from '../tasks/tasks.api';
import { toMilestoneBody, type MilestoneFormValues } from './milestone-form';
import { useMilestoneWrite, type Milestone } from './roadmap.api';

const codeFields = { MILESTONE_AFTER_DEADLINE: 'plannedDate' } as const;

/** The dialog; `milestone` null adds a new one. Mount it fresh per opening. */
export function MilestoneModal({ task, milestone, onClose }: { task: TaskDetail; milestone: Milestone | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<MilestoneFormValues>();
  const write = useMilestoneWrite(task.id, task.version);
  const handleError = useApiErrorHandler();
  const inFlight = useRef(false);
  const unitId = Form.useWatch('responsibleUnitId', form) ?? milestone?.responsibleUnitId ?? task.leadUnitId;
  const label = milestone ? t('roadmap.edit') : t('roadmap.add');

  const send = (values: MilestoneFormValues) => {
    if (inFlight.current) return;
    inFlight.current = true;
    const body = toMilestoneBody(values);
    write.mutate(milestone ? { kind: 'change', id: milestone.id, body } : { kind: 'add', body }, {
      onSettled: () => {
        inFlight.current = false;
      },
      onSuccess: () => {
        void message.success(t('roadmap.saved'));
        onClose();
      },
      onError: (error) => {
        handleError(error, { form, codeFields });
        if (error instanceof ApiError && [403, 404, 409].includes(error.status)) onClose();
      },
    });
  };

  return (
    <Modal
      open
      title={`${label} · ${task.serialNumber}`}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={write.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<MilestoneFormValues>
        form={form}
        layout="vertical"
        onFinish={send}
        onValuesChange={(changed: Partial<MilestoneFormValues>) => {
          if ('responsibleUnitId' in changed) form.setFieldValue('responsiblePersonId', undefined);
        }}
        initialValues={{
          title: milestone?.title ?? '',
          goal: milestone?.goal ?? '',
          plannedDate: milestone ? dayjs(milestone.plannedDate) : null,
          plannedPercent: milestone?.plannedPercent ?? null,
          responsibleUnitId: milestone?.responsibleUnitId ?? undefined,
          responsiblePersonId: milestone?.responsiblePersonId ?? undefined,
        }}
      >
        <Form.Item
          name="title"
          label={t('roadmap.milestoneTitle')}
          rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('roadmap.milestoneTitle') }) }]}
        >
          <Input maxLength={200} placeholder={t('roadmap.milestoneTitlePlaceholder')} />
        </Form.Item>
        <Form.Item name="goal" label={t('roadmap.goal')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={20_000} placeholder={t('roadmap.goalPlaceholder')} />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item
              name="plannedDate"
              label={t('roadmap.plannedDate')}
              extra={task.deadline ? t('roadmap.plannedDateHint', { deadline: task.deadline }) : undefined}
              rules={[{ required: true, message: t('common.requiredSelect', { field: t('roadmap.plannedDate') }) }]}
            >
              <DatePicker
                style={{ width: '100%' }}
                disabledDate={(day: Dayjs) => task.deadline !== null && day.format('YYYY-MM-DD') > task.deadline}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="plannedPercent"
              label={t('roadmap.plannedPercent')}
              extra={t('roadmap.plannedPercentHint')}
              rules={[{ required: true, message: t('common.required', { field: t('roadmap.plannedPercent') }) }]}
            >
              <InputNumber min={0} max={100} precision={0} suffix="%" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="responsibleUnitId" label={t('roadmap.responsibleUnit')} extra={t('roadmap.responsibleUnitHint')}>
          <UnitPicker />
        </Form.Item>
        <Form.Item name="responsiblePersonId" label={t('roadmap.responsiblePerson')}>
          <HandlerSelect key={unitId} unitId={unitId} placeholder={t('roadmap.responsiblePersonPlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
