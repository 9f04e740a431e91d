/**
 * /roadmap 路线图: the timetable of a programme — the top-level items of one source (政府工作报告 by default) — as a
 * Gantt with 序时进度 against actual progress per row; a row opens its item. The chosen source stays in the URL
 * (`?source=`), so a view can be bookmarked or sent on. Progress and lights move on the chart as reports and roll-ups come
 * in (server-sent events), like the ledger and the cockpit.
 */
import { PageContainer } from '../../app/page-container';
import { taskSourceSchema, type TaskSource } from '@luoshi/contracts';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Select, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { errorText } from '../../app/api/errors';
import { useAppLocale } from '../../app/i18n/i18n';
import { useLiveRefresh } from '../../app/live';
import { useSourceOptions } from '../source-policies/use-sources';
import { GanttChart } from './gantt-chart';
import { isBehindPlan } from './gantt-geometry';
import { programmeRoadmapQuery } from './roadmap.api';

const defaultSource: TaskSource = 'work_report';

/** A source code from the URL (the registry decides whether it has items; an unknown one shows none). */
function isSource(value: string | null): value is TaskSource {
  return value !== null && taskSourceSchema.safeParse(value).success;
}

/** The page. */
export function RoadmapPage() {
  const { t } = useTranslation();
  const locale = useAppLocale();
  const sourceOptions = useSourceOptions({ includeInactive: true });
  const [params, setParams] = useSearchParams();
  const requested = params.get('source');
  const source = isSource(requested) ? requested : defaultSource;
  const roadmap = useQuery(programmeRoadmapQuery(source));
  useLiveRefresh(['tasks', 'roadmap']);

  let body;
  if (roadmap.isPending) {
    body = <Skeleton active paragraph={{ rows: 6 }} />;
  } else if (roadmap.isError) {
    body = (
      <Alert
        type="error"
        showIcon
        title={errorText(roadmap.error, locale)}
        action={<Button onClick={() => void roadmap.refetch()}>{t('common.retry')}</Button>}
      />
    );
  } else {
    const { items, today, truncated } = roadmap.data;
    const behind = items.filter(isBehindPlan).length;
    const red = items.filter((row) => row.warning === 'red').length;
    body = (
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">{t('roadmap.programmeSummary', { count: items.length, behind, red })}</Typography.Text>
        {truncated && <Alert type="info" showIcon title={t('roadmap.truncated', { count: items.length })} />}
        <GanttChart rows={items} today={today} />
      </Flex>
    );
  }

  return (
    <PageContainer title={t('roadmap.title')} content={<Typography.Text type="secondary">{t('roadmap.intro')}</Typography.Text>}>
      <Card size="small">
        <Flex vertical gap={12}>
          <Flex gap={8} align="center" wrap>
            <Typography.Text>{t('roadmap.source')}</Typography.Text>
            <Select<TaskSource>
              value={source}
              onChange={(next) => setParams(next === defaultSource ? {} : { source: next }, { replace: true })}
              options={sourceOptions}
              style={{ minWidth: 200 }}
              aria-label={t('roadmap.source')}
            />
          </Flex>
          {body}
        </Flex>
      </Card>
    </PageContainer>
  );
}
