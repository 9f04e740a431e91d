/**
 * 参会人员 of one 议题, and registering one: the unit represented (a concerned unit) and the person. The server applies
 * "不能代表本地本部门（单位）和不熟悉情况的人员不得参会" and answers a refusal with its reason, shown in the dialog.
 */
import type { AgendaItem } from '@luoshi/contracts';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Flex, Form, Modal, Select, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../app/api/errors';
import { useApiErrorHandler } from '../../app/api/use-api-error';
import { useAppLocale } from '../../app/i18n/i18n';
import { personsQuery } from '../org/org.api';
import { useMeetingWrites } from './meetings.api';

function RegisterModal({ meetingId, item, onClose }: { meetingId: string; item: AgendaItem; onClose: () => void }) {
  const { t } = useTranslation();
  const locale = useAppLocale();
  const { registerAttendee } = useMeetingWrites(meetingId);
  const units = [item.submittingUnit, ...item.concernedUnits];
  const [unitId, setUnitId] = useState<string>(item.submittingUnit.id);
  const [personId, setPersonId] = useState<string | undefined>();
  const people = useQuery(personsQuery({ unitId, includeSubunits: true }));
  return (
    <Modal
      open
      title={t('meetings.registerAttendee')}
      onCancel={onClose}
      okButtonProps={{ disabled: !personId }}
      confirmLoading={registerAttendee.isPending}
      onOk={() => personId && registerAttendee.mutate({ id: item.id, body: { unitId, personId } }, { onSuccess: onClose })}
    >
      <Typography.Paragraph type="secondary">{t('meetings.attendanceRule')}</Typography.Paragraph>
      <Form layout="vertical">
        <Form.Item label={t('meetings.attendeeUnit')} htmlFor="attendee-unit">
          <Select
            id="attendee-unit"
            value={unitId}
            onChange={(next: string) => {
              setUnitId(next);
              setPersonId(undefined);
            }}
            options={units.map((u) => ({ value: u.id, label: u.name }))}
          />
        </Form.Item>
        <Form.Item label={t('meetings.attendeePerson')} htmlFor="attendee-person">
          <Select
            id="attendee-person"
            value={personId}
            onChange={setPersonId}
            showSearch
            optionFilterProp="label"
            loading={people.isPending}
            options={(people.data ?? [])
              .filter((p) => !p.isDisabled)
              .map((p) => ({ value: p.id, label: `${p.name}${p.title ? `（${p.title}）` : ''}` }))}
          />
        </Form.Item>
      </Form>
      {registerAttendee.isError && <Alert type="error" showIcon title={errorText(registerAttendee.error, locale)} role="alert" />}
    </Modal>
  );
}

export function AgendaAttendees({ meetingId, item, canRegister }: { meetingId: string; item: AgendaItem; canRegister: boolean }) {
  const { t } = useTranslation();
  const onError = useApiErrorHandler();
  const { removeAttendee } = useMeetingWrites(meetingId);
  const [open, setOpen] = useState(false);
  return (
    <div>
      <Flex justify="space-between" align="center" gap={8}>
        <Typography.Text strong>{t('meetings.attendees')}</Typography.Text>
        {canRegister && (
          <Button size="small" onClick={() => setOpen(true)}>
            {t('meetings.registerAttendee')}
          </Button>
        )}
      </Flex>
      <Flex vertical gap={4} style={{ marginTop: 4 }}>
        {item.attendees.map((a) => (
          <Flex key={a.id} gap={8} align="center" wrap>
            <span>
              {a.unitName} {a.personName}
              {a.personTitle ? `（${a.personTitle}）` : ''}
            </span>
            <Tag>{t(`meetings.basis.${a.basis}`)}</Tag>
            {canRegister && (
              <Button type="link" size="small" onClick={() => removeAttendee.mutate(a.id, { onError: (error) => onError(error) })}>
                {t('meetings.remove')}
              </Button>
            )}
          </Flex>
        ))}
      </Flex>
      {open && <RegisterModal meetingId={meetingId} item={item} onClose={() => setOpen(false)} />}
    </div>
  );
}
