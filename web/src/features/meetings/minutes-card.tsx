/** 会议纪要: number and status, the draft's edit, the DOCX download, and 印发 (after which nothing changes). */
import type { MeetingDetail } from '@luoshi/contracts';
import { Button, Card, Descriptions, Flex, Form, Input, Modal, Popconfirm, type FormProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../app/api/use-api-error';
import { formatBeijingTime } from '../tasks/task-format';
import { MinutesTag } from './decision-summary';
import { minutesUrl, useMeetingWrites } from './meetings.api';

type Values = { documentNumber: string; preamble?: string };

function EditModal({ meeting, onClose }: { meeting: MeetingDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const onError = useApiErrorHandler();
  const { updateMinutes } = useMeetingWrites(meeting.id);
  const submit: FormProps<Values>['onFinish'] = (values) =>
    updateMinutes.mutate(
      { documentNumber: values.documentNumber, preamble: values.preamble?.trim() ? values.preamble : null },
      { onSuccess: onClose, onError: (error) => onError(error, { form }) },
    );
  return (
    <Modal open title={t('meetings.editMinutes')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={updateMinutes.isPending}>
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ documentNumber: meeting.minutes.documentNumber, preamble: meeting.minutes.preamble ?? '' }}
      >
        <Form.Item name="documentNumber" label={t('meetings.minutesNumber')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="preamble" label={t('meetings.preamble')} extra={t('meetings.preambleHint')}>
          <Input.TextArea rows={4} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function MinutesCard({ meeting }: { meeting: MeetingDetail }) {
  const { t } = useTranslation();
  const onError = useApiErrorHandler();
  const { issueMinutes } = useMeetingWrites(meeting.id);
  const [editing, setEditing] = useState(false);
  const { minutes } = meeting;
  const isDraft = minutes.status === 'draft';
  return (
    <Card size="small" title={t('meetings.minutes')} extra={<MinutesTag status={minutes.status} />}>
      <Descriptions size="small" column={1}>
        <Descriptions.Item label={t('meetings.minutesNumber')}>{minutes.documentNumber}</Descriptions.Item>
        {minutes.issuedAt && minutes.issuedByName && (
          <Descriptions.Item label={t('meetings.minutesStatus.issued')}>
            {t('meetings.issuedBy', { name: minutes.issuedByName, at: formatBeijingTime(minutes.issuedAt) })}
          </Descriptions.Item>
        )}
      </Descriptions>
      <Flex gap={8} wrap>
        <Button href={minutesUrl(meeting.id)}>{t('meetings.downloadMinutes')}</Button>
        {isDraft && meeting.can.organise && (
          <>
            <Button onClick={() => setEditing(true)}>{t('meetings.editMinutes')}</Button>
            <Popconfirm
              title={t('meetings.issueConfirm')}
              onConfirm={() => issueMinutes.mutate(undefined, { onError: (error) => onError(error) })}
            >
              <Button type="primary" loading={issueMinutes.isPending}>
                {t('meetings.issueMinutes')}
              </Button>
            </Popconfirm>
          </>
        )}
      </Flex>
      {editing && <EditModal meeting={meeting} onClose={() => setEditing(false)} />}
    </Card>
  );
}
