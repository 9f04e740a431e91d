/**
 * 我承办的 on the home page (REQUIREMENTS R3): the items whose 承办人 is the signed-in person — and, while a colleague
 * whose B角 they are is on leave or travelling, that colleague's items too, marked as such. It is the B角's way in:
 * the moment A is recorded absent, A's items are here, deadlines unchanged.
 */
import { taskRoutes, type Task } from '@luoshi/contracts';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Empty, Flex, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { call } from '../../app/api/client';
import { errorText } from '../../app/api/errors';
import { useAppLocale } from '../../app/i18n/i18n';
import { TaskDeadline, TaskStatusTag } from '../tasks/task-tags';

/**
 * `GET /api/tasks?mine=true`, keyed with the item lists (a transition refreshes them) and re-read whenever the home
 * page opens: an absence recorded elsewhere (by the unit's leader) changes it without any write of the reader's.
 */
const myItemsQuery = {
  queryKey: ['tasks', 'list', 'mine'],
  refetchOnMount: 'always' as const,
  queryFn: () => call(taskRoutes.list, { query: { mine: true, limit: 50 } }),
};

function MyItem({ item }: { item: Task }) {
  const { t } = useTranslation();
  const absence = item.handlerAbsence;
  return (
    <List.Item>
      <Flex vertical gap={4} style={{ width: '100%' }}>
        <Flex gap={8} align="center" wrap>
          <Link to={`/tasks/${item.id}`}>{item.serialNumber}</Link>
          <TaskStatusTag status={item.status} />
          {absence && (
            <Tag color="orange" style={{ whiteSpace: 'normal', marginInlineEnd: 0 }}>
              {t('home.standingIn', {
                handler: item.handlerName ?? '',
                reason: absence.reason,
                until: absence.until,
                backup: absence.backupName ?? '—',
              })}
            </Tag>
          )}
        </Flex>
        <Typography.Text>{item.title}</Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('tasks.deadline')}
          {t('tasks.labelSeparator')}
          <TaskDeadline item={item} />
        </Typography.Text>
      </Flex>
    </List.Item>
  );
}

/** The card. */
export function MyItemsCard() {
  const { t } = useTranslation();
  const locale = useAppLocale();
  const mine = useQuery(myItemsQuery);
  return (
    <Card title={t('home.myItems')} loading={mine.isPending}>
      {mine.isError ? (
        <Alert
          type="error"
          showIcon
          title={errorText(mine.error, locale)}
          action={<Button onClick={() => void mine.refetch()}>{t('common.retry')}</Button>}
        />
      ) : mine.data && mine.data.items.length > 0 ? (
        <List<Task> size="small" dataSource={mine.data.items} rowKey="id" renderItem={(item) => <MyItem item={item} />} />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('home.myItemsEmpty')} />
      )}
    </Card>
  );
}
