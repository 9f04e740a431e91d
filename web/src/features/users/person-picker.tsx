/** 关联人员: links an account to a person of the organisation, chosen by name search. */
import type { Person } from '@luoshi/contracts';
import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDebouncedValue } from '../../app/hooks/use-debounced-value';
import { personsQuery } from '../org/org.api';

/** Controlled like an antd Form field; `onPick` also hands over the whole person (to prefill name and scope). */
export function PersonPicker({
  value,
  onChange,
  onPick,
  id,
}: {
  value?: string;
  onChange?: (value: string | undefined) => void;
  onPick?: (person: Person) => void;
  id?: string;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim());
  const results = useQuery({ ...personsQuery({ q }), enabled: q.length > 0 });
  const people = results.data ?? [];
  return (
    <Select<string>
      id={id}
      allowClear
      value={value}
      placeholder={t('users.personPlaceholder')}
      loading={results.isFetching}
      showSearch={{ onSearch: setSearch, filterOption: false }}
      options={people.map((person) => ({ value: person.id, label: `${person.name} · ${person.unitName}` }))}
      onChange={(next) => {
        onChange?.(next);
        const person = people.find((candidate) => candidate.id === next);
        if (person) onPick?.(person);
      }}
      style={{ width: '100%' }}
    />
  );
}
