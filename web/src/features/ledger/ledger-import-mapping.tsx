/**
 * The dry run's mapping step: each unit name the import did not know, with the rows naming it and the similar units
 * in the clerk's scope. One pick per name; the wizard checks again with the picks, and the import remembers them.
 */
import type { LedgerImportMappings, LedgerImportResult } from '@luoshi/contracts';
import { Button, Card, Flex, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

export function ImportMapping({
  result,
  mappings,
  onChange,
  onApply,
  busy,
}: {
  result: LedgerImportResult;
  mappings: LedgerImportMappings;
  onChange: (next: LedgerImportMappings) => void;
  onApply: () => void;
  busy: boolean;
}) {
  const { t } = useTranslation();
  if (result.unknownUnits.length === 0) return null;
  const picked = result.unknownUnits.filter((u) => mappings[u.name]).length;
  return (
    <Card size="small" title={t('ledger.mappingTitle', { count: result.unknownUnits.length })}>
      <Typography.Paragraph type="secondary">{t('ledger.mappingHint')}</Typography.Paragraph>
      <Space direction="vertical" style={{ width: '100%' }}>
        {result.unknownUnits.map((unknown) => (
          <Flex key={unknown.name} gap={12} align="center" wrap>
            <Typography.Text strong style={{ minWidth: 160 }}>
              {unknown.name}
            </Typography.Text>
            <Typography.Text type="secondary" style={{ minWidth: 120 }}>
              {t('ledger.mappingRows', { rows: unknown.rows.slice(0, 8).join('、') + (unknown.rows.length > 8 ? '…' : '') })}
            </Typography.Text>
            {unknown.candidates.length ? (
              <Select<string>
                aria-label={`${t('ledger.mappingPick')}：${unknown.name}`}
                placeholder={t('ledger.mappingPick')}
                allowClear
                style={{ minWidth: 320 }}
                value={mappings[unknown.name]}
                onChange={(unitId) => {
                  const next = { ...mappings };
                  if (unitId) next[unknown.name] = unitId;
                  else delete next[unknown.name];
                  onChange(next);
                }}
                options={unknown.candidates.map((c) => ({
                  value: c.id,
                  label: c.parentName ? `${c.name}（${c.parentName}）` : c.name,
                }))}
              />
            ) : (
              <Typography.Text type="warning">{t('ledger.mappingNone')}</Typography.Text>
            )}
          </Flex>
        ))}
        <Flex justify="end">
          <Button disabled={picked === 0 || busy} loading={busy} onClick={onApply}>
            {t('ledger.mappingApply')}
          </Button>
        </Flex>
      </Space>
    </Card>
  );
}
