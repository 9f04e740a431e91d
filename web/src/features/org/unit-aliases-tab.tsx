/**
 * 简称/别名 of a unit: the names documents write for it (省发改委, 大理州), which the 分工方案 import and the unit
 * pickers recognise. Everyone in scope sees them; the system administrator adds and removes them. Names the clerk
 * mapped during an import appear here too.
 */
import type { Unit } from '@luoshi/contracts';
import { useQuery } from '@tanstack/react-query';
import { App, Button, Flex, Input, Popconfirm, Skeleton, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../app/api/use-api-error';
import { unitAliasesQuery, useAddUnitAlias, useRemoveUnitAlias } from './unit-aliases.api';

export function UnitAliasesTab({ unit, canEdit }: { unit: Unit; canEdit: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const aliases = useQuery(unitAliasesQuery(unit.id));
  const add = useAddUnitAlias(unit.id);
  const remove = useRemoveUnitAlias(unit.id);
  const [draft, setDraft] = useState('');

  const submit = () => {
    const alias = draft.trim();
    if (!alias) return;
    add.mutate(alias, {
      onSuccess: () => {
        setDraft('');
        void message.success(t('common.saved'));
      },
      onError: (error) => handleError(error),
    });
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary">{t('org.aliases.intro')}</Typography.Paragraph>
      {aliases.isPending ? (
        <Skeleton active paragraph={{ rows: 1 }} />
      ) : (
        <Flex gap={8} wrap>
          {(aliases.data ?? []).length === 0 && <Typography.Text type="secondary">{t('org.aliases.empty')}</Typography.Text>}
          {(aliases.data ?? []).map((a) => (
            <Tag key={a.alias} color={a.createdBy ? 'blue' : undefined} title={a.createdBy ? undefined : t('org.aliases.seeded')}>
              {a.alias}
              {canEdit && (
                <Popconfirm
                  title={t('org.aliases.confirmRemove', { alias: a.alias })}
                  onConfirm={() => remove.mutate(a.alias, { onError: (error) => handleError(error) })}
                >
                  <Button type="link" size="small" aria-label={`${t('org.aliases.remove')} ${a.alias}`}>
                    ×
                  </Button>
                </Popconfirm>
              )}
            </Tag>
          ))}
        </Flex>
      )}
      {canEdit && (
        <Space.Compact style={{ maxWidth: 420 }}>
          <Input
            aria-label={t('org.aliases.add')}
            placeholder={t('org.aliases.placeholder')}
            value={draft}
            maxLength={200}
            onChange={(e) => setDraft(e.target.value)}
            onPressEnter={submit}
          />
          <Button type="primary" loading={add.isPending} disabled={!draft.trim()} onClick={submit}>
            {t('org.aliases.add')}
          </Button>
        </Space.Compact>
      )}
    </Space>
  );
}
