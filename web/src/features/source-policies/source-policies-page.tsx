/**
 * /admin/source-policies 办理时限与预警: per source type, the default 办结时限 (working days from 交办), the 签收 limit
 * and the yellow-light thresholds. The system administrator edits a row in place; the 督查室 reads them.
 */
import { PageContainer } from '@ant-design/pro-components';
import { taskSourceLabels, type SourcePolicy } from '@luoshi/contracts';
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, InputNumber, Space, Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../app/api/use-api-error';
import { useAppLocale } from '../../app/i18n/i18n';
import { hasAnyRole, useCurrentUser } from '../../app/session';
import { sourcePoliciesQuery, useSetSourcePolicy } from './source-policies.api';

type NumberField = Exclude<keyof SourcePolicy, 'source'>;
const fields: { key: NumberField; min: number; max: number }[] = [
  { key: 'workingDays', min: 1, max: 500 },
  { key: 'signForWorkingDays', min: 1, max: 30 },
  { key: 'yellowWorkingDays', min: 0, max: 60 },
  { key: 'yellowElapsedPercent', min: 50, max: 100 },
];

export function SourcePoliciesPage() {
  const { t } = useTranslation();
  const locale = useAppLocale();
  const { message } = App.useApp();
  const canEdit = hasAnyRole(useCurrentUser(), 'system_admin');
  const policies = useQuery(sourcePoliciesQuery);
  const save = useSetSourcePolicy();
  const handleError = useApiErrorHandler();
  const [editing, setEditing] = useState<SourcePolicy | null>(null);

  const cell = (row: SourcePolicy, field: (typeof fields)[number]) =>
    editing?.source === row.source ? (
      <InputNumber
        aria-label={t(`sourcePolicies.${field.key}`)}
        min={field.min}
        max={field.max}
        precision={0}
        value={editing[field.key]}
        onChange={(value) => setEditing({ ...editing, [field.key]: value ?? field.min })}
      />
    ) : (
      row[field.key]
    );

  const columns: TableColumnsType<SourcePolicy> = [
    { title: t('sourcePolicies.source'), dataIndex: 'source', render: (_v, row) => taskSourceLabels[row.source][locale] },
    ...fields.map((field) => ({
      title: t(`sourcePolicies.${field.key}`),
      key: field.key,
      render: (_v: unknown, row: SourcePolicy) => cell(row, field),
    })),
  ];
  if (canEdit) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      render: (_v, row) =>
        editing?.source === row.source ? (
          <Space>
            <Button
              type="primary"
              size="small"
              loading={save.isPending}
              onClick={() =>
                save.mutate(editing, {
                  onSuccess: () => {
                    void message.success(t('sourcePolicies.saved'));
                    setEditing(null);
                  },
                  onError: (error) => handleError(error),
                })
              }
            >
              {t('common.save')}
            </Button>
            <Button size="small" onClick={() => setEditing(null)}>
              {t('common.cancel')}
            </Button>
          </Space>
        ) : (
          <Button size="small" onClick={() => setEditing(row)} disabled={editing !== null}>
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
    </PageContainer>
  );
}
