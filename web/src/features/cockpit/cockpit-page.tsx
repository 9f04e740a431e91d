/**
 * /cockpit 领导驾驶舱: the state of the supervised items in the reader's scope at a glance — cards, status, a map of
 * the 州市, the departments and the last twelve months. Built for a phone between meetings as much as for a desk:
 * the cards wrap two to a row, the charts stack. Every figure is a link into the ledger, filtered to its items. The
 * charts (ECharts and the map shapes) load after the figures, as their own chunk. The figures refresh by themselves
 * when an item in scope changes (server-sent events).
 */
import { PageContainer } from '../../app/page-container';
import { taskStatusValues, type CockpitArea, type CockpitSummary, type TaskStatus } from '@luoshi/contracts';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Empty, Flex, Grid, Row, Segmented, Skeleton, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { lazy, Suspense, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { errorText } from '../../app/api/errors';
import { useAppLocale } from '../../app/i18n/i18n';
import { useLiveRefresh } from '../../app/live';
import { useCurrentUser } from '../../app/session';
import { statusLabel, taskStatusColours } from '../tasks/task-format';
import { cockpitQuery, cockpitQueryKey } from './cockpit.api';
import type { MapMetric } from './cockpit-charts';
import { completedThisYearUrl, groupUrl, ledgerUrl, warningUrl } from './ledger-links';
import { prefectureShortNames } from './prefecture-names';

const charts = () => import('./cockpit-charts');
const YunnanMap = lazy(() => charts().then((m) => ({ default: m.YunnanMap })));
const DepartmentBars = lazy(() => charts().then((m) => ({ default: m.DepartmentBars })));
const MonthLines = lazy(() => charts().then((m) => ({ default: m.MonthLines })));

const cardStyle = { height: '100%' } as const;
const figureColours = { red: '#cf1322', yellow: '#d48806', completed: '#389e0d' } as const;

function ChartSlot({ height, children }: { height: number; children: ReactNode }) {
  return <Suspense fallback={<Skeleton.Node active style={{ width: '100%', height }} />}>{children}</Suspense>;
}

/** One headline figure; the whole card is the link. */
function Figure({ label, value, to, colour, hint }: { label: string; value: number; to: string; colour?: string; hint?: string }) {
  return (
    <Link to={to} aria-label={`${label} ${value}`} style={{ color: 'inherit' }}>
      <Card size="small" hoverable style={cardStyle} styles={{ body: { padding: '12px 16px' } }}>
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
          {label}
        </Typography.Text>
        <div style={{ fontSize: 28, fontWeight: 600, lineHeight: 1.3, color: colour, fontVariantNumeric: 'tabular-nums' }}>{value}</div>
        {hint && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {hint}
          </Typography.Text>
        )}
      </Card>
    </Link>
  );
}

function Figures({ summary }: { summary: CockpitSummary }) {
  const { t } = useTranslation();
  return (
    <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(132px, 1fr))', gap: 12 }}>
      <Figure label={t('cockpit.total')} value={summary.total} to={groupUrl('total')} hint={t('cockpit.totalHint')} />
      <Figure label={t('cockpit.open')} value={summary.open} to={groupUrl('open')} />
      <Figure label={t('cockpit.red')} value={summary.byWarning.red} to={warningUrl('red')} colour={figureColours.red} />
      <Figure label={t('cockpit.yellow')} value={summary.byWarning.yellow} to={warningUrl('yellow')} colour={figureColours.yellow} />
      <Figure
        label={t('cockpit.completedThisYear')}
        value={summary.completedThisYear}
        to={completedThisYearUrl(summary.today)}
        colour={figureColours.completed}
      />
    </div>
  );
}

/** Statuses with items, each a tag linking to them; drafts are shown too (the 督查室's own queue). */
function Statuses({ summary }: { summary: CockpitSummary }) {
  const locale = useAppLocale();
  const shown = summary.byStatus.filter((s) => s.count > 0);
  if (shown.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  const order = (s: TaskStatus) => taskStatusValues.indexOf(s);
  return (
    <Flex wrap gap={8}>
      {shown
        .sort((a, b) => order(a.status) - order(b.status))
        .map((s) => (
          <Link key={s.status} to={ledgerUrl({ status: [s.status] })}>
            <Tag color={taskStatusColours[s.status]} style={{ fontSize: 14, padding: '4px 10px', margin: 0, cursor: 'pointer' }}>
              {statusLabel(s.status, locale)} <b style={{ fontVariantNumeric: 'tabular-nums' }}>{s.count}</b>
            </Tag>
          </Link>
        ))}
    </Flex>
  );
}

/** The 州市 (and 省直部门) as a table of links: the map's figures in words, and what a phone reads best. */
function AreaTable({ areas, narrow }: { areas: readonly CockpitArea[]; narrow: boolean }) {
  const { t } = useTranslation();
  const name = (a: CockpitArea) => {
    if (a.kind === 'provincial_departments') return t('cockpit.provincialDepartments');
    return (narrow && a.divisionCode && prefectureShortNames[a.divisionCode]) || a.name;
  };
  const width = narrow ? 54 : 64;
  /** Count columns are narrow: their headings must not break inside a word. */
  const noWrap = () => ({ style: { whiteSpace: 'nowrap' as const } });
  /** A count linking to its items; the 省直部门 group has no single unit to filter by, so its counts are plain. */
  const cell = (a: CockpitArea, value: number, to: string, colour?: string) =>
    a.unitId && value > 0 ? (
      <Link to={to} style={{ color: colour }}>
        {value}
      </Link>
    ) : (
      <span style={{ color: value > 0 ? colour : undefined }}>{value}</span>
    );
  const columns: TableColumnsType<CockpitArea> = [
    { title: t('cockpit.areaName'), key: 'name', render: (_v, a) => name(a), ellipsis: true },
    {
      title: t('cockpit.areaTotal'),
      key: 'total',
      align: 'right',
      onHeaderCell: noWrap,
      width,
      render: (_v, a) => cell(a, a.total, groupUrl('total', a.unitId)),
    },
    {
      title: t('cockpit.areaOpen'),
      key: 'open',
      align: 'right',
      onHeaderCell: noWrap,
      width,
      render: (_v, a) => cell(a, a.open, groupUrl('open', a.unitId)),
    },
    {
      title: t('cockpit.areaRed'),
      key: 'red',
      align: 'right',
      onHeaderCell: noWrap,
      width,
      render: (_v, a) => cell(a, a.red, warningUrl('red', a.unitId), figureColours.red),
    },
    {
      title: t('cockpit.areaCompleted'),
      key: 'completed',
      align: 'right',
      onHeaderCell: noWrap,
      width,
      render: (_v, a) => cell(a, a.completed, groupUrl('completed', a.unitId)),
    },
  ];
  return (
    <Table<CockpitArea>
      rowKey={(a) => a.unitId ?? a.kind}
      size="small"
      columns={columns}
      dataSource={[...areas]}
      pagination={false}
      scroll={{ y: 380 }}
    />
  );
}

/** The page. */
export function CockpitPage() {
  const { t } = useTranslation();
  const locale = useAppLocale();
  const user = useCurrentUser();
  const isNarrow = Grid.useBreakpoint().md === false;
  const [mapMetric, setMapMetric] = useState<MapMetric>('open');
  const cockpit = useQuery(cockpitQuery());
  useLiveRefresh(cockpitQueryKey);
  const summary = cockpit.data;
  const mapHeight = isNarrow ? 320 : 420;
  const chartHeight = isNarrow ? 280 : 340;
  const hasPrefectures = !!summary?.byArea.some((a) => a.kind === 'prefecture' && a.divisionCode);

  return (
    <PageContainer
      title={t('cockpit.title')}
      content={
        summary && (
          <Typography.Text type="secondary">{t('cockpit.intro', { scope: user.scopeUnitName, date: summary.today })}</Typography.Text>
        )
      }
    >
      {cockpit.isError && (
        <Alert
          type="error"
          showIcon
          title={errorText(cockpit.error, locale)}
          action={<Button onClick={() => void cockpit.refetch()}>{t('common.retry')}</Button>}
          style={{ marginBottom: 12 }}
        />
      )}
      {!summary ? (
        cockpit.isPending && <Skeleton active paragraph={{ rows: 8 }} />
      ) : (
        <Flex vertical gap={16}>
          <Figures summary={summary} />
          <Card size="small" title={t('cockpit.byStatus')}>
            <Statuses summary={summary} />
          </Card>
          <Row gutter={[16, 16]}>
            {hasPrefectures && (
              <Col xs={24} xl={14}>
                <Card
                  size="small"
                  title={t('cockpit.map')}
                  style={cardStyle}
                  extra={
                    <Segmented<MapMetric>
                      size="small"
                      value={mapMetric}
                      onChange={(value) => setMapMetric(value)}
                      options={[
                        { value: 'open', label: t('cockpit.mapMetricOpen') },
                        { value: 'red', label: t('cockpit.mapMetricRed') },
                      ]}
                    />
                  }
                >
                  <ChartSlot height={mapHeight}>
                    <YunnanMap areas={summary.byArea} metric={mapMetric} height={mapHeight} />
                  </ChartSlot>
                </Card>
              </Col>
            )}
            <Col xs={24} xl={hasPrefectures ? 10 : 24}>
              <Card size="small" title={t('cockpit.areas')} style={cardStyle} styles={{ body: { padding: 0 } }}>
                <AreaTable areas={summary.byArea} narrow={isNarrow} />
              </Card>
            </Col>
          </Row>
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={12}>
              <Card size="small" title={t('cockpit.byDepartment', { count: summary.byDepartment.length })} style={cardStyle}>
                {summary.byDepartment.length === 0 ? (
                  <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('cockpit.noDepartments')} />
                ) : (
                  <ChartSlot height={chartHeight}>
                    <DepartmentBars
                      departments={summary.byDepartment}
                      height={Math.max(chartHeight, 28 * summary.byDepartment.length + 60)}
                    />
                  </ChartSlot>
                )}
              </Card>
            </Col>
            <Col xs={24} xl={12}>
              <Card size="small" title={t('cockpit.byMonth')} style={cardStyle}>
                <ChartSlot height={chartHeight}>
                  <MonthLines months={summary.byMonth} height={chartHeight} />
                </ChartSlot>
              </Card>
            </Col>
          </Row>
        </Flex>
      )}
    </PageContainer>
  );
}
