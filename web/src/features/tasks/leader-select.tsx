/** 分管领导: chooses among the leaders in the user's scope (`GET /api/persons?isLeader=true`). */
import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { personsQuery } from '../org/org.api';

/** Controlled like an antd Form field; clearing sends no leader. */
export function LeaderSelect({
  value,
  onChange,
  id,
  'aria-label': ariaLabel,
}: {
  value?: string | null;
  onChange?: (value: string | undefined) => void;
  id?: string;
  /** Where no form label names the box (the ledger's filter bar). */
  'aria-label'?: string;
}) {
  const { t } = useTranslation();
  const leaders = useQuery({ ...personsQuery({ isLeader: true }), staleTime: 300_000 });
  return (
    <Select<string>
      id={id}
      aria-label={ariaLabel}
      allowClear
      value={value ?? undefined}
      onChange={(next) => onChange?.(next)}
      loading={leaders.isPending}
      placeholder={t('tasks.leaderPlaceholder')}
      showSearch={{ optionFilterProp: 'label' }}
      options={(leaders.data ?? [])
        .filter((person) => !person.isDisabled)
        .map((person) => ({ value: person.id, label: person.title ? `${person.name}（${person.title}）` : person.name }))}
      style={{ width: '100%' }}
    />
  );
}
