/**
 * The ledger's filter bar: 来源, 状态, 牵头单位 (with its subtree), 责任领导, the deadline and registration periods,
 * top-level only, and the keyword. Controlled: every change goes up as a function of the current filter (see
 * useFilterInUrl), so quick successive changes all apply.
 */
import { CloseOutlined } from '@ant-design/icons';
import { taskStatusValues, type TaskSource, type TaskStatus } from '@luoshi/contracts';
import { Button, DatePicker, Flex, Input, Select, Switch, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { FilterChange } from '../../app/hooks/use-filter-in-url';
import { useAppLocale } from '../../app/i18n/i18n';
import { UnitPicker } from '../org/unit-picker';
import { LeaderSelect } from '../tasks/leader-select';
import { useSourceOptions } from '../source-policies/use-sources';
import { statusLabel } from '../tasks/task-format';
import type { LedgerFilterValue } from './ledger-filter';

type Period = { from?: string; to?: string };

function PeriodPicker({
  label,
  value,
  onChange,
  width,
}: {
  label: string;
  value: Period;
  onChange: (next: Period) => void;
  width: number | string;
}) {
  return (
    <DatePicker.RangePicker
      aria-label={label}
      placeholder={[label, label]}
      allowEmpty={[true, true]}
      value={[value.from ? dayjs(value.from) : null, value.to ? dayjs(value.to) : null]}
      onChange={(_dates, [from, to]) => onChange({ from: from || undefined, to: to || undefined })}
      style={{ width }}
    />
  );
}

/** The bar; `stacked` lays every filter full width, one under another (the phone's filter drawer). */
export function LedgerFilters({
  filter,
  onChange,
  stacked = false,
}: {
  filter: LedgerFilterValue;
  onChange: (change: FilterChange<LedgerFilterValue>) => void;
  stacked?: boolean;
}) {
  const { t } = useTranslation();
  const locale = useAppLocale();
  const sourceOptions = useSourceOptions({ includeInactive: true });
  const set = (patch: Partial<LedgerFilterValue>) => onChange((current) => ({ ...current, ...patch }));
  const width = (wide: number) => (stacked ? '100%' : wide);
  return (
    <Flex wrap gap={12} align={stacked ? 'stretch' : 'center'} vertical={stacked} style={{ marginBottom: 12 }}>
      <Select<TaskSource[]>
        mode="multiple"
        allowClear
        maxTagCount="responsive"
        value={filter.source ?? []}
        placeholder={t('ledger.allSources')}
        aria-label={t('tasks.source')}
        options={sourceOptions}
        onChange={(source) => set({ source: source.length ? source : undefined })}
        style={{ width: width(200) }}
      />
      <Select<TaskStatus[]>
        mode="multiple"
        allowClear
        maxTagCount="responsive"
        value={filter.status ?? []}
        placeholder={t('ledger.allStatuses')}
        aria-label={t('common.status')}
        options={taskStatusValues.map((status) => ({ value: status, label: statusLabel(status, locale) }))}
        onChange={(status) => set({ status: status.length ? status : undefined })}
        style={{ width: width(200) }}
      />
      <Flex align="center" gap={4} style={{ width: width(320) }}>
        <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
          {t('tasks.leadUnit')}
        </Typography.Text>
        <div style={{ flex: 1, minWidth: 0 }}>
          <UnitPicker value={filter.leadUnitId} onChange={(leadUnitId) => set({ leadUnitId })} aria-label={t('tasks.leadUnit')} />
        </div>
        {filter.leadUnitId && (
          <Tooltip title={t('ledger.clear')}>
            <Button
              size="small"
              type="text"
              icon={<CloseOutlined />}
              aria-label={t('ledger.clear')}
              onClick={() => set({ leadUnitId: undefined })}
            />
          </Tooltip>
        )}
      </Flex>
      <div style={{ width: width(200) }}>
        <LeaderSelect
          value={filter.responsibleLeaderId}
          onChange={(responsibleLeaderId) => set({ responsibleLeaderId })}
          aria-label={t('ledger.responsibleLeader')}
        />
      </div>
      <PeriodPicker
        label={t('ledger.deadlinePeriod')}
        value={{ from: filter.deadlineFrom, to: filter.deadlineTo }}
        onChange={({ from, to }) => set({ deadlineFrom: from, deadlineTo: to })}
        width={width(260)}
      />
      <PeriodPicker
        label={t('ledger.createdPeriod')}
        value={{ from: filter.createdFrom, to: filter.createdTo }}
        onChange={({ from, to }) => set({ createdFrom: from, createdTo: to })}
        width={width(260)}
      />
      <label style={{ display: 'inline-flex', alignItems: 'center', gap: 8 }}>
        <Switch checked={filter.topLevelOnly === 'true'} onChange={(on) => set({ topLevelOnly: on ? 'true' : undefined })} />
        <Typography.Text>{t('ledger.topLevelOnly')}</Typography.Text>
      </label>
      <Input.Search
        key={filter.q ?? ''}
        allowClear
        defaultValue={filter.q}
        placeholder={t('ledger.searchPlaceholder')}
        onSearch={(value) => set({ q: value.trim() || undefined })}
        style={stacked ? { width: '100%' } : { flex: '1 1 220px', maxWidth: 320 }}
      />
      <Button onClick={() => onChange((current) => ({ sort: current.sort, order: current.order }))}>{t('ledger.clear')}</Button>
    </Flex>
  );
}
