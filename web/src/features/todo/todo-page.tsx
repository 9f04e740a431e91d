/**
 * /todo 待办/已办 (issue 13 item 2): 待办 lists the 工作台's groups across all items, most urgent first, with batch
 * 签收 (待签收) and batch 催办 (红黄灯, for the 督查室); 已办 lists the items the reader acted on. A batch takes each
 * item through the lifecycle on its own: the result says how many went through and names each refused item and why.
 */
import type { BatchResult, DeskGroup, DoneEntry } from '@luoshi/contracts';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Checkbox, Empty, Flex, List, Spin, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { errorText } from '../../app/api/errors';
import { useApiErrorHandler } from '../../app/api/use-api-error';
import { useAppLocale } from '../../app/i18n/i18n';
import { useLiveRefresh } from '../../app/live';
import { PageContainer } from '../../app/page-container';
import { hasAnyRole, useCurrentUser } from '../../app/session';
import { DeskItem } from '../home/desk-group-card';
import { orderDeskGroups } from '../home/desk-order';
import { eventTypeLabel, formatBeijingTime } from '../tasks/task-format';
import { TaskStatusTag } from '../tasks/task-tags';
import { UrgeModal } from './urge-modal';
import { doneQuery, todoQuery, useBatch } from './todo.api';

type Batchable = 'accept' | 'urge';

/** Which batch step a group offers the reader, if any. */
function batchOf(group: DeskGroup, isSupervisor: boolean): Batchable | null {
  if (group.kind === 'sign_for') return 'accept';
  if (group.kind === 'warning' && isSupervisor) return 'urge';
  return null;
}

function BatchOutcome({ result, titles, onClose }: { result: BatchResult; titles: Map<string, string>; onClose: () => void }) {
  const { t } = useTranslation();
  const locale = useAppLocale();
  const ok = result.succeeded.length;
  if (result.refused.length === 0) {
    return <Alert type="success" showIcon closable onClose={onClose} title={t('todo.batchAllOk', { ok })} style={{ marginBottom: 12 }} />;
  }
  return (
    <Alert
      type="warning"
      showIcon
      closable
      onClose={onClose}
      style={{ marginBottom: 12 }}
      title={t('todo.batchResult', { ok, refused: result.refused.length })}
      description={
        <>
          <Typography.Text>{t('todo.refusedTitle')}</Typography.Text>
          <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
            {result.refused.map((r) => (
              <li key={r.taskId}>
                <Link to={`/tasks/${r.taskId}`}>{titles.get(r.taskId) ?? t('todo.unknownItem')}</Link>
                {t('tasks.labelSeparator')}
                {r.messages[locale]}
              </li>
            ))}
          </ul>
        </>
      }
    />
  );
}

function TodoGroup({ group, batch, onDone }: { group: DeskGroup; batch: Batchable | null; onDone: (r: BatchResult) => void }) {
  const { t } = useTranslation();
  const [selected, setSelected] = useState<string[]>([]);
  const [urging, setUrging] = useState(false);
  const run = useBatch();
  const handleError = useApiErrorHandler();
  const ids = [...new Set(group.entries.map((e) => e.taskId))];
  const toggle = (id: string, on: boolean) => setSelected((now) => (on ? [...now, id] : now.filter((x) => x !== id)));
  const submit = (extra: { reason?: string; channel?: 'system' | 'phone' | 'document' | 'on_site' } = {}) =>
    run.mutate(
      { action: batch ?? 'accept', taskIds: selected, ...extra },
      {
        onSuccess: (result) => {
          setSelected([]);
          setUrging(false);
          onDone(result);
        },
        onError: (error) => handleError(error),
      },
    );
  const title = t(`home.desk.kinds.${group.kind}`);
  return (
    <Card
      size="small"
      title={`${title}（${group.total}）`}
      extra={
        batch && (
          <Flex gap={8} align="center" wrap>
            <Checkbox
              checked={selected.length > 0 && selected.length === ids.length}
              indeterminate={selected.length > 0 && selected.length < ids.length}
              onChange={(e) => setSelected(e.target.checked ? ids : [])}
            >
              {t('todo.selectAll')}
            </Checkbox>
            <Button
              type="primary"
              size="small"
              disabled={selected.length === 0}
              loading={run.isPending}
              onClick={() => (batch === 'urge' ? setUrging(true) : submit())}
            >
              {t(batch === 'urge' ? 'todo.batchUrge' : 'todo.batchAccept')}
              {selected.length > 0 && ` (${selected.length})`}
            </Button>
          </Flex>
        )
      }
    >
      <List
        size="small"
        dataSource={group.entries}
        rowKey="key"
        renderItem={(entry) => (
          <DeskItem
            group={group}
            entry={entry}
            prefix={
              batch ? (
                <Checkbox
                  style={{ marginInlineEnd: 8, alignSelf: 'flex-start' }}
                  aria-label={`${entry.serialNumber} ${entry.title}`}
                  checked={selected.includes(entry.taskId)}
                  onChange={(e) => toggle(entry.taskId, e.target.checked)}
                />
              ) : undefined
            }
          />
        )}
      />
      {urging && <UrgeModal count={selected.length} pending={run.isPending} onCancel={() => setUrging(false)} onSubmit={submit} />}
    </Card>
  );
}

function TodoTab() {
  const { t } = useTranslation();
  const locale = useAppLocale();
  const user = useCurrentUser();
  const todo = useQuery(todoQuery());
  const [outcome, setOutcome] = useState<{ result: BatchResult; titles: Map<string, string> } | null>(null);
  useLiveRefresh(['tasks', 'todo']);
  if (todo.isError) {
    return (
      <Alert
        type="error"
        showIcon
        title={errorText(todo.error, locale)}
        action={<Button onClick={() => void todo.refetch()}>{t('common.retry')}</Button>}
      />
    );
  }
  if (!todo.data) return <Spin />;
  const groups = orderDeskGroups(todo.data.groups);
  const titles = new Map(groups.flatMap((g) => g.entries.map((e) => [e.taskId, `${e.serialNumber} ${e.title}`] as const)));
  const isSupervisor = hasAnyRole(user, 'supervisor');
  return (
    <>
      {outcome && <BatchOutcome result={outcome.result} titles={outcome.titles} onClose={() => setOutcome(null)} />}
      {groups.length === 0 ? (
        <Empty description={t('todo.todoEmpty')} />
      ) : (
        <Flex vertical gap={16}>
          {groups.map((group) => (
            <TodoGroup
              key={group.kind}
              group={group}
              batch={batchOf(group, isSupervisor)}
              onDone={(result) => setOutcome({ result, titles })}
            />
          ))}
        </Flex>
      )}
    </>
  );
}

function DoneRow({ item }: { item: DoneEntry }) {
  const locale = useAppLocale();
  return (
    <List.Item>
      <Flex vertical gap={4} style={{ width: '100%', minWidth: 0 }}>
        <Flex gap={6} align="center" wrap>
          <Link to={`/tasks/${item.taskId}`}>{item.serialNumber}</Link>
          <TaskStatusTag status={item.status} />
          <Tag>{eventTypeLabel(item.step, locale)}</Tag>
        </Flex>
        <Link to={`/tasks/${item.taskId}`} style={{ overflowWrap: 'anywhere' }}>
          {item.title}
        </Link>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {item.leadUnitName} · {formatBeijingTime(item.at)}
        </Typography.Text>
      </Flex>
    </List.Item>
  );
}

function DoneTab() {
  const { t } = useTranslation();
  const locale = useAppLocale();
  const done = useQuery(doneQuery());
  if (done.isError) return <Alert type="error" showIcon title={errorText(done.error, locale)} />;
  return (
    <Card size="small" title={t('todo.doneIntro')}>
      <List<DoneEntry>
        size="small"
        loading={done.isPending}
        dataSource={done.data?.items ?? []}
        rowKey="taskId"
        locale={{ emptyText: t('todo.doneEmpty') }}
        renderItem={(item) => <DoneRow item={item} />}
      />
    </Card>
  );
}

/** The page. */
export function TodoPage() {
  const { t } = useTranslation();
  return (
    <PageContainer title={t('todo.title')} content={<Typography.Text type="secondary">{t('todo.intro')}</Typography.Text>}>
      <Tabs
        destroyOnHidden
        items={[
          { key: 'todo', label: t('todo.tabs.todo'), children: <TodoTab /> },
          { key: 'done', label: t('todo.tabs.done'), children: <DoneTab /> },
        ]}
      />
    </PageContainer>
  );
}
