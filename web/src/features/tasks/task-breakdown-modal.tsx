/**
 * 分解子事项: several rows (lead unit; optionally title, deadline no later than the parent's, weight), 立即交办 and the
 * roll-up mode, sent at once as one all-or-nothing request. The Idempotency-Key stays the same while the input does,
 * so a double click or a retry creates the sub-items once; server field errors (`items.1.deadline`) land on their row.
 */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, DatePicker, Form, Input, InputNumber, Modal, Radio, Row, Switch, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api/api-error';
import { createIdempotencyKeeper } from '../../app/api/idempotency';
import { useApiErrorHandler } from '../../app/api/use-api-error';
import { UnitPicker } from '../org/unit-picker';
import { useBreakDown, type TaskDetail } from './tasks.api';
import { initialBreakdownValues, isAfterParentDeadline, rollupModes, toBreakdownBody, type BreakdownFormValues } from './task-breakdown';
import { beijingToday } from './task-format';

const maxRows = 50;

/** The modal for `parent`; mount it fresh per opening. */
export function TaskBreakdownModal({ parent, onClose }: { parent: TaskDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<BreakdownFormValues>();
  const [keeper] = useState(() => createIdempotencyKeeper());
  const breakDown = useBreakDown(parent.id);
  const handleError = useApiErrorHandler();
  const inFlight = useRef(false);
  const rollupMode = Form.useWatch('rollupMode', form) ?? parent.rollupMode;
  const today = beijingToday();

  const outOfRange = (day: Dayjs) => {
    const date = day.format('YYYY-MM-DD');
    return date < today || isAfterParentDeadline(date, parent.deadline);
  };

  const send = (values: BreakdownFormValues) => {
    if (inFlight.current) return;
    inFlight.current = true;
    const body = toBreakdownBody(values);
    breakDown.mutate(
      { body, idempotencyKey: keeper.keyFor(body) },
      {
        onSettled: () => {
          inFlight.current = false;
        },
        onSuccess: (answer) => {
          void message.success(t('subtasks.done', { count: answer.items.length }));
          onClose();
        },
        onError: (error) => {
          if (error instanceof ApiError && error.code === 'IDEMPOTENCY_KEY_REUSED') keeper.reset();
          handleError(error, { form });
          if (error instanceof ApiError && [403, 404, 409].includes(error.status)) onClose();
        },
      },
    );
  };

  return (
    <Modal
      open
      width={800}
      title={`${t('subtasks.breakDown')} · ${parent.serialNumber}`}
      okText={t('subtasks.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={breakDown.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('subtasks.hint')}</Typography.Paragraph>
      <Form<BreakdownFormValues> form={form} layout="vertical" onFinish={send} initialValues={initialBreakdownValues(parent)}>
        <Form.List name="items">
          {(rows, { add, remove }) => (
            <>
              {rows.map((row, index) => (
                <Card
                  key={row.key}
                  size="small"
                  type="inner"
                  style={{ marginBottom: 12 }}
                  title={t('subtasks.row', { index: index + 1 })}
                  extra={
                    rows.length > 1 && (
                      <Button
                        type="text"
                        danger
                        size="small"
                        icon={<DeleteOutlined />}
                        aria-label={t('subtasks.removeRow')}
                        onClick={() => remove(row.name)}
                      />
                    )
                  }
                >
                  <Row gutter={12}>
                    <Col xs={24} md={12}>
                      <Form.Item
                        name={[row.name, 'leadUnitId']}
                        label={t('subtasks.leadUnit')}
                        rules={[{ required: true, message: t('common.requiredSelect', { field: t('subtasks.leadUnit') }) }]}
                      >
                        <UnitPicker />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={12}>
                      <Form.Item name={[row.name, 'title']} label={t('subtasks.itemTitle')}>
                        <Input maxLength={200} placeholder={t('subtasks.titlePlaceholder')} />
                      </Form.Item>
                    </Col>
                    <Col xs={rollupMode === 'weighted' ? 16 : 24} md={12}>
                      <Form.Item
                        name={[row.name, 'deadline']}
                        label={t('subtasks.deadline')}
                        extra={parent.deadline ? t('subtasks.deadlineAfterParent', { deadline: parent.deadline }) : undefined}
                      >
                        <DatePicker
                          style={{ width: '100%' }}
                          disabledDate={outOfRange}
                          placeholder={
                            parent.deadline
                              ? t('subtasks.deadlinePlaceholder', { deadline: parent.deadline })
                              : t('subtasks.deadlineDefault')
                          }
                        />
                      </Form.Item>
                    </Col>
                    {rollupMode === 'weighted' && (
                      <Col xs={8} md={6}>
                        <Form.Item
                          name={[row.name, 'weight']}
                          label={t('subtasks.weight')}
                          rules={[{ required: true, message: t('common.required', { field: t('subtasks.weight') }) }]}
                        >
                          <InputNumber min={1} max={1000} precision={0} style={{ width: '100%' }} />
                        </Form.Item>
                      </Col>
                    )}
                  </Row>
                </Card>
              ))}
              <Button
                type="dashed"
                block
                icon={<PlusOutlined />}
                disabled={rows.length >= maxRows}
                onClick={() => add({ weight: 1 })}
                style={{ marginBottom: 16 }}
              >
                {t('subtasks.addRow')}
              </Button>
            </>
          )}
        </Form.List>
        <Row gutter={12}>
          <Col xs={24} md={8}>
            <Form.Item name="assignNow" label={t('subtasks.assignNow')} valuePropName="checked" extra={t('subtasks.assignNowHint')}>
              <Switch />
            </Form.Item>
          </Col>
          <Col xs={24} md={16}>
            <Form.Item name="rollupMode" label={t('subtasks.rollupMode')} extra={t(`subtasks.rollupHints.${rollupMode}`)}>
              <Radio.Group
                optionType="button"
                options={rollupModes.map((mode) => ({ value: mode, label: t(`subtasks.rollupModes.${mode}`) }))}
              />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
