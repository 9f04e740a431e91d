/**
 * The cockpit's charts — the Yunnan map, the department bars and the month lines. This module (with ECharts and the
 * map shapes) is loaded lazily by the page, so neither weighs on the first download. Every element clicks through to
 * the ledger filtered to the items it counts.
 */
import type { CockpitArea, CockpitDepartment, CockpitMonth, WarningColour } from '@luoshi/contracts';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { EChart, echarts, type ChartClick } from './echart';
import { groupUrl, monthUrl, warningUrl } from './ledger-links';
import { prefectureShortNames } from './prefecture-names';
import yunnan from './yunnan.geo.json';

echarts.registerMap('yunnan', yunnan as unknown as Parameters<typeof echarts.registerMap>[1]);

/** Feature name by GB/T 2260 code (the map joins data to shapes by name). */
const featureNames = new Map(yunnan.features.map((f) => [f.id, f.properties.name]));

const shortByFeatureName = new Map(yunnan.features.map((f) => [f.properties.name, prefectureShortNames[f.id] ?? f.properties.name]));

export const lightColours: Record<WarningColour, string> = { green: '#52c41a', yellow: '#faad14', red: '#f5222d' };

/** 州市 the map can show (their division code is one of its shapes). */
export function mappable(areas: readonly CockpitArea[]): CockpitArea[] {
  return areas.filter((a) => a.kind === 'prefecture' && a.divisionCode !== null && featureNames.has(a.divisionCode));
}

export type MapMetric = 'open' | 'red';

/** 州市 coloured by 在办 or red-light items; a click opens that prefecture's items in the ledger. */
export function YunnanMap({ areas, metric, height }: { areas: readonly CockpitArea[]; metric: MapMetric; height: number }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const shown = useMemo(() => mappable(areas), [areas]);
  const option = useMemo(() => {
    const data = shown.map((a) => ({ name: featureNames.get(a.divisionCode ?? '') ?? a.name, value: a[metric], area: a }));
    const max = Math.max(1, ...data.map((d) => d.value));
    return {
      tooltip: {
        trigger: 'item',
        formatter: (p: { name: string; data?: { area: CockpitArea } }) => {
          const a = p.data?.area;
          if (!a) return p.name;
          return `${p.name}<br/>${t('cockpit.open')} ${a.open} · ${t('cockpit.red')} ${a.red}<br/>${t('cockpit.areaTotal')} ${a.total} · ${t('cockpit.areaCompleted')} ${a.completed}`;
        },
      },
      visualMap: {
        min: 0,
        max,
        left: 8,
        bottom: 8,
        itemWidth: 10,
        itemHeight: 80,
        text: [String(max), '0'],
        calculable: false,
        inRange: { color: metric === 'red' ? ['#fff1f0', '#cf1322'] : ['#e6f4ff', '#0958d9'] },
      },
      series: [
        {
          type: 'map',
          map: 'yunnan',
          roam: false,
          layoutCenter: ['50%', '50%'],
          layoutSize: '95%',
          selectedMode: false,
          label: {
            show: true,
            fontSize: 10,
            color: '#1f1f1f',
            // A white halo keeps the name readable on the darkest fill.
            textBorderColor: '#ffffff',
            textBorderWidth: 2,
            formatter: (p: { name: string }) => shortByFeatureName.get(p.name) ?? p.name,
          },
          emphasis: { label: { show: true }, itemStyle: { areaColor: '#ffd666' } },
          itemStyle: { borderColor: '#ffffff', borderWidth: 1 },
          data,
        },
      ],
    };
  }, [shown, metric, t]);
  const onClick = useCallback(
    (event: ChartClick) => {
      const area = shown.find((a) => featureNames.get(a.divisionCode ?? '') === event.name);
      if (area?.unitId) void navigate(metric === 'red' ? warningUrl('red', area.unitId) : groupUrl('open', area.unitId));
    },
    [shown, metric, navigate],
  );
  return <EChart option={option} onClick={onClick} height={height} label={t('cockpit.map')} />;
}

const lightOrder: WarningColour[] = ['red', 'yellow', 'green'];

/** 在办 items per department, stacked by light; a segment opens that department's items of that colour. */
export function DepartmentBars({ departments, height }: { departments: readonly CockpitDepartment[]; height: number }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  // ECharts draws the first category at the bottom: reverse so the department with the most items is on top.
  const rows = useMemo(() => [...departments].reverse(), [departments]);
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0, itemWidth: 12, itemHeight: 10 },
      grid: { left: 8, right: 16, top: 28, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: {
        type: 'category',
        data: rows.map((d) => d.shortName ?? d.name),
        axisLabel: { width: 96, overflow: 'truncate' },
      },
      series: lightOrder.map((colour) => ({
        name: t(`cockpit.${colour}`),
        type: 'bar',
        stack: 'open',
        barMaxWidth: 18,
        itemStyle: { color: lightColours[colour] },
        data: rows.map((d) => (colour === 'green' ? d.open - d.red - d.yellow : d[colour])),
      })),
    }),
    [rows, t],
  );
  const onClick = useCallback(
    (event: ChartClick) => {
      const department = rows[event.dataIndex];
      const colour = lightOrder[event.seriesIndex ?? -1];
      if (department && colour) void navigate(warningUrl(colour, department.unitId));
    },
    [rows, navigate],
  );
  return <EChart option={option} onClick={onClick} height={height} label={t('cockpit.byDepartment', { count: departments.length })} />;
}

/** Items 交办 and 办结 per month; a point opens that month's items. */
export function MonthLines({ months, height }: { months: readonly CockpitMonth[]; height: number }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0, itemWidth: 14, itemHeight: 8 },
      grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: 'category', boundaryGap: false, data: months.map((m) => m.month.slice(2).replace('-', '/')) },
      yAxis: { type: 'value', minInterval: 1 },
      series: (['assigned', 'completed'] as const).map((kind) => ({
        name: t(`cockpit.${kind}`),
        type: 'line',
        symbolSize: 8,
        triggerLineEvent: true,
        itemStyle: { color: kind === 'assigned' ? '#1677ff' : '#52c41a' },
        data: months.map((m) => m[kind]),
      })),
    }),
    [months, t],
  );
  const onClick = useCallback(
    (event: ChartClick) => {
      const month = months[event.dataIndex];
      if (month) void navigate(monthUrl(event.seriesIndex === 1 ? 'completed' : 'assigned', month.month));
    },
    [months, navigate],
  );
  return <EChart option={option} onClick={onClick} height={height} label={t('cockpit.byMonth')} />;
}
