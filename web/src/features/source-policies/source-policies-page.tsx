/**
 * /admin/source-policies 来源、时限与编号: the registry of 督办事项来源 — each with its names, 简称, whether new items may
 * take it, the default 办结时限 (working days from 交办), the 签收 limit, the yellow-light thresholds, the 临期提醒 days
 * and the escalation ladder (提醒 → 催办 → 督办通知 → 通报候选 → 约谈建议) — and each government's 督办编号格式.
 * The system administrator adds and edits sources and patterns in dialogs; the 督查室 reads the sources.
 */
import { PageContainer } from '../../app/page-container';
import { escalationRungLabels, escalationRungValues, type CreateSourceBody, type Source } from '@luoshi/contracts';
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, Table, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../app/api/use-api-error';
import { useAppLocale } from '../../app/i18n/i18n';
import { hasAnyRole, useCurrentUser } from '../../app/session';
import { NumberPatterns } from './number-patterns';
import { useCreateSource, useUpdateSource } from './source-policies.api';
import { numberFields, SourcePolicyForm } from './source-policy-form';
import { sourcesQuery } from './use-sources';

export function SourcePoliciesPage() {
  const { t } = useTranslation();
  const locale = useAppLocale();
  const { message } = App.useApp();
  const canEdit = hasAnyRole(useCurrentUser(), 'system_admin');
  const sources = useQuery(sourcesQuery);
  const create = useCreateSource();
  const update = useUpdateSource();
  const handleError = useApiErrorHandler();
  /** The source in the dialog; null: a new one; undefined: no dialog. */
  const [editing, setEditing] = useState<Source | null | undefined>(undefined);

  const columns: TableColumnsType<Source> = [
    { title: t('sourcePolicies.source'), key: 'name', fixed: 'left', render: (_v, row) => row.name[locale] },
    { title: t('sourcePolicies.shortCode'), dataIndex: 'shortCode' },
    {
      title: t('sourcePolicies.active'),
      key: 'active',
      render: (_v, row) => (row.active ? <Tag color="green">{t('sourcePolicies.inUse')}</Tag> : <Tag>{t('sourcePolicies.notInUse')}</Tag>),
    },
    ...numberFields.map((field) => ({
      title: t(`sourcePolicies.${field.key}`),
      key: field.key,
      render: (_v: unknown, row: Source) => row[field.key],
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

  const saved = () => {
    void message.success(t('sourcePolicies.saved'));
    setEditing(undefined);
  };
  const onSave = (values: CreateSourceBody) => {
    const { code, ...body } = values;
    if (editing) update.mutate({ code, body }, { onSuccess: saved, onError: (error) => handleError(error) });
    else create.mutate(values, { onSuccess: saved, onError: (error) => handleError(error) });
  };

  return (
    <PageContainer
      title={t('sourcePolicies.title')}
      extra={
        canEdit ? (
          <Button type="primary" onClick={() => setEditing(null)}>
            {t('sourcePolicies.addSource')}
          </Button>
        ) : undefined
      }
    >
      <Alert type="info" showIcon title={t('sourcePolicies.intro')} style={{ marginBottom: 16 }} />
      <Table<Source>
        rowKey="code"
        size="middle"
        loading={sources.isPending}
        dataSource={sources.data ?? []}
        columns={columns}
        pagination={false}
        scroll={{ x: 'max-content' }}
      />
      {canEdit && (
        <Card size="small" title={t('sourcePolicies.numberPatterns')} style={{ marginTop: 16 }}>
          <NumberPatterns />
        </Card>
      )}
      {editing !== undefined && (
        <SourcePolicyForm
          source={editing}
          saving={create.isPending || update.isPending}
          onCancel={() => setEditing(undefined)}
          onSave={onSave}
        />
      )}
    </PageContainer>
  );
}
