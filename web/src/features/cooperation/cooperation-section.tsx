/**
 * 配合单位与协调 on the item page. Per cooperating unit: its 配合任务 (duty and due date, set by the 督查室 or the lead
 * unit) and its 配合情况 (sent by the unit itself). Below, the 协调请求 with their status, 已开展的协调, the escalation
 * to the responsible leader and the 领导协调决定 — each button only for whoever the server says may use it.
 */
import { coordinationStatusLabels, type TaskStatus } from '@luoshi/contracts';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Divider, Flex, Tag, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../app/api/errors';
import { useAppLocale } from '../../app/i18n/i18n';
import type { TaskDetail } from '../tasks/tasks.api';
import { formatBeijingTime } from '../tasks/task-format';
import { taskCooperationQuery, type Cooperation, type Coordination } from './cooperation.api';
import { AttemptList } from './coordination-attempt-list';
import { lazyDialog } from '../../app/lazy-dialog';

/** Its dialogs load on first open (`lazyDialog`), not with the page. */
const ContributionModal = lazyDialog(() => import('./cooperation-unit-modals').then((m) => m.ContributionModal));
const DutyModal = lazyDialog(() => import('./cooperation-unit-modals').then((m) => m.DutyModal));
const DecideModal = lazyDialog(() => import('./coordination-modals').then((m) => m.DecideModal));
const EscalateModal = lazyDialog(() => import('./coordination-modals').then((m) => m.EscalateModal));
const RaiseModal = lazyDialog(() => import('./coordination-modals').then((m) => m.RaiseModal));

/** Statuses in which the lead unit's work is over: no more 配合情况 then (the server refuses it). */
const closedStatuses: readonly TaskStatus[] = ['completed', 'evaluated', 'archived', 'withdrawn', 'terminated'];

const coordinationColours: Record<Coordination['status'], string> = { open: 'processing', escalated: 'warning', resolved: 'success' };

function Field({ label, children, extra }: { label: string; children: ReactNode; extra?: ReactNode }) {
  return (
    <div>
      <Flex justify="space-between" align="center" gap={8} wrap>
        <Typography.Text type="secondary">{label}</Typography.Text>
        {extra}
      </Flex>
      {children}
    </div>
  );
}

function UnitCard({
  cooperation,
  canSetDuty,
  canContribute,
  onSetDuty,
  onContribute,
}: {
  cooperation: Cooperation;
  canSetDuty: boolean;
  canContribute: boolean;
  onSetDuty: () => void;
  onContribute: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Card size="small" type="inner" title={cooperation.unitName}>
      <Flex vertical gap={8}>
        <Field
          label={t('cooperation.duty')}
          extra={
            canSetDuty && (
              <Button size="small" onClick={onSetDuty}>
                {cooperation.duty ? t('cooperation.editDuty') : t('cooperation.setDuty')}
              </Button>
            )
          }
        >
          {cooperation.duty ? (
            <>
              <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{cooperation.duty}</Typography.Paragraph>
              {cooperation.dueDate && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('cooperation.dueDate')}
                  {t('tasks.labelSeparator')}
                  {cooperation.dueDate}
                </Typography.Text>
              )}
            </>
          ) : (
            <Typography.Text type="secondary">{t('cooperation.noDuty')}</Typography.Text>
          )}
        </Field>
        <Field
          label={t('cooperation.contribution')}
          extra={
            canContribute && (
              <Button size="small" type={cooperation.contribution ? 'default' : 'primary'} onClick={onContribute}>
                {cooperation.contribution ? t('cooperation.updateContribution') : t('cooperation.contribute')}
              </Button>
            )
          }
        >
          {cooperation.contribution ? (
            <>
              <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{cooperation.contribution}</Typography.Paragraph>
              {cooperation.contributedAt && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('cooperation.contributedAt')}
                  {t('tasks.labelSeparator')}
                  {formatBeijingTime(cooperation.contributedAt)}
                </Typography.Text>
              )}
            </>
          ) : (
            <Typography.Text type="secondary">{t('cooperation.noContribution')}</Typography.Text>
          )}
        </Field>
      </Flex>
    </Card>
  );
}

function CoordinationCard({ request, onEscalate, onDecide }: { request: Coordination; onEscalate: () => void; onDecide: () => void }) {
  const { t } = useTranslation();
  const locale = useAppLocale();
  const decisionLabel = request.escalatedAt ? t('cooperation.leaderDecision') : t('cooperation.result');
  return (
    <Card size="small" type="inner">
      <Flex vertical gap={8}>
        <Flex justify="space-between" align="start" gap={8} wrap>
          <Typography.Text strong>{request.subject}</Typography.Text>
          <Tag color={coordinationColours[request.status]} style={{ marginInlineEnd: 0 }}>
            {coordinationStatusLabels[request.status][locale]}
          </Tag>
        </Flex>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('cooperation.raisedBy', { unit: request.raisedByUnitName, time: formatBeijingTime(request.raisedAt) })}
        </Typography.Text>
        <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{request.detail}</Typography.Paragraph>
        <Field label={t('cooperation.attempts')}>
          <AttemptList attempts={request.attempts} />
        </Field>
        {request.escalatedAt && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('cooperation.escalatedAt', { time: formatBeijingTime(request.escalatedAt) })}
          </Typography.Text>
        )}
        {request.decision && (
          <Field label={decisionLabel}>
            <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{request.decision}</Typography.Paragraph>
            {request.decidedAt && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {formatBeijingTime(request.decidedAt)}
              </Typography.Text>
            )}
          </Field>
        )}
        {(request.canEscalate || request.canDecide) && (
          <Flex gap={8} wrap>
            {request.canEscalate && <Button onClick={onEscalate}>{t('cooperation.escalate')}</Button>}
            {request.canDecide && (
              <Button type="primary" onClick={onDecide}>
                {request.status === 'escalated' ? t('cooperation.decide') : t('cooperation.resolve')}
              </Button>
            )}
          </Flex>
        )}
      </Flex>
    </Card>
  );
}

type Dialog =
  { kind: 'duty' | 'contribution'; cooperation: Cooperation } | { kind: 'raise' } | { kind: 'escalate' | 'decide'; request: Coordination };

/** The section; hidden when the item has no cooperating units, no 协调请求, and the reader may raise none. */
export function CooperationSection({ item }: { item: TaskDetail }) {
  const { t } = useTranslation();
  const locale = useAppLocale();
  const section = useQuery(taskCooperationQuery(item.id));
  const [dialog, setDialog] = useState<(Dialog & { opening: number }) | null>(null);
  const open = (next: Dialog) => setDialog({ ...next, opening: Date.now() });
  const close = () => setDialog(null);
  const data = section.data;
  if (data && data.cooperations.length === 0 && data.coordination.length === 0 && !data.canRaise) return null;
  const contributionOpen = !closedStatuses.includes(item.status);

  return (
    <Card
      size="small"
      title={t('cooperation.title')}
      loading={section.isPending}
      extra={
        data?.canRaise && (
          <Button size="small" onClick={() => open({ kind: 'raise' })}>
            {t('cooperation.raise')}
          </Button>
        )
      }
    >
      {section.isError ? (
        <Alert
          type="error"
          showIcon
          title={errorText(section.error, locale)}
          action={<Button onClick={() => void section.refetch()}>{t('common.retry')}</Button>}
        />
      ) : (
        data && (
          <Flex vertical gap={12}>
            {data.cooperations.length === 0 ? (
              <Typography.Text type="secondary">{t('cooperation.noUnits')}</Typography.Text>
            ) : (
              data.cooperations.map((cooperation) => (
                <UnitCard
                  key={cooperation.unitId}
                  cooperation={cooperation}
                  canSetDuty={data.canSetDuties}
                  canContribute={cooperation.canContribute && contributionOpen}
                  onSetDuty={() => open({ kind: 'duty', cooperation })}
                  onContribute={() => open({ kind: 'contribution', cooperation })}
                />
              ))
            )}
            <Divider titlePlacement="start" style={{ margin: '4px 0' }}>
              {t('cooperation.coordination')}
            </Divider>
            {data.coordination.length === 0 ? (
              <Typography.Text type="secondary">{t('cooperation.noCoordination')}</Typography.Text>
            ) : (
              data.coordination.map((request) => (
                <CoordinationCard
                  key={request.id}
                  request={request}
                  onEscalate={() => open({ kind: 'escalate', request })}
                  onDecide={() => open({ kind: 'decide', request })}
                />
              ))
            )}
          </Flex>
        )
      )}
      {dialog?.kind === 'duty' && <DutyModal key={dialog.opening} taskId={item.id} cooperation={dialog.cooperation} onClose={close} />}
      {dialog?.kind === 'contribution' && (
        <ContributionModal key={dialog.opening} taskId={item.id} cooperation={dialog.cooperation} onClose={close} />
      )}
      {dialog?.kind === 'raise' && <RaiseModal key={dialog.opening} taskId={item.id} onClose={close} />}
      {dialog?.kind === 'escalate' && <EscalateModal key={dialog.opening} taskId={item.id} request={dialog.request} onClose={close} />}
      {dialog?.kind === 'decide' && <DecideModal key={dialog.opening} taskId={item.id} request={dialog.request} onClose={close} />}
    </Card>
  );
}
