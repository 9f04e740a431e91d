/**
 * 已开展的协调 — 协调会, 电话沟通 or 函商, each with its date and a short note. A request reaches the responsible
 * leader only with at least one on record, so the forms make adding them a matter of one click per attempt.
 */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { coordinationAttemptKindLabels, coordinationAttemptKindSchema } from '@luoshi/contracts';
import { Button, DatePicker, Flex, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useAppLocale } from '../../app/i18n/i18n';
import { beijingToday } from '../tasks/task-format';
import type { CoordinationAttempt } from './cooperation.api';

/** One attempt as the form holds it. */
export type AttemptValues = { kind: CoordinationAttempt['kind']; date: Dayjs; note: string };

/** Form values to the request body. */
export function toAttempts(values: readonly AttemptValues[] | undefined): CoordinationAttempt[] {
  return (values ?? []).map(({ kind, date, note }) => ({ kind, date: date.format('YYYY-MM-DD'), note: note.trim() }));
}

const kinds = coordinationAttemptKindSchema.options;
const isFuture = (day: Dayjs) => day.format('YYYY-MM-DD') > beijingToday();

/**
 * The editable list under the form field `attempts`. With `minimum` 1 the list cannot be sent empty (报分管领导协调
 * without any coordination on record is refused by the server).
 */
export function AttemptsField({ minimum = 0, label, extra }: { minimum?: number; label: string; extra?: string }) {
  const { t } = useTranslation();
  const locale = useAppLocale();
  return (
    <Form.List
      name="attempts"
      rules={[
        {
          validator: (_rule, value: unknown[] | undefined) =>
            (value?.length ?? 0) < minimum ? Promise.reject(new Error(t('cooperation.attemptsRequired'))) : Promise.resolve(),
        },
      ]}
    >
      {(fields, { add, remove }, { errors }) => (
        <Form.Item label={label} extra={extra} required={minimum > 0}>
          <Flex vertical gap={8}>
            {fields.map((field, index) => (
              <Flex
                key={field.key}
                gap={8}
                wrap
                align="start"
                style={{ padding: 8, border: '1px solid rgba(5,5,5,0.06)', borderRadius: 6 }}
                aria-label={t('cooperation.attemptNumber', { number: index + 1 })}
                role="group"
              >
                <Form.Item
                  name={[field.name, 'kind']}
                  rules={[{ required: true, message: t('common.requiredSelect', { field: t('cooperation.attemptKind') }) }]}
                  style={{ marginBottom: 0, width: 120 }}
                >
                  <Select
                    aria-label={t('cooperation.attemptKind')}
                    placeholder={t('cooperation.attemptKind')}
                    options={kinds.map((kind) => ({ value: kind, label: coordinationAttemptKindLabels[kind][locale] }))}
                  />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'date']}
                  rules={[{ required: true, message: t('common.requiredSelect', { field: t('cooperation.attemptDate') }) }]}
                  style={{ marginBottom: 0, width: 150 }}
                >
                  <DatePicker disabledDate={isFuture} placeholder={t('cooperation.attemptDate')} style={{ width: '100%' }} />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'note']}
                  rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('cooperation.attemptNote') }) }]}
                  style={{ marginBottom: 0, flex: '1 1 200px' }}
                >
                  <Input maxLength={500} placeholder={t('cooperation.attemptNotePlaceholder')} aria-label={t('cooperation.attemptNote')} />
                </Form.Item>
                <Button
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={t('common.remove')}
                  title={t('common.remove')}
                  onClick={() => remove(field.name)}
                />
              </Flex>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ kind: 'meeting', date: dayjs(beijingToday()) })} block>
              {t('cooperation.addAttempt')}
            </Button>
            <Form.ErrorList errors={errors} />
          </Flex>
        </Form.Item>
      )}
    </Form.List>
  );
}
