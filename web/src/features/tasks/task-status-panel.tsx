/**
 * What the item page says at once, under the title: the light with its explanation, the progress bar, the 签收时限
 * while the item waits to be signed for, and — as a banner everyone sees — a 暂停/中止/撤销 request waiting for the
 * responsible leader.
 */
import { pendingChangeLabels, type TaskStatus } from '@luoshi/contracts';
import { Alert, Flex, Progress, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAppLocale } from '../../app/i18n/i18n';
import type { TaskDetail } from './tasks.api';
import { beijingToday, carriesLight } from './task-format';
import { WarningExplained } from './task-warning';

/** Before 交办 nobody reports progress yet, so the line does not ask for it. */
const notYetAssigned: readonly TaskStatus[] = ['draft', 'pending_approval'];

/** The labelled facts line: light, progress, 签收时限. */
export function TaskStatusLine({ item }: { item: TaskDetail }) {
  const { t } = useTranslation();
  const signForLate = item.signForDue !== null && item.signForDue < beijingToday();
  return (
    <Flex gap="8px 24px" wrap align="center">
      {carriesLight(item.status) && <WarningExplained warning={item.warning} overdueWorkingDays={item.overdueWorkingDays} />}
      {(item.progressPercent !== null || !notYetAssigned.includes(item.status)) && (
        <Flex gap={8} align="center">
          <Typography.Text type="secondary">{t('warnings.progress')}</Typography.Text>
          {item.progressPercent === null ? (
            <Typography.Text type="secondary">{t('warnings.noProgress')}</Typography.Text>
          ) : (
            <Progress
              percent={item.progressPercent}
              size="small"
              status={item.progressPercent >= 100 ? 'success' : 'normal'}
              style={{ width: 180, margin: 0 }}
            />
          )}
        </Flex>
      )}
      {item.status === 'assigned' && item.signForDue && (
        <span>
          <Typography.Text type="secondary">
            {t('warnings.signForDue')}
            {t('tasks.labelSeparator')}
          </Typography.Text>
          <Typography.Text type={signForLate ? 'danger' : undefined} strong={signForLate}>
            {item.signForDue}
          </Typography.Text>
        </span>
      )}
    </Flex>
  );
}

/** The banner of a pending 暂停/中止/撤销; the leader who decides is told it is theirs. */
export function PendingChangeBanner({ item }: { item: TaskDetail }) {
  const { t } = useTranslation();
  const locale = useAppLocale();
  if (!item.pendingChange) return null;
  const change = pendingChangeLabels[item.pendingChange][locale];
  const yours = item.allowedActions.includes('approve_change');
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      title={t('warnings.pendingChange', { change })}
      description={yours ? t('warnings.pendingChangeYours', { change }) : t('warnings.pendingChangeHint')}
    />
  );
}
