/**
 * /tasks/new 登记督办事项 (督查员). Duplicate suggestions appear beside the form (below the content on phones).
 * The submission carries an Idempotency-Key that stays the same for a retry of the same content, so a double click
 * or a lost answer never registers the item twice. On success the new item's page opens.
 */
import { PageContainer } from '../../app/page-container';
import { Alert, App, Button, Card, Col, Form, Grid, Input, Row } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiError } from '../../app/api/api-error';
import { createIdempotencyKeeper } from '../../app/api/idempotency';
import { useApiErrorHandler } from '../../app/api/use-api-error';
import { UnitMultiPicker, UnitPicker } from '../org/unit-picker';
import { LeaderSelect } from './leader-select';
import { SimilarTasks, type RelatedTask } from './similar-tasks';
import { useCreateTask } from './tasks.api';
import { TaskDeadlineFields } from './task-deadline-fields';
import { similarityText, toCreateTaskBody, type TaskFormValues } from './task-form';
import { TaskSourceFields } from './task-source-fields';
import { TaskUrgencyFields } from './task-urgency-fields';

const initialValues: Partial<TaskFormValues> = {
  deadlineMode: 'workingDays',
  urgency: 'normal',
  reportingFrequency: 'monthly',
  cooperatingUnitIds: [],
};

const maxCooperating = 50;

/** The page. */
export function TaskCreatePage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const isWide = Grid.useBreakpoint().lg === true;
  const [form] = Form.useForm<TaskFormValues>();
  const [keeper] = useState(() => createIdempotencyKeeper());
  const [related, setRelated] = useState<RelatedTask | null>(null);
  const create = useCreateTask();
  const handleError = useApiErrorHandler();
  // A second click can arrive before React re-renders with `isPending`; the key would still dedupe it on the server.
  const inFlight = useRef(false);
  const title = Form.useWatch('title', form);
  const content = Form.useWatch('content', form);
  const required = (field: string) => ({ required: true, whitespace: true, message: t('common.required', { field }) });

  const submit = (values: TaskFormValues) => {
    if (inFlight.current) return;
    inFlight.current = true;
    const body = toCreateTaskBody(values, related?.id ?? null);
    create.mutate(
      { body, idempotencyKey: keeper.keyFor(body) },
      {
        onSettled: () => {
          inFlight.current = false;
        },
        onSuccess: (item) => {
          keeper.reset();
          void message.success(t('tasks.registered'));
          void navigate(`/tasks/${item.id}`);
        },
        onError: (error) => {
          if (error instanceof ApiError && error.code === 'IDEMPOTENCY_KEY_REUSED') keeper.reset();
          handleError(error, {
            form,
            codeFields: { TASK_DEADLINE_IN_PAST: 'deadline', TASK_LEAD_UNIT_COOPERATING: 'cooperatingUnitIds' },
          });
        },
      },
    );
  };

  const similar = <SimilarTasks text={similarityText(title, content)} relatedId={related?.id ?? null} onLink={setRelated} />;

  return (
    <PageContainer title={t('menu.taskCreate')} onBack={() => void navigate('/tasks')}>
      <Row gutter={16}>
        <Col xs={24} lg={16}>
          <Card>
            <Form<TaskFormValues> form={form} layout="vertical" initialValues={initialValues} onFinish={submit} scrollToFirstError>
              <Form.Item<TaskFormValues> name="title" label={t('tasks.title')} rules={[required(t('tasks.title'))]}>
                <Input maxLength={200} showCount />
              </Form.Item>
              <TaskSourceFields />
              <Form.Item<TaskFormValues> name="content" label={t('tasks.content')} rules={[required(t('tasks.content'))]}>
                <Input.TextArea autoSize={{ minRows: 4, maxRows: 14 }} maxLength={20_000} />
              </Form.Item>
              {!isWide && similar}
              <Form.Item<TaskFormValues> name="requirements" label={t('tasks.requirements')}>
                <Input.TextArea autoSize={{ minRows: 2, maxRows: 10 }} maxLength={20_000} />
              </Form.Item>
              <TaskDeadlineFields />
              <TaskUrgencyFields />
              <Form.Item<TaskFormValues>
                name="leadUnitId"
                label={t('tasks.leadUnit')}
                rules={[{ required: true, message: t('common.requiredSelect', { field: t('tasks.leadUnit') }) }]}
              >
                <UnitPicker />
              </Form.Item>
              <Form.Item<TaskFormValues>
                name="cooperatingUnitIds"
                label={t('tasks.cooperatingUnits')}
                dependencies={['leadUnitId']}
                rules={[
                  ({ getFieldValue }) => ({
                    validator: (_rule, value: string[] | undefined) => {
                      const lead = getFieldValue('leadUnitId') as string | undefined;
                      if (lead && value?.includes(lead)) return Promise.reject(new Error(t('tasks.leadUnitCooperating')));
                      if (value && value.length > maxCooperating) {
                        return Promise.reject(new Error(t('tasks.tooManyCooperating', { max: maxCooperating })));
                      }
                      return Promise.resolve();
                    },
                  }),
                ]}
              >
                <UnitMultiPicker />
              </Form.Item>
              <Form.Item<TaskFormValues> name="responsibleLeaderId" label={t('tasks.responsibleLeader')}>
                <LeaderSelect />
              </Form.Item>
              {related && (
                <Alert
                  type="info"
                  showIcon
                  title={t('tasks.relatedNotice', { serial: related.serialNumber, title: related.title })}
                  action={
                    <Button size="small" type="link" onClick={() => setRelated(null)}>
                      {t('tasks.unlink')}
                    </Button>
                  }
                  style={{ marginBottom: 16 }}
                />
              )}
              <Button type="primary" htmlType="submit" loading={create.isPending} block={!isWide}>
                {t('tasks.submit')}
              </Button>
            </Form>
          </Card>
        </Col>
        {isWide && (
          <Col lg={8}>
            <div style={{ position: 'sticky', top: 16 }}>{similar}</div>
          </Col>
        )}
      </Row>
    </PageContainer>
  );
}
