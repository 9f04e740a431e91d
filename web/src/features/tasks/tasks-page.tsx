/**
 * /tasks 督办事项: the items the user may see, or only those waiting for them (我的待办), keyset-paged with
 * "加载更多". The filter lives in the URL, so returning from an item shows the same list. Phones get cards.
 */
import { PlusOutlined } from '@ant-design/icons';
import { PageContainer } from '../../app/page-container';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Alert, Button, Empty, Grid, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { errorText } from '../../app/api/errors';
import { useFilterInUrl } from '../../app/hooks/use-filter-in-url';
import { useAppLocale } from '../../app/i18n/i18n';
import { hasAnyRole, useCurrentUser } from '../../app/session';
import { tasksQuery } from './tasks.api';
import { TaskCards } from './task-cards';
import { TaskFilters } from './task-filters';
import { filterFromParams, paramsFromFilter } from './task-list-filter';
import { TaskTable } from './task-table';
import { useLiveRefresh } from '../../app/live';

/** The page. */
export function TasksPage() {
  const { t } = useTranslation();
  const locale = useAppLocale();
  const user = useCurrentUser();
  const isNarrow = Grid.useBreakpoint().md === false;
  const [filter, changeFilter] = useFilterInUrl((params) => filterFromParams(params, user), paramsFromFilter);
  // Another clerk's step, a report at a county or a roll-up shows here without reloading.
  useLiveRefresh(['tasks']);
  const tasks = useInfiniteQuery(tasksQuery(filter));
  const items = tasks.data?.pages.flatMap((page) => page.items) ?? [];
  const emptyText = filter.inbox ? t('tasks.emptyInbox') : t('tasks.empty');

  return (
    <PageContainer
      title={t('menu.tasks')}
      extra={
        hasAnyRole(user, 'supervisor') && (
          <Link to="/tasks/new">
            <Button type="primary" icon={<PlusOutlined />}>
              {t('tasks.create')}
            </Button>
          </Link>
        )
      }
    >
      <TaskFilters filter={filter} onChange={changeFilter} />
      {tasks.isError && <Alert type="error" showIcon title={errorText(tasks.error, locale)} style={{ marginBottom: 12 }} />}
      {isNarrow ? (
        <Spin spinning={tasks.isPending}>
          {items.length > 0 || tasks.isPending ? <TaskCards items={items} /> : <Empty description={emptyText} />}
        </Spin>
      ) : (
        <TaskTable items={items} loading={tasks.isPending} emptyText={emptyText} />
      )}
      <div style={{ textAlign: 'center', marginTop: 12 }}>
        {tasks.hasNextPage ? (
          <Button loading={tasks.isFetchingNextPage} onClick={() => void tasks.fetchNextPage()} block={isNarrow}>
            {t('common.loadMore')}
          </Button>
        ) : (
          items.length > 0 && <Typography.Text type="secondary">{t('common.noMore')}</Typography.Text>
        )}
        {items.length > 0 && (
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('tasks.loaded', { count: items.length })}
            </Typography.Text>
          </div>
        )}
      </div>
    </PageContainer>
  );
}
