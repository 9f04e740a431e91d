/**
 * 延期申请 on the item page: every request (办结时限 → 新的办结时限, reason, 当前进展, status, each approval step with
 * approver and time), 申请延期 for the lead unit while it may still ask, and 批准 / 不批准 for whoever takes the
 * pending step. The item's 办结时限 and 原定办结时限 come from the item itself, so they change after an approval.
 */
import { extensionStatusLabels, type ExtensionRequest, type ExtensionStatus } from '@luoshi/contracts';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Tag, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../app/api/errors';
import { useAppLocale } from '../../app/i18n/i18n';
import type { TaskDetail } from '../tasks/tasks.api';
import { formatBeijingTime } from '../tasks/task-format';
import { TaskDeadline } from '../tasks/task-tags';
import { isPendingStep } from './extension-steps';
import { taskExtensionsQuery } from './extensions.api';
import { lazyDialog } from '../../app/lazy-dialog';

/** Its dialogs load on first open (`lazyDialog`), not with the page. */
const ExtensionDecisionModal = lazyDialog(() => import('./extension-decision-modal').then((m) => m.ExtensionDecisionModal));
const ExtensionRequestModal = lazyDialog(() => import('./extension-request-modal').then((m) => m.ExtensionRequestModal));

const statusColours: Record<ExtensionStatus, string> = {
  pending_unit_leader: 'processing',
  pending_supervisor: 'processing',
  pending_leader: 'processing',
  approved: 'success',
  rejected: 'error',
};

/** The status as a coloured tag. */
export function ExtensionStatusTag({ status }: { status: ExtensionStatus }) {
  const locale = useAppLocale();
  return (
    <Tag color={statusColours[status]} style={{ marginInlineEnd: 0 }}>
      {extensionStatusLabels[status][locale]}
    </Tag>
  );
}

function Labelled({ label, children }: { label: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
      <Typography.Text type="secondary">
        {label}
        {t('tasks.labelSeparator')}
      </Typography.Text>
      {children}
    </Typography.Paragraph>
  );
}

function Decisions({ request }: { request: ExtensionRequest }) {
  const { t } = useTranslation();
  if (request.decisions.length === 0) return null;
  return (
    <Flex vertical gap={4} style={{ borderInlineStart: '2px solid rgba(5,5,5,0.06)', paddingInlineStart: 8 }}>
      {request.decisions.map((decision) => (
        <div key={`${decision.step}-${decision.at}`}>
          <Flex gap={8} align="baseline" wrap>
            {isPendingStep(decision.step) && <Typography.Text type="secondary">{t(`extensions.steps.${decision.step}`)}</Typography.Text>}
            <Typography.Text>{decision.approverName}</Typography.Text>
            <Tag color={decision.approve ? 'success' : 'error'} style={{ marginInlineEnd: 0 }}>
              {decision.approve ? t('extensions.approve') : t('extensions.refuse')}
            </Tag>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatBeijingTime(decision.at)}
            </Typography.Text>
          </Flex>
          {decision.reason && <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{decision.reason}</Typography.Paragraph>}
        </div>
      ))}
    </Flex>
  );
}

function RequestCard({
  request,
  canDecide,
  onDecide,
}: {
  request: ExtensionRequest;
  canDecide: boolean;
  onDecide: (approve: boolean) => void;
}) {
  const { t } = useTranslation();
  return (
    <Card size="small" type="inner">
      <Flex vertical gap={6}>
        <Flex justify="space-between" align="center" gap={8} wrap>
          <Flex gap={8} align="center" wrap>
            <ExtensionStatusTag status={request.status} />
            {canDecide && <Tag color="orange">{t('extensions.awaitingYou')}</Tag>}
          </Flex>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('extensions.requestedAt')} {formatBeijingTime(request.requestedAt)}
          </Typography.Text>
        </Flex>
        <Flex gap={8} align="baseline" wrap>
          <span>
            <Typography.Text type="secondary">
              {t('extensions.currentDeadline')}
              {t('tasks.labelSeparator')}
            </Typography.Text>
            {request.currentDeadline}
          </span>
          <span aria-hidden>→</span>
          <span>
            <Typography.Text type="secondary">
              {t('extensions.newDeadline')}
              {t('tasks.labelSeparator')}
            </Typography.Text>
            <Typography.Text strong>{request.newDeadline}</Typography.Text>
          </span>
        </Flex>
        <Labelled label={t('extensions.reason')}>{request.reason}</Labelled>
        <Labelled label={t('extensions.progress')}>{request.progress}</Labelled>
        <Decisions request={request} />
        {canDecide && (
          <Flex gap={8} wrap>
            <Button type="primary" onClick={() => onDecide(true)}>
              {t('extensions.approve')}
            </Button>
            <Button danger onClick={() => onDecide(false)}>
              {t('extensions.refuse')}
            </Button>
          </Flex>
        )}
      </Flex>
    </Card>
  );
}

type Dialog = { kind: 'request' } | { kind: 'decide'; request: ExtensionRequest; approve: boolean };

/** The section; hidden when there is nothing to show and nothing the reader may do. */
export function ExtensionSection({ item }: { item: TaskDetail }) {
  const { t } = useTranslation();
  const locale = useAppLocale();
  const extensions = useQuery(taskExtensionsQuery(item.id));
  const [dialog, setDialog] = useState<(Dialog & { opening: number }) | null>(null);

  if (extensions.isSuccess && extensions.data.items.length === 0 && !extensions.data.canRequest) return null;
  const data = extensions.data;
  const moved = item.originalDeadline && item.originalDeadline !== item.deadline;

  return (
    <Card
      size="small"
      title={t('extensions.title')}
      loading={extensions.isPending}
      extra={
        data?.canRequest && (
          <Button type="primary" size="small" onClick={() => setDialog({ kind: 'request', opening: Date.now() })}>
            {t('extensions.request')}
          </Button>
        )
      }
    >
      {extensions.isError ? (
        <Alert
          type="error"
          showIcon
          title={errorText(extensions.error, locale)}
          action={<Button onClick={() => void extensions.refetch()}>{t('common.retry')}</Button>}
        />
      ) : (
        <Flex vertical gap={12}>
          <Flex gap={16} wrap>
            <span>
              <Typography.Text type="secondary">
                {t('extensions.deadlineNow')}
                {t('tasks.labelSeparator')}
              </Typography.Text>
              <TaskDeadline item={item} />
            </span>
            {moved && (
              <span>
                <Typography.Text type="secondary">
                  {t('extensions.originalDeadline')}
                  {t('tasks.labelSeparator')}
                </Typography.Text>
                {item.originalDeadline}
              </span>
            )}
          </Flex>
          {data?.canRequest && (
            <Typography.Text type="secondary">{t('extensions.rule', { deadline: item.deadline ?? '' })}</Typography.Text>
          )}
          {data && data.items.length === 0 && <Typography.Text type="secondary">{t('extensions.empty')}</Typography.Text>}
          {data?.items.map((request) => (
            <RequestCard
              key={request.id}
              request={request}
              canDecide={data.canDecideId === request.id}
              onDecide={(approve) => setDialog({ kind: 'decide', request, approve, opening: Date.now() })}
            />
          ))}
        </Flex>
      )}
      {dialog?.kind === 'request' && <ExtensionRequestModal key={dialog.opening} item={item} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'decide' && (
        <ExtensionDecisionModal
          key={dialog.opening}
          item={item}
          request={dialog.request}
          approve={dialog.approve}
          onClose={() => setDialog(null)}
        />
      )}
    </Card>
  );
}
