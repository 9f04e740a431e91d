/**
 * 通知设置: which channels besides the in-app centre (e-mail, SMS) with their addresses, quiet hours (e-mail and
 * SMS wait until they end) and the daily digest. Fewer interruptions is the default.
 */
import type { NotificationPreferences } from '@luoshi/contracts';
import { useQuery } from '@tanstack/react-query';
import { App, Button, Checkbox, Form, Input, Spin, Switch, TimePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../app/api/use-api-error';
import { preferencesQuery, useUpdatePreferences } from './notifications.api';

type Values = {
  channels: ('email' | 'sms')[];
  email?: string;
  phone?: string;
  quiet: boolean;
  quietRange?: [Dayjs, Dayjs];
  digest: boolean;
};

const HHMM = 'HH:mm';

/** Today at `hh:mm` (only the time of day matters to the picker). */
function atTime(hhmm: string): Dayjs {
  const [h = 0, m = 0] = hhmm.split(':').map(Number);
  return dayjs().hour(h).minute(m).second(0);
}

function toValues(prefs: NotificationPreferences): Values {
  return {
    channels: prefs.channels,
    email: prefs.email ?? undefined,
    phone: prefs.phone ?? undefined,
    quiet: !!prefs.quietHours,
    quietRange: prefs.quietHours ? [atTime(prefs.quietHours.from), atTime(prefs.quietHours.to)] : undefined,
    digest: prefs.digest,
  };
}

function PreferencesForm({ initial }: { initial: NotificationPreferences }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useUpdatePreferences();
  const handleError = useApiErrorHandler();
  const channels = Form.useWatch('channels', form) ?? initial.channels;
  const quiet = Form.useWatch('quiet', form) ?? !!initial.quietHours;

  const submit = (values: Values) => {
    const range = values.quiet ? values.quietRange : undefined;
    save.mutate(
      {
        channels: values.channels,
        email: values.email?.trim() || null,
        phone: values.phone?.trim() || null,
        quietHours: range ? { from: range[0].format(HHMM), to: range[1].format(HHMM) } : null,
        digest: values.digest,
      },
      {
        onSuccess: () => void message.success(t('common.saved')),
        onError: (error) => handleError(error, { form }),
      },
    );
  };

  return (
    <Form form={form} layout="vertical" initialValues={toValues(initial)} onFinish={submit} requiredMark={false}>
      <Form.Item name="channels" label={t('notifications.channels')} extra={t('notifications.channelsHint')}>
        <Checkbox.Group
          options={[
            { value: 'email', label: t('notifications.email') },
            { value: 'sms', label: t('notifications.sms') },
          ]}
        />
      </Form.Item>
      {channels.includes('email') ? (
        <Form.Item
          name="email"
          label={t('notifications.emailAddress')}
          rules={[{ required: true, type: 'email', message: t('common.required', { field: t('notifications.emailAddress') }) }]}
        >
          <Input type="email" autoComplete="email" />
        </Form.Item>
      ) : null}
      {channels.includes('sms') ? (
        <Form.Item
          name="phone"
          label={t('notifications.phone')}
          rules={[{ required: true, pattern: /^\+?\d{5,20}$/, message: t('common.required', { field: t('notifications.phone') }) }]}
        >
          <Input type="tel" autoComplete="tel" />
        </Form.Item>
      ) : null}
      <Form.Item name="quiet" label={t('notifications.quietHours')} valuePropName="checked" extra={t('notifications.quietHint')}>
        <Switch />
      </Form.Item>
      {quiet ? (
        <Form.Item name="quietRange" rules={[{ required: true, message: t('common.required', { field: t('notifications.quietHours') }) }]}>
          <TimePicker.RangePicker format={HHMM} order={false} minuteStep={5} />
        </Form.Item>
      ) : null}
      <Form.Item name="digest" label={t('notifications.digest')} valuePropName="checked" extra={t('notifications.digestHint')}>
        <Switch />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={save.isPending}>
        {t('common.save')}
      </Button>
    </Form>
  );
}

export function NotificationPreferencesForm() {
  const prefs = useQuery(preferencesQuery());
  if (!prefs.data) return <Spin />;
  return <PreferencesForm initial={prefs.data} />;
}
