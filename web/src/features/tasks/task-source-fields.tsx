/** 来源 and the 来源信息 fields that fit it (文号, 会议, 批示领导, 原文/条款). */
import type { TaskSource } from '@luoshi/contracts';
import { Col, Form, Input, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSourceOptions } from '../source-policies/use-sources';
import { refFieldsOf, type TaskFormValues } from './task-form';

/** Form items inside the 登记 form: the active sources of the registry; the reference fields follow the chosen 来源. */
export function TaskSourceFields() {
  const { t } = useTranslation();
  const sourceOptions = useSourceOptions();
  const form = Form.useFormInstance<TaskFormValues>();
  const source = Form.useWatch('source', form);
  const fields = source ? refFieldsOf(source) : [];
  return (
    <>
      <Form.Item<TaskFormValues>
        name="source"
        label={t('tasks.source')}
        rules={[{ required: true, message: t('common.requiredSelect', { field: t('tasks.source') }) }]}
      >
        <Select<TaskSource> options={sourceOptions} loading={sourceOptions.length === 0} />
      </Form.Item>
      {fields.length > 0 && (
        <Row gutter={12}>
          {fields.map((field) =>
            field === 'clause' ? (
              <Col key={field} xs={24}>
                <Form.Item name={['sourceRef', field]} label={t(`tasks.sourceRefFields.${field}`)}>
                  <Input.TextArea
                    autoSize={{ minRows: 2, maxRows: 8 }}
                    maxLength={20_000}
                    placeholder={t(`tasks.sourceRefPlaceholders.${field}`)}
                  />
                </Form.Item>
              </Col>
            ) : (
              <Col key={field} xs={24} md={12}>
                <Form.Item name={['sourceRef', field]} label={t(`tasks.sourceRefFields.${field}`)}>
                  <Input
                    maxLength={field === 'meeting' ? 200 : field === 'leaderName' ? 64 : 100}
                    placeholder={t(`tasks.sourceRefPlaceholders.${field}`)}
                  />
                </Form.Item>
              </Col>
            ),
          )}
        </Row>
      )}
    </>
  );
}
