/**
 * Dialogs for 协调请求: 提出协调请求 (with the coordination already tried), 报分管领导协调 (adds attempts; at least one
 * must be on record) and the decision — the responsible leader's 领导协调决定, or the 督查室 closing an open request.
 */
import { Alert, Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Coordination } from './cooperation.api';
import { AttemptList } from './coordination-attempt-list';
import { AttemptsField, toAttempts, type AttemptValues } from './coordination-attempts';
import { useSectionWrite } from './use-section-write';

type RaiseValues = { subject: string; detail: string; attempts?: AttemptValues[] };

/** 提出协调请求. */
export function RaiseModal({ taskId, onClose }: { taskId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<RaiseValues>();
  const { submit, isPending } = useSectionWrite(taskId, { form, done: t('cooperation.raised'), onClose });
  const send = (values: RaiseValues) =>
    submit({
      kind: 'raise',
      body: { subject: values.subject.trim(), detail: values.detail.trim(), attempts: toAttempts(values.attempts) },
    });
  return (
    <Modal
      open
      title={t('cooperation.raise')}
      okText={t('cooperation.raise')}
      cancelText={t('common.cancel')}
      confirmLoading={isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      width={640}
    >
      <Form<RaiseValues> form={form} layout="vertical" onFinish={send} initialValues={{ attempts: [] }}>
        <Form.Item<RaiseValues>
          name="subject"
          label={t('cooperation.subject')}
          rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('cooperation.subject') }) }]}
        >
          <Input maxLength={200} placeholder={t('cooperation.subjectPlaceholder')} />
        </Form.Item>
        <Form.Item<RaiseValues>
          name="detail"
          label={t('cooperation.detail')}
          rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('cooperation.detail') }) }]}
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={20_000} placeholder={t('cooperation.detailPlaceholder')} />
        </Form.Item>
        <AttemptsField label={t('cooperation.attempts')} extra={t('cooperation.attemptsHint')} />
      </Form>
    </Modal>
  );
}

type EscalateValues = { attempts?: AttemptValues[] };

/** 报分管领导协调: the attempts on record, and more to add; with none on record the first one is asked for. */
export function EscalateModal({ taskId, request, onClose }: { taskId: string; request: Coordination; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<EscalateValues>();
  const recorded = request.attempts.length;
  const { submit, isPending } = useSectionWrite(taskId, {
    form,
    done: t('cooperation.escalated'),
    onClose,
    codeFields: { COORDINATION_NOT_TRIED: 'attempts' },
  });
  return (
    <Modal
      open
      title={`${t('cooperation.escalate')} · ${request.subject}`}
      okText={t('cooperation.escalate')}
      cancelText={t('common.cancel')}
      confirmLoading={isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      width={640}
    >
      <Alert type="info" showIcon title={t('cooperation.escalateRule')} style={{ marginBottom: 16 }} />
      <Form<EscalateValues>
        form={form}
        layout="vertical"
        onFinish={(values) => submit({ kind: 'escalate', coordinationId: request.id, body: { attempts: toAttempts(values.attempts) } })}
        initialValues={{ attempts: [] }}
      >
        <Form.Item label={t('cooperation.attemptsRecorded')}>
          <AttemptList attempts={request.attempts} />
        </Form.Item>
        <AttemptsField
          minimum={recorded > 0 ? 0 : 1}
          label={recorded > 0 ? t('cooperation.attemptsMore') : t('cooperation.attempts')}
          extra={recorded > 0 ? undefined : t('cooperation.attemptsFirst')}
        />
      </Form>
    </Modal>
  );
}

type DecideValues = { decision: string };

/** 领导协调决定 (escalated request, responsible leader) or 协调结果 (open request closed by the 督查室). */
export function DecideModal({ taskId, request, onClose }: { taskId: string; request: Coordination; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<DecideValues>();
  const byLeader = request.status === 'escalated';
  const label = byLeader ? t('cooperation.leaderDecision') : t('cooperation.result');
  const { submit, isPending } = useSectionWrite(taskId, { form, done: t('cooperation.decided'), onClose });
  return (
    <Modal
      open
      title={`${byLeader ? t('cooperation.decide') : t('cooperation.resolve')} · ${request.subject}`}
      okText={byLeader ? t('cooperation.decide') : t('cooperation.resolve')}
      cancelText={t('common.cancel')}
      confirmLoading={isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      width={640}
    >
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{request.detail}</Typography.Paragraph>
      <Form<DecideValues>
        form={form}
        layout="vertical"
        onFinish={(values) => submit({ kind: 'decide', coordinationId: request.id, body: { decision: values.decision.trim() } })}
      >
        <Form.Item label={t('cooperation.attemptsRecorded')}>
          <AttemptList attempts={request.attempts} />
        </Form.Item>
        <Form.Item<DecideValues>
          name="decision"
          label={label}
          rules={[{ required: true, whitespace: true, message: t('common.required', { field: label }) }]}
        >
          <Input.TextArea autoSize={{ minRows: 4, maxRows: 12 }} maxLength={20_000} placeholder={t('cooperation.decisionPlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
