/** 紧急程度 (一般/急件/特急) and 报送频次, side by side on wider screens. */
import { reportingFrequencySchema, urgencyLabels, urgencySchema } from '@luoshi/contracts';
import { Col, Form, Radio, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAppLocale } from '../../app/i18n/i18n';
import type { TaskFormValues } from './task-form';

/** Form items inside the 登记 form. */
export function TaskUrgencyFields() {
  const { t } = useTranslation();
  const locale = useAppLocale();
  return (
    <Row gutter={12}>
      <Col xs={24} md={12}>
        <Form.Item<TaskFormValues> name="urgency" label={t('tasks.urgency')}>
          <Radio.Group
            optionType="button"
            options={urgencySchema.options.map((value) => ({ value, label: urgencyLabels[value][locale] }))}
          />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item<TaskFormValues> name="reportingFrequency" label={t('tasks.reportingFrequency')}>
          <Select options={reportingFrequencySchema.options.map((value) => ({ value, label: t(`tasks.reportingFrequencies.${value}`) }))} />
        </Form.Item>
      </Col>
    </Row>
  );
}
