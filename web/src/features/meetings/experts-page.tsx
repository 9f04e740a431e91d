/**
 * /experts 专家库: the experts (contact masked), adding one, the draw dialog, and the record of each draw — seed,
 * rule, pool, who was recused and why, who was drawn with their opinions — with a 复核 that re-runs it on the server.
 */
import type { Expert, ExpertDraw } from '@luoshi/contracts';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Flex, Input, Switch, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../app/api/errors';
import { useApiErrorHandler } from '../../app/api/use-api-error';
import { useAppLocale } from '../../app/i18n/i18n';
import { PageContainer } from '../../app/page-container';
import { hasAnyRole, useCurrentUser } from '../../app/session';
import { formatBeijingTime } from '../tasks/task-format';
import { DrawModal, ExpertModal } from './expert-modals';
import { drawsQuery, expertsQuery, useExpertWrites } from './experts.api';

function OpinionInput({ draw, expertId }: { draw: ExpertDraw; expertId: string }) {
  const { t } = useTranslation();
  const onError = useApiErrorHandler();
  const { recordOpinion } = useExpertWrites();
  const [text, setText] = useState('');
  return (
    <Flex gap={4}>
      <Input aria-label={t('meetings.experts.opinion')} value={text} onChange={(event) => setText(event.target.value)} size="small" />
      <Button
        size="small"
        disabled={!text.trim()}
        loading={recordOpinion.isPending}
        onClick={() =>
          recordOpinion.mutate(
            { id: draw.id, expertId, opinion: text.trim() },
            { onSuccess: () => setText(''), onError: (e) => onError(e) },
          )
        }
      >
        {t('meetings.experts.recordOpinion')}
      </Button>
    </Flex>
  );
}

function DrawCard({ draw, canWrite }: { draw: ExpertDraw; canWrite: boolean }) {
  const { t } = useTranslation();
  const locale = useAppLocale();
  const { verify } = useExpertWrites();
  return (
    <Card size="small" data-testid="expert-draw" title={draw.purpose} extra={formatBeijingTime(draw.createdAt)}>
      <Descriptions size="small" column={{ xs: 1, md: 3 }}>
        <Descriptions.Item label={t('meetings.experts.field')}>{draw.field}</Descriptions.Item>
        <Descriptions.Item label={t('meetings.experts.proposer')}>{draw.proposerUnitName}</Descriptions.Item>
        <Descriptions.Item label={t('meetings.experts.pool')}>
          {t('meetings.experts.poolSize', { count: draw.pool.length })}
        </Descriptions.Item>
        <Descriptions.Item label={t('meetings.experts.seed')}>
          <Typography.Text code copyable>
            {draw.seed}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('meetings.experts.rule')}>{draw.rule}</Descriptions.Item>
        <Descriptions.Item label={t('meetings.experts.excluded')}>
          {draw.excluded.map((e) => `${e.name}（${t(`meetings.experts.reason.${e.reason}`)}）`).join('、') || '—'}
        </Descriptions.Item>
      </Descriptions>
      <Typography.Text strong>{t('meetings.experts.drawn')}</Typography.Text>
      <Flex vertical gap={6} style={{ marginTop: 4 }}>
        {draw.drawn.map((d) => (
          <div key={d.expertId}>
            <Typography.Text>
              {d.name}
              {d.title ? `（${d.title}）` : ''} · {d.affiliation}
              {d.phone ? ` · ${d.phone}` : ''}
            </Typography.Text>
            {d.opinion ? (
              <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
                {t('meetings.experts.opinion')}：{d.opinion}
              </Typography.Paragraph>
            ) : (
              canWrite && <OpinionInput draw={draw} expertId={d.expertId} />
            )}
          </div>
        ))}
      </Flex>
      <Flex gap={8} align="center" wrap style={{ marginTop: 8 }}>
        <Button size="small" loading={verify.isPending} onClick={() => verify.mutate(draw.id)}>
          {t('meetings.experts.verify')}
        </Button>
        {verify.data && (
          <Tag color={verify.data.matches ? 'green' : 'red'}>
            {t(verify.data.matches ? 'meetings.experts.verified' : 'meetings.experts.notVerified')}
          </Tag>
        )}
        {verify.isError && <Typography.Text type="danger">{errorText(verify.error, locale)}</Typography.Text>}
      </Flex>
    </Card>
  );
}

export function ExpertsPage() {
  const { t } = useTranslation();
  const locale = useAppLocale();
  const user = useCurrentUser();
  const onError = useApiErrorHandler();
  const experts = useQuery(expertsQuery());
  const draws = useQuery(drawsQuery());
  const { setAvailable } = useExpertWrites();
  const [dialog, setDialog] = useState<'add' | 'draw' | null>(null);
  const canWrite = hasAnyRole(user, 'meeting_staff', 'supervisor');
  const fields = [...new Set((experts.data ?? []).flatMap((e) => e.fields))].sort();
  const columns: TableColumnsType<Expert> = [
    { title: t('meetings.experts.name'), dataIndex: 'name', width: 110 },
    { title: t('meetings.experts.fields'), dataIndex: 'fields', render: (value: string[]) => value.map((f) => <Tag key={f}>{f}</Tag>) },
    { title: t('meetings.experts.jobTitle'), dataIndex: 'title', width: 100 },
    { title: t('meetings.experts.affiliation'), dataIndex: 'affiliation' },
    { title: t('meetings.experts.phone'), dataIndex: 'phone', width: 130 },
    {
      title: t('meetings.experts.conflicts'),
      dataIndex: 'conflictUnits',
      render: (_value, row) => [row.conflictUnits.map((u) => u.name).join('、'), row.conflictNote].filter(Boolean).join('：') || '—',
    },
    { title: t('meetings.experts.drawsThisYear'), dataIndex: 'drawsThisYear', width: 90 },
    {
      title: t('meetings.experts.available'),
      dataIndex: 'isAvailable',
      width: 90,
      render: (_value, row) => (
        <Switch
          size="small"
          checked={row.isAvailable}
          disabled={!canWrite}
          aria-label={`${row.name} ${t('meetings.experts.available')}`}
          onChange={(isAvailable) => setAvailable.mutate({ id: row.id, isAvailable }, { onError: (e) => onError(e) })}
        />
      ),
    },
  ];
  return (
    <PageContainer
      title={t('meetings.experts.heading')}
      content={t('meetings.experts.intro')}
      extra={
        canWrite && (
          <Flex gap={8}>
            <Button onClick={() => setDialog('add')}>{t('meetings.experts.add')}</Button>
            <Button type="primary" disabled={fields.length === 0} onClick={() => setDialog('draw')}>
              {t('meetings.experts.draw')}
            </Button>
          </Flex>
        )
      }
    >
      {experts.isError && <Alert type="error" showIcon title={errorText(experts.error, locale)} style={{ marginBottom: 12 }} />}
      <Table<Expert>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={experts.data ?? []}
        loading={experts.isPending}
        pagination={(experts.data?.length ?? 0) > 50 ? { pageSize: 50, showSizeChanger: false } : false}
        locale={{ emptyText: t('meetings.experts.empty') }}
        scroll={{ x: 900 }}
      />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('meetings.experts.draws')}
      </Typography.Title>
      <Flex vertical gap={12}>
        {(draws.data ?? []).map((draw) => (
          <DrawCard key={draw.id} draw={draw} canWrite={canWrite} />
        ))}
      </Flex>
      {dialog === 'add' && <ExpertModal onClose={() => setDialog(null)} />}
      {dialog === 'draw' && <DrawModal fields={fields} onClose={() => setDialog(null)} onDrawn={() => undefined} />}
    </PageContainer>
  );
}
