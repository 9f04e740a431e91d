/**
 * 会议决定事项 of one 议题: each numbered clause with its units and deadlines, the live state and light of the
 * 督办事项 it became (linked to the item page), and — for the 督查室 — the one step that makes it supervised.
 * The clause the address names (/meetings/:id/decisions/:decisionId, the item page's 来源 link) is highlighted.
 */
import type { MeetingDecision, SupervisedItem } from '@luoshi/contracts';
import { Badge, Button, Flex, Popconfirm, Tooltip, Typography, theme } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApiErrorHandler } from '../../app/api/use-api-error';
import { TaskStatusTag } from '../tasks/task-tags';
import { ProgressTag } from './decision-summary';
import { useMeetingWrites } from './meetings.api';

const badge = { green: 'success', yellow: 'warning', red: 'error' } as const;

function ItemLink({ label, item }: { label: string; item: SupervisedItem }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  return (
    <Flex gap={6} align="center" wrap>
      <Typography.Text type="secondary">{label}</Typography.Text>
      <Link to={`/tasks/${item.taskId}`} style={{ color: token.colorPrimaryTextActive }}>
        {item.serialNumber}
      </Link>
      <TaskStatusTag status={item.status} />
      {item.light && (
        <Tooltip title={t(`ledger.warnings.${item.light}`)}>
          <Badge status={badge[item.light]} text={t(`ledger.warnings.${item.light}`)} />
        </Tooltip>
      )}
      {item.deadline && <Typography.Text type={item.isOverdue ? 'danger' : 'secondary'}>{item.deadline}</Typography.Text>}
    </Flex>
  );
}

function Clause({
  agendaPosition,
  decision,
  highlighted,
  canSupervise,
  meetingId,
}: {
  agendaPosition: number;
  decision: MeetingDecision;
  highlighted: boolean;
  canSupervise: boolean;
  meetingId: string;
}) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const onError = useApiErrorHandler();
  const { supervise } = useMeetingWrites(meetingId);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (highlighted) ref.current?.scrollIntoView({ block: 'center' });
  }, [highlighted]);
  const wantsItems = decision.needsAction || decision.documentDeadline !== null;
  return (
    <div
      ref={ref}
      id={`decision-${decision.id}`}
      data-testid="meeting-decision"
      style={{
        padding: token.paddingXS,
        borderRadius: token.borderRadius,
        background: highlighted ? token.colorWarningBg : token.colorBgContainer,
        border: `1px solid ${highlighted ? token.colorWarningBorder : token.colorBorderSecondary}`,
      }}
    >
      <Flex justify="space-between" gap={8} align="flex-start" wrap>
        <Typography.Text>
          <Typography.Text strong>
            {agendaPosition}.{decision.position}
          </Typography.Text>{' '}
          {decision.text}
        </Typography.Text>
        <ProgressTag progress={decision.progress} />
      </Flex>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {[
          decision.leadUnitName && `${t('meetings.leadUnit')}：${decision.leadUnitName}`,
          decision.cooperatingUnits.length > 0 &&
            `${t('meetings.cooperatingUnits')}：${decision.cooperatingUnits.map((u) => u.name).join('、')}`,
          decision.deadline && `${t('meetings.deadline')}：${decision.deadline}`,
          decision.documentDeadline &&
            `${t('meetings.documentDeadline')}：${decision.documentDeadline}${decision.documentTitle ? `（${decision.documentTitle}）` : ''}`,
        ]
          .filter(Boolean)
          .join('　')}
      </Typography.Text>
      {decision.item && <ItemLink label={t('meetings.item')} item={decision.item} />}
      {decision.documentItem && <ItemLink label={t('meetings.documentItem')} item={decision.documentItem} />}
      {canSupervise && wantsItems && !decision.item && !decision.documentItem && (
        <Popconfirm
          title={t('meetings.superviseConfirm')}
          onConfirm={() => supervise.mutate(decision.id, { onError: (error) => onError(error) })}
        >
          <Button size="small" type="primary" style={{ marginTop: 4 }}>
            {t('meetings.supervise')}
          </Button>
        </Popconfirm>
      )}
    </div>
  );
}

export function DecisionList(props: {
  meetingId: string;
  agendaPosition: number;
  decisions: readonly MeetingDecision[];
  highlightId: string | undefined;
  canSupervise: boolean;
}) {
  return (
    <Flex vertical gap={6}>
      {props.decisions.map((decision) => (
        <Clause
          key={decision.id}
          meetingId={props.meetingId}
          agendaPosition={props.agendaPosition}
          decision={decision}
          highlighted={decision.id === props.highlightId}
          canSupervise={props.canSupervise}
        />
      ))}
    </Flex>
  );
}
