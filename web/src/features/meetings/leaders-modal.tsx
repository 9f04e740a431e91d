/** 出席/请假 leaders of the whole meeting: chosen among the convening government's leadership. */
import type { MeetingDetail } from '@luoshi/contracts';
import { useQuery } from '@tanstack/react-query';
import { Button, Flex, Input, Modal, Radio, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../app/api/use-api-error';
import { personsQuery } from '../org/org.api';
import { useMeetingWrites } from './meetings.api';

type Row = { personId: string; attendance: 'present' | 'leave'; note?: string };

export function LeadersModal({ meeting, onClose }: { meeting: MeetingDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const onError = useApiErrorHandler();
  const { setLeaders } = useMeetingWrites(meeting.id);
  const leaders = useQuery(personsQuery({ unitId: meeting.governmentUnitId, isLeader: true }));
  const [rows, setRows] = useState<Row[]>(
    meeting.leaders.map((l) => ({ personId: l.personId, attendance: l.attendance, ...(l.note ? { note: l.note } : {}) })),
  );
  const options = (leaders.data ?? [])
    .filter((p) => p.unitId === meeting.governmentUnitId && !p.isDisabled)
    .map((p) => ({ value: p.id, label: p.title ? `${p.name}（${p.title}）` : p.name }));
  const chosen = rows.map((r) => r.personId);
  const update = (i: number, patch: Partial<Row>) => setRows(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <Modal
      open
      title={t('meetings.editLeaders')}
      onCancel={onClose}
      confirmLoading={setLeaders.isPending}
      onOk={() =>
        setLeaders.mutate(
          {
            leaders: rows.map((r) => ({
              personId: r.personId,
              attendance: r.attendance,
              ...(r.note?.trim() ? { note: r.note.trim() } : {}),
            })),
          },
          { onSuccess: onClose, onError: (error) => onError(error) },
        )
      }
    >
      <Select
        aria-label={t('meetings.leaders')}
        mode="multiple"
        style={{ width: '100%', marginBottom: 12 }}
        value={chosen}
        loading={leaders.isPending}
        options={options}
        optionFilterProp="label"
        onChange={(ids: string[]) =>
          setRows(ids.map((id) => rows.find((r) => r.personId === id) ?? { personId: id, attendance: 'present' }))
        }
      />
      <Flex vertical gap={8}>
        {rows.map((row, i) => (
          <Flex key={row.personId} gap={8} align="center" wrap>
            <span style={{ minWidth: 120 }}>{options.find((o) => o.value === row.personId)?.label ?? ''}</span>
            <Radio.Group
              value={row.attendance}
              onChange={(event) => update(i, { attendance: event.target.value as Row['attendance'] })}
              options={[
                { value: 'present', label: t('meetings.attendance.present') },
                { value: 'leave', label: t('meetings.attendance.leave') },
              ]}
            />
            {row.attendance === 'leave' && (
              <Input
                aria-label={t('meetings.leaveNote')}
                placeholder={t('meetings.leaveNote')}
                value={row.note}
                maxLength={100}
                onChange={(event) => update(i, { note: event.target.value })}
                style={{ width: 140 }}
              />
            )}
            <Button type="link" onClick={() => setRows(rows.filter((_r, j) => j !== i))}>
              {t('meetings.remove')}
            </Button>
          </Flex>
        ))}
      </Flex>
    </Modal>
  );
}
