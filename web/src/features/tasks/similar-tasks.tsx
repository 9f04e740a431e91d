/**
 * 可能重复的督办事项: while the clerk types, open items that look alike are listed (debounced, from 4 characters),
 * each with a link and 关联此事项, which records the link instead of registering a blind duplicate.
 */
import { LinkOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDebouncedValue } from '../../app/hooks/use-debounced-value';
import { similarTasksQuery } from './tasks.api';
import { TaskStatusTag } from './task-tags';

/** The item a new one is linked to (kept whole, since it may drop out of the suggestions). */
export type RelatedTask = { id: string; serialNumber: string; title: string };

/** The panel; renders nothing until there is something to suggest. */
export function SimilarTasks({ text, relatedId, onLink }: { text: string; relatedId: string | null; onLink: (task: RelatedTask) => void }) {
  const { t } = useTranslation();
  const debounced = useDebouncedValue(text, 400);
  const similar = useQuery(similarTasksQuery(debounced));
  const items = debounced.length >= 4 ? (similar.data ?? []) : [];
  if (items.length === 0) {
    return null;
  }
  return (
    <Card size="small" title={t('tasks.similarTitle')} style={{ marginBottom: 16, borderColor: '#faad14' }}>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('tasks.similarHint')}
      </Typography.Paragraph>
      <Flex vertical gap={12}>
        {items.map((item) => (
          <div key={item.id}>
            <Flex gap={6} align="center" wrap>
              {/* A new tab, so the half-filled form stays as it is. */}
              <Link to={`/tasks/${item.id}`} target="_blank" rel="noopener">
                {item.serialNumber}
              </Link>
              <TaskStatusTag status={item.status} />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('tasks.similarity', { percent: Math.round(item.similarity * 100) })}
              </Typography.Text>
            </Flex>
            <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: '2px 0 4px' }}>
              {item.title}
            </Typography.Paragraph>
            <Button
              size="small"
              icon={<LinkOutlined />}
              disabled={relatedId === item.id}
              onClick={() => onLink({ id: item.id, serialNumber: item.serialNumber, title: item.title })}
            >
              {relatedId === item.id ? t('tasks.linkedTask') : t('tasks.linkTask')}
            </Button>
          </div>
        ))}
      </Flex>
    </Card>
  );
}
