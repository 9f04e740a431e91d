/** Small displays shared by the list and the item page: status and urgency tags, and the 办结时限 text. */
import { urgencyLabels, type Task, type TaskStatus } from '@luoshi/contracts';
import { Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAppLocale } from '../../app/i18n/i18n';
import { isOverdue, statusLabel, taskStatusColours } from './task-format';

/** The status as a coloured tag. */
export function TaskStatusTag({ status }: { status: TaskStatus }) {
  const locale = useAppLocale();
  return (
    <Tag color={taskStatusColours[status]} style={{ marginInlineEnd: 0 }}>
      {statusLabel(status, locale)}
    </Tag>
  );
}

const urgencyColours = { normal: undefined, urgent: 'orange', very_urgent: 'red' } as const;

/** 紧急程度; 一般 stays plain so that 急件 and 特急 stand out. */
export function UrgencyTag({ urgency }: { urgency: Task['urgency'] }) {
  const locale = useAppLocale();
  return (
    <Tag color={urgencyColours[urgency]} variant={urgency === 'normal' ? 'outlined' : 'solid'} style={{ marginInlineEnd: 0 }}>
      {urgencyLabels[urgency][locale]}
    </Tag>
  );
}

/**
 * 办结时限: the date (red, with "逾期 N 个工作日" when an open item is late — the server's working-day count, the same
 * in every list and the export), or "交办后 N 个工作日" before 交办 fixes the date.
 */
export function TaskDeadline({ item }: { item: Pick<Task, 'deadline' | 'deadlineWorkingDays' | 'status' | 'overdueWorkingDays'> }) {
  const { t } = useTranslation();
  if (item.deadline) {
    return isOverdue(item) || typeof item.overdueWorkingDays === 'number' ? (
      <Typography.Text type="danger">
        {item.deadline}{' '}
        <Tag color="error">
          {typeof item.overdueWorkingDays === 'number'
            ? t('tasks.overdueWorkingDays', { days: item.overdueWorkingDays })
            : t('tasks.overdue')}
        </Tag>
      </Typography.Text>
    ) : (
      <>{item.deadline}</>
    );
  }
  if (item.deadlineWorkingDays !== null) {
    return <>{t('tasks.workingDaysAfterAssign', { count: item.deadlineWorkingDays })}</>;
  }
  return <>—</>;
}
