/**
 * /tasks/:id the item page: the light, progress and any pending 暂停/中止/撤销 at the top, facts, 督办内容 / 办理要求 /
 * 来源信息, 子事项 and 路线图, the actions this reader may take now, and the 时间线. An action's answer is the whole item, which replaces the page's data at once.
 */
import { PageContainer } from '../../app/page-container';
import { taskRoutes, type TaskAction } from '@luoshi/contracts';
import { useQuery } from '@tanstack/react-query';
import { FileWordOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Empty, Flex, Row, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { ApiError } from '../../app/api/api-error';
import { routeUrl } from '../../app/api/client';
import { errorText } from '../../app/api/errors';
import { useAppLocale } from '../../app/i18n/i18n';
import { PageLoading } from '../../app/page-states';
import { CooperationSection } from '../cooperation/cooperation-section';
import { ExtensionSection } from '../extensions/extension-section';
import { InstructionSection } from '../instructions/instruction-section';
import { TaskRoadmapSection } from '../roadmap/task-roadmap-section';
import { TaskReportsSection } from '../reports/task-reports-section';
import { ReportNowButton, useCanReport } from '../reports/report-now';
import { taskQuery, type TaskDetail } from './tasks.api';
import { TaskActionBar } from './task-action-bar';
import { refFieldsOf } from './task-form';
import { PendingChangeBanner, TaskStatusLine } from './task-status-panel';
import { TaskSubtasksSection } from './task-subtasks-section';
import { TaskStatusTag } from './task-tags';
import { TaskSummary } from './task-summary';
import { TaskTimeline } from './task-timeline';
import { useLiveRefresh } from '../../app/live';
import { lazyDialog } from '../../app/lazy-dialog';

/** Its dialogs load on first open (`lazyDialog`), not with the page. */
const TaskActionModal = lazyDialog(() => import('./task-action-modal').then((m) => m.TaskActionModal));

function TextSection({ title, text }: { title: string; text: string }) {
  return (
    <Card size="small" title={title}>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{text}</Typography.Paragraph>
    </Card>
  );
}

function SourceRefSection({ item }: { item: TaskDetail }) {
  const { t } = useTranslation();
  const own = refFieldsOf(item.source);
  const entries = own
    .concat((['documentNumber', 'meeting', 'leaderName', 'clause'] as const).filter((field) => !own.includes(field)))
    .flatMap((field) => (item.sourceRef[field] ? [{ field, value: item.sourceRef[field] }] : []));
  if (entries.length === 0) return null;
  return (
    <Card size="small" title={t('tasks.sections.sourceRef')}>
      <Flex vertical gap={8}>
        {entries.map(({ field, value }) => (
          <div key={field}>
            <Typography.Text type="secondary">{t(`tasks.sourceRefFields.${field}`)}</Typography.Text>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{value}</Typography.Paragraph>
          </div>
        ))}
      </Flex>
    </Card>
  );
}

/**
 * The actions, first on the page (right under the status line, within a phone's first screen): 报送进展 when the
 * reader may report, then the lifecycle steps the server allows (签收, 申请办结 …).
 */
function TaskActions({ item, onPick }: { item: TaskDetail; onPick: (action: TaskAction) => void }) {
  const { t } = useTranslation();
  const canReport = useCanReport(item);
  return (
    <Card size="small" style={{ marginBottom: 16 }}>
      {item.allowedActions.length > 0 || canReport ? (
        <TaskActionBar
          actions={item.allowedActions}
          pendingChange={item.pendingChange}
          onPick={onPick}
          leading={canReport ? <ReportNowButton task={item} /> : null}
        />
      ) : (
        <Typography.Text type="secondary">{t('tasks.noActions')}</Typography.Text>
      )}
    </Card>
  );
}

/** The page. */
export function TaskDetailPage() {
  const { t } = useTranslation();
  const locale = useAppLocale();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const location = useLocation();
  const detail = useQuery(taskQuery(id));
  // Another clerk's step, a report at a county or a roll-up shows here without reloading.
  useLiveRefresh(['tasks']);
  const [acting, setActing] = useState<{ action: TaskAction; opening: number } | null>(null);
  const canAct = (detail.data?.allowedActions.length ?? 0) > 0;
  // Acting is the usual next step here: its dialog is fetched once the page is up, so it opens at once.
  useEffect(() => {
    if (canAct) TaskActionModal.preload();
  }, [canAct]);
  // The first page of a fresh tab has no in-app history to go back to.
  const back = () => void (location.key === 'default' ? navigate('/tasks') : navigate(-1));

  if (detail.isPending) {
    return <PageLoading />;
  }
  if (detail.isError) {
    const isMissing = detail.error instanceof ApiError && detail.error.status === 404;
    return (
      <PageContainer title={t('menu.tasks')} onBack={back}>
        {isMissing ? (
          <Empty description={t('tasks.notFound')}>
            <Link to="/tasks">
              <Button type="primary">{t('tasks.backToList')}</Button>
            </Link>
          </Empty>
        ) : (
          <Alert
            type="error"
            showIcon
            title={errorText(detail.error, locale)}
            action={<Button onClick={() => void detail.refetch()}>{t('common.retry')}</Button>}
          />
        )}
      </PageContainer>
    );
  }

  const item = detail.data;
  return (
    <PageContainer
      title={<span style={{ whiteSpace: 'normal' }}>{item.title}</span>}
      onBack={back}
      tags={<TaskStatusTag status={item.status} />}
      content={
        <Flex vertical gap={8}>
          <Typography.Text type="secondary">{item.serialNumber}</Typography.Text>
          <TaskStatusLine item={item} />
        </Flex>
      }
    >
      <PendingChangeBanner item={item} />
      <TaskActions item={item} onPick={(action) => setActing({ action, opening: Date.now() })} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <Flex vertical gap={16}>
            <Card
              size="small"
              title={t('tasks.sections.basic')}
              extra={
                // 督办通知单 / 催办通知单 in the GB/T 9704 layout, straight from the server (Word documents).
                <Flex gap={4} wrap>
                  <Button
                    size="small"
                    icon={<FileWordOutlined />}
                    href={routeUrl(taskRoutes.assignmentNotice, { params: { id: item.id } })}
                  >
                    {t('tasks.assignmentNotice')}
                  </Button>
                  {item.urgeCount > 0 && (
                    <Button size="small" icon={<FileWordOutlined />} href={routeUrl(taskRoutes.urgeNotice, { params: { id: item.id } })}>
                      {t('tasks.urgeNotice')}
                    </Button>
                  )}
                </Flex>
              }
            >
              <TaskSummary item={item} />
            </Card>
            <TextSection title={t('tasks.sections.content')} text={item.content} />
            {item.requirements && <TextSection title={t('tasks.sections.requirements')} text={item.requirements} />}
            <SourceRefSection item={item} />
            <TaskSubtasksSection item={item} />
            <TaskRoadmapSection item={item} />
            <InstructionSection item={item} />
            <ExtensionSection item={item} />
            <CooperationSection item={item} />
            <TaskReportsSection task={item} />
          </Flex>
        </Col>
        <Col xs={24} xl={9}>
          <Card size="small" title={t('tasks.sections.timeline')}>
            <TaskTimeline events={item.timeline} />
          </Card>
        </Col>
      </Row>
      {acting && (
        <TaskActionModal
          key={acting.opening}
          item={item}
          action={acting.action}
          onClose={() => setActing(null)}
          onStale={() => void detail.refetch()}
        />
      )}
    </PageContainer>
  );
}
