/** The list on phones: one compact card per item instead of a wide table. */
import type { Task } from '@luoshi/contracts';
import { Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSourceLabel } from '../source-policies/use-sources';
import { TaskDeadline, TaskStatusTag, UrgencyTag } from './task-tags';

/** One card per item; the whole card links to the item page. */
export function TaskCards({ items }: { items: readonly Task[] }) {
  const { t } = useTranslation();
  const sourceLabel = useSourceLabel();
  return (
    <Flex vertical gap={8}>
      {items.map((item) => (
        <Link key={item.id} to={`/tasks/${item.id}`} style={{ color: 'inherit' }}>
          <Card size="small" hoverable>
            <Flex justify="space-between" align="center" gap={8}>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {item.serialNumber}
              </Typography.Text>
              <Flex gap={4}>
                {item.urgency !== 'normal' && <UrgencyTag urgency={item.urgency} />}
                <TaskStatusTag status={item.status} />
              </Flex>
            </Flex>
            <Typography.Paragraph strong ellipsis={{ rows: 2 }} style={{ margin: '4px 0' }}>
              {item.title}
            </Typography.Paragraph>
            {item.parentSerialNumber && (
              <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                {t('ledger.subItemOf', { serial: item.parentSerialNumber })}
              </Typography.Text>
            )}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {sourceLabel(item.source)} · {item.leadUnitName}
            </Typography.Text>
            <div style={{ fontSize: 12 }}>
              <Typography.Text type="secondary">{t('tasks.deadline')} </Typography.Text>
              <TaskDeadline item={item} />
            </div>
          </Card>
        </Link>
      ))}
    </Flex>
  );
}
