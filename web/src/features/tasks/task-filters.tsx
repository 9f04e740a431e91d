/** The filter bar of the list: 状态, keyword, and the 我的待办 switch. Wraps onto several lines on a phone. */
import { taskStatusValues, type TaskStatus } from '@luoshi/contracts';
import { Flex, Input, Select, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FilterChange } from '../../app/hooks/use-filter-in-url';
import { useAppLocale } from '../../app/i18n/i18n';
import type { TaskFilter } from './tasks.api';
import { statusLabel } from './task-format';

/** Controlled: every change goes up as a function of the current filter (see useFilterInUrl). */
export function TaskFilters({ filter, onChange }: { filter: TaskFilter; onChange: (change: FilterChange<TaskFilter>) => void }) {
  const { t } = useTranslation();
  const locale = useAppLocale();
  return (
    <Flex wrap gap={12} align="center" style={{ marginBottom: 16 }}>
      <label style={{ display: 'inline-flex', alignItems: 'center', gap: 8 }}>
        <Switch checked={filter.inbox} onChange={(inbox) => onChange((current) => ({ ...current, inbox }))} />
        <Typography.Text>{t('tasks.inbox')}</Typography.Text>
      </label>
      <Select<TaskStatus>
        allowClear
        value={filter.status}
        placeholder={t('tasks.allStatuses')}
        aria-label={t('common.status')}
        options={taskStatusValues.map((status) => ({ value: status, label: statusLabel(status, locale) }))}
        onChange={(status) => onChange((current) => ({ ...current, status }))}
        style={{ width: 150 }}
      />
      <Input.Search
        key={filter.q ?? ''}
        allowClear
        defaultValue={filter.q}
        placeholder={t('tasks.searchPlaceholder')}
        onSearch={(value) => onChange((current) => ({ ...current, q: value.trim() || undefined }))}
        style={{ flex: '1 1 220px', maxWidth: 360 }}
      />
    </Flex>
  );
}
