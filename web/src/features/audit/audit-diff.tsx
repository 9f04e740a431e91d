/**
 * Before/after of one audit event, side by side. For records, both columns list the same keys in the same order
 * and changed keys are highlighted, so the change is visible without reading two JSON blobs.
 */
import { Col, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function show(value: unknown): string {
  return value === undefined ? '—' : JSON.stringify(value, null, 2);
}

const preStyle = {
  margin: 0,
  padding: 8,
  background: '#fafafa',
  border: '1px solid #f0f0f0',
  borderRadius: 4,
  fontSize: 12,
  whiteSpace: 'pre-wrap',
  wordBreak: 'break-all',
} as const;

function KeyedColumn({ keys, record, other }: { keys: string[]; record: Record<string, unknown>; other: Record<string, unknown> }) {
  return (
    <div style={preStyle}>
      {keys.map((key) => {
        const isChanged = JSON.stringify(record[key]) !== JSON.stringify(other[key]);
        return (
          <div key={key} style={{ background: isChanged ? '#fff1b8' : undefined, fontFamily: 'monospace' }}>
            <span style={{ color: '#8c8c8c' }}>{key}: </span>
            {key in record ? show(record[key]) : '—'}
          </div>
        );
      })}
    </div>
  );
}

/** Two columns: 变更前 and 变更后. */
export function AuditDiff({ before, after }: { before: unknown; after: unknown }) {
  const { t } = useTranslation();
  const isKeyed = (isRecord(before) || before == null) && (isRecord(after) || after == null);
  const beforeRecord = isRecord(before) ? before : {};
  const afterRecord = isRecord(after) ? after : {};
  const keys = [...new Set([...Object.keys(beforeRecord), ...Object.keys(afterRecord)])];

  const column = (title: string, value: unknown, record: Record<string, unknown>, other: Record<string, unknown>) => (
    <Col xs={24} md={12}>
      <Typography.Text strong>{title}</Typography.Text>
      {value == null ? (
        <div style={preStyle}>{t('common.none')}</div>
      ) : isKeyed ? (
        <KeyedColumn keys={keys} record={record} other={other} />
      ) : (
        <pre style={preStyle}>{show(value)}</pre>
      )}
    </Col>
  );

  return (
    <>
      {isKeyed && keys.length > 0 && before != null && after != null && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('audit.changed')}
        </Typography.Text>
      )}
      <Row gutter={[12, 8]}>
        {column(t('audit.before'), before, beforeRecord, afterRecord)}
        {column(t('audit.after'), after, afterRecord, beforeRecord)}
      </Row>
    </>
  );
}
