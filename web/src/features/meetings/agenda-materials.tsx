/**
 * 会议材料 of one 议题: the files with their 迟交 flag, an upload (a late one asks for the reason first), and the
 * organisers' 采用/不采用 of late files.
 */
import type { AgendaItem, MeetingDetail } from '@luoshi/contracts';
import { Button, Flex, Input, Modal, Tag, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../app/api/use-api-error';
import { beijingToday } from '../tasks/task-format';
import { ToneTag } from './decision-summary';
import { materialUrl, useMeetingWrites } from './meetings.api';

export function AgendaMaterials({ meeting, item, canUpload }: { meeting: MeetingDetail; item: AgendaItem; canUpload: boolean }) {
  const { t } = useTranslation();
  const onError = useApiErrorHandler();
  const { uploadMaterial, decideLate } = useMeetingWrites(meeting.id);
  const input = useRef<HTMLInputElement>(null);
  const [pending, setPending] = useState<File | null>(null);
  const [reason, setReason] = useState('');
  const isLate = beijingToday() > meeting.materialsDueOn;
  const send = (file: File, lateReason?: string) =>
    uploadMaterial.mutate({ id: item.id, file, ...(lateReason ? { lateReason } : {}) }, { onError: (error) => onError(error) });
  return (
    <div>
      <Flex justify="space-between" align="center" gap={8}>
        <Typography.Text strong>{t('meetings.materials')}</Typography.Text>
        {canUpload && (
          <>
            <input
              ref={input}
              type="file"
              hidden
              aria-label={t('meetings.uploadMaterial')}
              accept=".pdf,.ofd,.doc,.docx,.xls,.xlsx,.wps,.et"
              onChange={(event) => {
                const file = event.target.files?.[0];
                event.target.value = '';
                if (!file) return;
                if (isLate) setPending(file);
                else send(file);
              }}
            />
            <Button size="small" loading={uploadMaterial.isPending} onClick={() => input.current?.click()}>
              {t('meetings.uploadMaterial')}
            </Button>
          </>
        )}
      </Flex>
      <Flex vertical gap={4} style={{ marginTop: 4 }}>
        {item.materials.map((m) => (
          <Flex key={m.id} gap={8} align="center" wrap>
            <a href={materialUrl(m.id)}>{m.fileName}</a>
            {m.isLate && <ToneTag tone="orange">{t('meetings.late')}</ToneTag>}
            {m.isLate && <Tag>{t(`meetings.lateDecision.${m.lateDecision ?? 'pending'}`)}</Tag>}
            {m.isLate && m.lateReason && <Typography.Text type="secondary">{m.lateReason}</Typography.Text>}
            {m.isLate && !m.lateDecision && meeting.can.organise && (
              <>
                <Button size="small" onClick={() => decideLate.mutate({ id: m.id, decision: 'accepted' }, { onError: (e) => onError(e) })}>
                  {t('meetings.accept')}
                </Button>
                <Button
                  size="small"
                  danger
                  onClick={() => decideLate.mutate({ id: m.id, decision: 'refused' }, { onError: (e) => onError(e) })}
                >
                  {t('meetings.refuse')}
                </Button>
              </>
            )}
          </Flex>
        ))}
      </Flex>
      {pending && (
        <Modal
          open
          title={t('meetings.uploadMaterial')}
          okButtonProps={{ disabled: !reason.trim() }}
          onCancel={() => setPending(null)}
          onOk={() => {
            send(pending, reason.trim());
            setPending(null);
            setReason('');
          }}
        >
          <Typography.Paragraph>{t('meetings.lateReasonPrompt')}</Typography.Paragraph>
          <Input aria-label={t('meetings.lateReason')} value={reason} maxLength={200} onChange={(event) => setReason(event.target.value)} />
        </Modal>
      )}
    </div>
  );
}
