/**
 * One 议题 on the meeting page: who submitted it and who is concerned, the responsible leader's 审签, the materials,
 * the attendees, the record (议定情况) and its numbered decisions with their items' live state.
 */
import type { AgendaItem, MeetingDetail } from '@luoshi/contracts';
import { Button, Card, Descriptions, Divider, Flex, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../app/api/use-api-error';
import { hasAnyRole, useCurrentUser } from '../../app/session';
import { AgendaAttendees } from './agenda-attendees';
import { AgendaMaterials } from './agenda-materials';
import { DecisionList } from './decision-list';
import { ToneTag } from './decision-summary';
import { DecisionModal } from './decision-modal';
import { useMeetingWrites } from './meetings.api';

function RecordModal({ meeting, item, onClose }: { meeting: MeetingDetail; item: AgendaItem; onClose: () => void }) {
  const { t } = useTranslation();
  const onError = useApiErrorHandler();
  const { setRecord } = useMeetingWrites(meeting.id);
  const [text, setText] = useState(item.record ?? '');
  return (
    <Modal
      open
      title={t('meetings.editRecord')}
      onCancel={onClose}
      confirmLoading={setRecord.isPending}
      onOk={() => setRecord.mutate({ id: item.id, record: text.trim() ? text : null }, { onSuccess: onClose, onError: (e) => onError(e) })}
    >
      <Input.TextArea aria-label={t('meetings.record')} rows={6} value={text} onChange={(event) => setText(event.target.value)} />
    </Modal>
  );
}

export function AgendaItemCard({
  meeting,
  item,
  highlightId,
}: {
  meeting: MeetingDetail;
  item: AgendaItem;
  highlightId: string | undefined;
}) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const onError = useApiErrorHandler();
  const { signOff } = useMeetingWrites(meeting.id);
  const [dialog, setDialog] = useState<'record' | 'decision' | null>(null);
  const isDraft = meeting.minutes.status === 'draft';
  const organise = meeting.can.organise;
  const unitPeople = organise || hasAnyRole(user, 'unit_handler', 'unit_leader');
  return (
    <Card
      size="small"
      data-testid="agenda-item"
      title={
        <Flex gap={8} align="center" wrap>
          <span>
            {t('meetings.agenda')} {item.position}
          </span>
          <Typography.Text strong style={{ whiteSpace: 'normal' }}>
            {item.title}
          </Typography.Text>
        </Flex>
      }
      extra={
        item.signedOffAt ? (
          <ToneTag tone="green">{t('meetings.signedOff')}</ToneTag>
        ) : (
          <ToneTag tone="orange">{t('meetings.notSignedOff')}</ToneTag>
        )
      }
    >
      {item.summary && <Typography.Paragraph>{item.summary}</Typography.Paragraph>}
      <Descriptions size="small" column={{ xs: 1, md: 3 }}>
        <Descriptions.Item label={t('meetings.submittingUnit')}>{item.submittingUnit.name}</Descriptions.Item>
        <Descriptions.Item label={t('meetings.concernedUnits')}>
          {item.concernedUnits.map((u) => u.name).join('、') || '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('meetings.responsibleLeader')}>
          {item.responsibleLeader.name}
          {item.responsibleLeader.title ? `（${item.responsibleLeader.title}）` : ''}
        </Descriptions.Item>
      </Descriptions>
      {item.canSignOff && (
        <Button
          type="primary"
          size="small"
          loading={signOff.isPending}
          onClick={() => signOff.mutate(item.id, { onError: (e) => onError(e) })}
        >
          {t('meetings.signOff')}
        </Button>
      )}
      <Divider style={{ margin: '8px 0' }} />
      <Flex vertical gap={12}>
        <AgendaMaterials meeting={meeting} item={item} canUpload={unitPeople && isDraft} />
        <AgendaAttendees meetingId={meeting.id} item={item} canRegister={unitPeople && isDraft} />
        <div>
          <Flex justify="space-between" align="center" gap={8}>
            <Typography.Text strong>{t('meetings.record')}</Typography.Text>
            {organise && isDraft && (
              <Button size="small" onClick={() => setDialog('record')}>
                {t('meetings.editRecord')}
              </Button>
            )}
          </Flex>
          <Typography.Paragraph type={item.record ? undefined : 'secondary'} style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
            {item.record ?? t('meetings.noRecord')}
          </Typography.Paragraph>
        </div>
        <div>
          <Flex justify="space-between" align="center" gap={8} style={{ marginBottom: 4 }}>
            <Typography.Text strong>{t('meetings.decisionList')}</Typography.Text>
            {organise && isDraft && item.signedOffAt && (
              <Button size="small" onClick={() => setDialog('decision')}>
                {t('meetings.addDecision')}
              </Button>
            )}
          </Flex>
          <DecisionList
            meetingId={meeting.id}
            agendaPosition={item.position}
            decisions={item.decisions}
            highlightId={highlightId}
            canSupervise={meeting.can.supervise}
          />
        </div>
      </Flex>
      {dialog === 'record' && <RecordModal meeting={meeting} item={item} onClose={() => setDialog(null)} />}
      {dialog === 'decision' && <DecisionModal meeting={meeting} item={item} onClose={() => setDialog(null)} />}
    </Card>
  );
}
