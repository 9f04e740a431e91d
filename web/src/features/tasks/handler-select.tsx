/** 承办人: a person of the lead unit or its sub-units (`GET /api/persons?unitId=&includeSubunits=true`). */
import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { personsQuery } from '../org/org.api';

/** Controlled like an antd Form field. */
export function HandlerSelect({
  unitId,
  value,
  onChange,
  id,
}: {
  unitId: string;
  value?: string;
  onChange?: (value: string) => void;
  id?: string;
}) {
  const { t } = useTranslation();
  const people = useQuery(personsQuery({ unitId, includeSubunits: true }));
  return (
    <Select<string>
      id={id}
      value={value}
      onChange={(next) => onChange?.(next)}
      loading={people.isPending}
      placeholder={t('tasks.handlerPlaceholder')}
      showSearch={{ optionFilterProp: 'label' }}
      options={(people.data ?? [])
        .filter((person) => !person.isDisabled)
        .map((person) => ({ value: person.id, label: `${person.name} · ${person.unitName}` }))}
      style={{ width: '100%' }}
    />
  );
}
