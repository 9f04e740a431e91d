/**
 * 领导批示 on the item page: each 批示 (leader, time, text) and, when it spawned a new item, a link to that item with
 * its 督办编号 and live status. Government leaders get the 批示 button.
 */
import type { Instruction } from '@luoshi/contracts';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { errorText } from '../../app/api/errors';
import { useAppLocale } from '../../app/i18n/i18n';
import { hasAnyRole, useCurrentUser } from '../../app/session';
import type { TaskDetail } from '../tasks/tasks.api';
import { formatBeijingTime } from '../tasks/task-format';
import { TaskStatusTag } from '../tasks/task-tags';
import { taskInstructionsQuery } from './instructions.api';
import { lazyDialog } from '../../app/lazy-dialog';

/** Its dialogs load on first open (`lazyDialog`), not with the page. */
const InstructionModal = lazyDialog(() => import('./instruction-modal').then((m) => m.InstructionModal));

/** The item a 批示 spawned: its 督办编号 as a link and its status; nothing for a plain requirement. */
export function SpawnedItem({ instruction }: { instruction: Pick<Instruction, 'childTaskId' | 'childSerialNumber' | 'childStatus'> }) {
  if (!instruction.childTaskId) return null;
  return (
    <Flex gap={6} align="center" wrap>
      <Link to={`/tasks/${instruction.childTaskId}`}>{instruction.childSerialNumber ?? instruction.childTaskId}</Link>
      {instruction.childStatus && <TaskStatusTag status={instruction.childStatus} />}
    </Flex>
  );
}

function InstructionEntry({ instruction }: { instruction: Instruction }) {
  const { t } = useTranslation();
  return (
    <Card size="small" type="inner">
      <Flex vertical gap={4}>
        <Flex gap={8} align="baseline" wrap>
          <Typography.Text strong>{instruction.leaderName}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {formatBeijingTime(instruction.createdAt)}
          </Typography.Text>
        </Flex>
        <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{instruction.text}</Typography.Paragraph>
        {instruction.childTaskId && (
          <Flex gap={6} align="center" wrap>
            <Typography.Text type="secondary">
              {t('instructions.child')}
              {t('tasks.labelSeparator')}
            </Typography.Text>
            <SpawnedItem instruction={instruction} />
          </Flex>
        )}
      </Flex>
    </Card>
  );
}

/** The section; hidden for readers who may not instruct while there is no 批示 yet. */
export function InstructionSection({ item }: { item: TaskDetail }) {
  const { t } = useTranslation();
  const locale = useAppLocale();
  const user = useCurrentUser();
  const canInstruct = hasAnyRole(user, 'government_leader');
  const instructions = useQuery(taskInstructionsQuery(item.id));
  const [opening, setOpening] = useState<number | null>(null);
  if (instructions.isSuccess && instructions.data.length === 0 && !canInstruct) return null;

  return (
    <Card
      size="small"
      title={t('instructions.title')}
      loading={instructions.isPending}
      extra={
        canInstruct && (
          <Button type="primary" size="small" onClick={() => setOpening(Date.now())}>
            {t('instructions.give')}
          </Button>
        )
      }
    >
      {instructions.isError ? (
        <Alert
          type="error"
          showIcon
          title={errorText(instructions.error, locale)}
          action={<Button onClick={() => void instructions.refetch()}>{t('common.retry')}</Button>}
        />
      ) : instructions.data?.length === 0 ? (
        <Typography.Text type="secondary">{t('instructions.empty')}</Typography.Text>
      ) : (
        <Flex vertical gap={8}>
          {instructions.data?.map((instruction) => (
            <InstructionEntry key={instruction.id} instruction={instruction} />
          ))}
        </Flex>
      )}
      {opening !== null && <InstructionModal key={opening} item={item} onClose={() => setOpening(null)} />}
    </Card>
  );
}
