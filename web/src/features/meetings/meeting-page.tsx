/**
 * /meetings/:id (and /meetings/:id/decisions/:decisionId, where an item's 来源 link leads): the meeting — when and
 * where, materials due, the leaders (出席/请假), every 议题 with its materials, attendees, record and decisions with the
 * live state and light of their 督办事项, the summary line, and the 会议纪要. Readable on a phone.
 */
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Empty, Flex, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { errorText } from '../../app/api/errors';
import { useAppLocale } from '../../app/i18n/i18n';
import { useLiveRefresh } from '../../app/live';
import { PageContainer } from '../../app/page-container';
import { AgendaItemCard } from './agenda-item-card';
import { AgendaItemModal } from './agenda-item-modal';
import { DecisionSummaryLine, ToneTag } from './decision-summary';
import { LeadersModal } from './leaders-modal';
import { meetingQuery, meetingTypesQuery } from './meetings.api';
import { MinutesCard } from './minutes-card';

export function MeetingPage() {
  const { t } = useTranslation();
  const locale = useAppLocale();
  const navigate = useNavigate();
  const { id = '', decisionId } = useParams();
  const query = meetingQuery(id);
  const meeting = useQuery(query);
  useLiveRefresh(query.queryKey);
  const types = useQuery(meetingTypesQuery());
  const [dialog, setDialog] = useState<'leaders' | 'agenda' | null>(null);
  if (meeting.isPending) return <Spin style={{ display: 'block', margin: 48 }} />;
  if (meeting.isError) {
    return (
      <PageContainer title={t('meetings.title')} onBack={() => void navigate('/meetings')}>
        <Alert type="error" showIcon title={errorText(meeting.error, locale)} />
      </PageContainer>
    );
  }
  const m = meeting.data;
  const type = types.data?.find((ty) => ty.code === m.type);
  const isDraft = m.minutes.status === 'draft';
  return (
    <PageContainer
      title={`${m.governmentName}${m.title}`}
      onBack={() => void navigate('/meetings')}
      tags={type && <Tag>{locale === 'en' ? type.nameEn : type.nameZh}</Tag>}
      content={<DecisionSummaryLine summary={m.decisions} />}
    >
      <Flex vertical gap={12}>
        <Card size="small">
          <Descriptions size="small" column={{ xs: 1, md: 4 }}>
            <Descriptions.Item label={t('meetings.heldOn')}>
              {m.heldOn}
              {m.startTime ? ` ${m.startTime}` : ''}
            </Descriptions.Item>
            <Descriptions.Item label={t('meetings.location')}>{m.location ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('meetings.materialsDueOn')}>{m.materialsDueOn}</Descriptions.Item>
            <Descriptions.Item label={t('meetings.agendaCount')}>{m.agendaCount}</Descriptions.Item>
          </Descriptions>
        </Card>
        <Card
          size="small"
          title={t('meetings.leaders')}
          extra={
            m.can.organise &&
            isDraft && (
              <Button size="small" onClick={() => setDialog('leaders')}>
                {t('meetings.editLeaders')}
              </Button>
            )
          }
        >
          {m.leaders.length === 0 ? (
            <Typography.Text type="secondary">{t('meetings.noLeaders')}</Typography.Text>
          ) : (
            <Flex gap={8} wrap>
              {m.leaders.map((l) => (
                <ToneTag key={l.personId} tone={l.attendance === 'present' ? 'blue' : 'neutral'}>
                  {l.name}
                  {l.title ? `（${l.title}）` : ''} · {t(`meetings.attendance.${l.attendance}`)}
                  {l.note ? `：${l.note}` : ''}
                </ToneTag>
              ))}
            </Flex>
          )}
        </Card>
        <Flex justify="space-between" align="center">
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t('meetings.agenda')}
          </Typography.Title>
          {m.can.organise && isDraft && <Button onClick={() => setDialog('agenda')}>{t('meetings.addAgendaItem')}</Button>}
        </Flex>
        {m.agendaItems.length === 0 && <Empty />}
        {m.agendaItems.map((item) => (
          <AgendaItemCard key={item.id} meeting={m} item={item} highlightId={decisionId} />
        ))}
        <MinutesCard meeting={m} />
      </Flex>
      {dialog === 'leaders' && <LeadersModal meeting={m} onClose={() => setDialog(null)} />}
      {dialog === 'agenda' && <AgendaItemModal meeting={m} onClose={() => setDialog(null)} />}
    </PageContainer>
  );
}
