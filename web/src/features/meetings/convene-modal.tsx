/** 召开会议: the convening government (default: the user's own), the type, the date and when materials are due. */
import type { MeetingDetail } from '@luoshi/contracts';
import { useQuery } from '@tanstack/react-query';
import { DatePicker, Form, Input, InputNumber, Modal, Select, type FormProps } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../app/api/use-api-error';
import { useAppLocale } from '../../app/i18n/i18n';
import { useCurrentUser } from '../../app/session';
import { UnitPicker } from '../org/unit-picker';
import { meetingTypesQuery, useConvene } from './meetings.api';

type Values = {
  governmentUnitId: string;
  type: string;
  heldOn: Dayjs;
  startTime?: string;
  location?: string;
  materialsWorkingDays?: number;
};

export function ConveneModal({
  open,
  onClose,
  onConvened,
}: {
  open: boolean;
  onClose: () => void;
  onConvened: (m: MeetingDetail) => void;
}) {
  const { t } = useTranslation();
  const locale = useAppLocale();
  const user = useCurrentUser();
  const [form] = Form.useForm<Values>();
  const types = useQuery(meetingTypesQuery());
  const convene = useConvene();
  const onError = useApiErrorHandler();
  const submit: FormProps<Values>['onFinish'] = (values) =>
    convene.mutate(
      {
        governmentUnitId: values.governmentUnitId,
        type: values.type,
        heldOn: values.heldOn.format('YYYY-MM-DD'),
        ...(values.startTime ? { startTime: values.startTime } : {}),
        ...(values.location ? { location: values.location } : {}),
        ...(values.materialsWorkingDays !== undefined && values.materialsWorkingDays !== null
          ? { materialsWorkingDays: values.materialsWorkingDays }
          : {}),
      },
      { onSuccess: (meeting) => onConvened(meeting), onError: (error) => onError(error, { form }) },
    );
  return (
    <Modal
      open={open}
      title={t('meetings.convene')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('meetings.convene')}
      confirmLoading={convene.isPending}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ governmentUnitId: user.scopeUnitId, type: 'executive' }}
      >
        <Form.Item name="governmentUnitId" label={t('meetings.government')} rules={[{ required: true }]}>
          <UnitPicker />
        </Form.Item>
        <Form.Item name="type" label={t('meetings.type')} rules={[{ required: true }]}>
          <Select
            options={(types.data ?? [])
              .filter((ty) => ty.active)
              .map((ty) => ({ value: ty.code, label: locale === 'en' ? ty.nameEn : ty.nameZh }))}
          />
        </Form.Item>
        <Form.Item name="heldOn" label={t('meetings.heldOn')} rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="startTime" label={t('meetings.startTime')} rules={[{ pattern: /^([01]\d|2[0-3]):[0-5]\d$/, message: 'HH:MM' }]}>
          <Input placeholder="09:00" />
        </Form.Item>
        <Form.Item name="location" label={t('meetings.location')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="materialsWorkingDays" label={t('meetings.materialsWorkingDays')}>
          <InputNumber min={0} max={30} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
