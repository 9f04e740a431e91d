/**
 * Role multi-select with the contracts' labels, and the 三员分立 rule spelled out next to it: system, security and
 * audit administrator must be different accounts. The server refuses such a combination too (ROLE_SEPARATION).
 */
import { breaksRoleSeparation, roleValues, type Role } from '@luoshi/contracts';
import { Alert, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAppLocale } from '../../app/i18n/i18n';
import { roleLabel } from '../../app/roles';

/** Controlled like an antd Form field. */
export function RoleSelect({ value, onChange, id }: { value?: Role[]; onChange?: (value: Role[]) => void; id?: string }) {
  const { t } = useTranslation();
  const locale = useAppLocale();
  const isBroken = breaksRoleSeparation(value ?? []);
  return (
    <>
      <Select<Role[]>
        id={id}
        mode="multiple"
        value={value}
        onChange={(next) => onChange?.(next)}
        options={roleValues.map((role) => ({ value: role, label: roleLabel(role, locale) }))}
        showSearch={{ optionFilterProp: 'label' }}
        status={isBroken ? 'error' : undefined}
        style={{ width: '100%' }}
      />
      <Alert
        type={isBroken ? 'error' : 'warning'}
        showIcon
        title={isBroken ? t('users.separationBroken') : t('users.separationHint')}
        style={{ marginTop: 8 }}
      />
    </>
  );
}
