/** 承办人 (or a milestone's 责任人): a person of the lead unit or its sub-units (`GET /api/persons?unitId=&includeSubunits=true`). */
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
  placeholder,
}: {
  unitId: string;
  value?: string;
  onChange?: (value: string) => void;
  id?: string;
  /** Defaults to "选择牵头单位的人员". */
  placeholder?: string;
}) {
  const { t } = useTranslation();
  const people = useQuery(personsQuery({ unitId, includeSubunits: true }));
  return (
    <Select<string>
      id={id}
      value={value}
      onChange={(next) => onChange?.(next)}
      loading={people.isPending}
      placeholder={placeholder ?? t('tasks.handlerPlaceholder')}
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      options={(people.data ?? [])
        .filter((person) => !person.isDisabled)
        .map((person) => ({ value: person.id, label: `${person.name} · ${person.unitName}` }))}
      style={{ width: '100%' }}
    />
  );
}
