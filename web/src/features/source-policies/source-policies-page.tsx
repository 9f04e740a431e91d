/**
 * /admin/source-policies 办理时限与预警: per source type, the default 办结时限 (working days from 交办), the 签收 limit,
 * the yellow-light thresholds, the 临期提醒 days and the escalation ladder (提醒 → 催办 → 督办通知 → 通报候选 → 约谈建议).
 * The system administrator edits a row in a dialog; the 督查室 reads them.
 */
import { PageContainer } from '@ant-design/pro-components';
import { escalationRungLabels, escalationRungValues, taskSourceLabels, type SourcePolicy } from '@luoshi/contracts';
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../app/api/use-api-error';
import { useAppLocale } from '../../app/i18n/i18n';
import { hasAnyRole, useCurrentUser } from '../../app/session';
import { sourcePoliciesQuery, useSetSourcePolicy } from './source-policies.api';
import { numberFields, SourcePolicyForm } from './source-policy-form';

export function SourcePoliciesPage() {
  const { t } = useTranslation();
  const locale = useAppLocale();
  const { message } = App.useApp();
  const canEdit = hasAnyRole(useCurrentUser(), 'system_admin');
  const policies = useQuery(sourcePoliciesQuery);
  const save = useSetSourcePolicy();
  const handleError = useApiErrorHandler();
  const [editing, setEditing] = useState<SourcePolicy | null>(null);

  const columns: TableColumnsType<SourcePolicy> = [
    { title: t('sourcePolicies.source'), dataIndex: 'source', render: (_v, row) => taskSourceLabels[row.source][locale] },
    ...numberFields.map((field) => ({
      title: t(`sourcePolicies.${field.key}`),
      key: field.key,
      render: (_v: unknown, row: SourcePolicy) => row[field.key],
    })),
    {
      title: t('sourcePolicies.reminderWorkingDays'),
      key: 'reminderWorkingDays',
      render: (_v, row) =>
        row.reminderWorkingDays.length === 0
          ? t('common.none')
          : row.reminderWorkingDays.map((n) => (n === 0 ? t('sourcePolicies.onTheDay') : t('sourcePolicies.daysBefore', { n }))).join('、'),
    },
    {
      title: t('sourcePolicies.escalationWorkingDays'),
      key: 'escalationWorkingDays',
      render: (_v, row) =>
        escalationRungValues.map((rung) => `${escalationRungLabels[rung][locale]} ${row.escalationWorkingDays[rung]}`).join(' → '),
    },
  ];
  if (canEdit) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      render: (_v, row) => (
        <Button size="small" onClick={() => setEditing(row)}>
          {t('common.edit')}
        </Button>
      ),
    });
  }

  return (
    <PageContainer title={t('sourcePolicies.title')}>
      <Alert type="info" showIcon title={t('sourcePolicies.intro')} style={{ marginBottom: 16 }} />
      <Table<SourcePolicy>
        rowKey="source"
        size="middle"
        loading={policies.isPending}
        dataSource={policies.data ?? []}
        columns={columns}
        pagination={false}
        scroll={{ x: 'max-content' }}
      />
      {editing && (
        <SourcePolicyForm
          policy={editing}
          saving={save.isPending}
          onCancel={() => setEditing(null)}
          onSave={(policy) =>
            save.mutate(policy, {
              onSuccess: () => {
                void message.success(t('sourcePolicies.saved'));
                setEditing(null);
              },
              onError: (error) => handleError(error),
            })
          }
        />
      )}
    </PageContainer>
  );
}
