/**
 * Unit choosers backed by the server's name search (`GET /api/units?q=`), for 数据范围 and 分管单位. Chosen units
 * that are not in the current search results are labelled from their detail records, so a saved value never shows
 * as a bare id.
 */
import type { Unit } from '@luoshi/contracts';
import { useQueries, useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDebouncedValue } from '../../app/hooks/use-debounced-value';
import { unitQuery, unitSearchQuery } from './org.api';

type Option = { value: string; label: string };

function unitLabel(unit: Unit): string {
  return unit.divisionName && !unit.name.startsWith(unit.divisionName) ? `${unit.name}（${unit.divisionName}）` : unit.name;
}

function useUnitOptions(search: string, selectedIds: readonly string[]) {
  const q = useDebouncedValue(search.trim());
  const results = useQuery(unitSearchQuery(q));
  const selected = useQueries({ queries: selectedIds.map((id) => unitQuery(id)) });
  const options = useMemo(() => {
    const byId = new Map<string, Option>();
    for (const query of selected) {
      if (query.data) {
        byId.set(query.data.id, { value: query.data.id, label: unitLabel(query.data) });
      }
    }
    for (const found of results.data ?? []) {
      byId.set(found.id, { value: found.id, label: unitLabel(found) });
    }
    return [...byId.values()];
  }, [results.data, selected]);
  return { options, isLoading: results.isFetching };
}

/**
 * Single unit; works as a controlled antd Form field (`value`/`onChange`). Outside a labelled form field (a filter
 * bar) give it `aria-label`, so a screen reader names the box.
 */
export function UnitPicker({
  value,
  onChange,
  id,
  'aria-label': ariaLabel,
}: {
  value?: string;
  onChange?: (value: string) => void;
  id?: string;
  'aria-label'?: string;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const { options, isLoading } = useUnitOptions(search, value ? [value] : []);
  return (
    <Select<string, Option>
      id={id}
      aria-label={ariaLabel}
      value={value}
      onChange={(next) => onChange?.(next)}
      options={options}
      loading={isLoading}
      placeholder={t('org.unitPickerPlaceholder')}
      showSearch={{ onSearch: setSearch, filterOption: false }}
      notFoundContent={search ? t('org.noResults') : null}
      style={{ width: '100%' }}
    />
  );
}

/** Several units (a leader's 分管单位); controlled like `UnitPicker`. */
export function UnitMultiPicker({ value, onChange, id }: { value?: string[]; onChange?: (value: string[]) => void; id?: string }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const { options, isLoading } = useUnitOptions(search, value ?? []);
  return (
    <Select<string[], Option>
      id={id}
      mode="multiple"
      value={value}
      onChange={(next) => onChange?.(next)}
      options={options}
      loading={isLoading}
      placeholder={t('org.unitPickerPlaceholder')}
      showSearch={{ onSearch: setSearch, filterOption: false }}
      notFoundContent={search ? t('org.noResults') : null}
      style={{ width: '100%' }}
    />
  );
}
