/**
 * A minimal React host for one ECharts instance: created on mount, resized with its box (phones rotate, the side
 * menu folds), disposed on unmount. Only the chart types the cockpit uses are registered, which keeps the lazily
 * loaded chart chunk small.
 */
import { BarChart, LineChart, MapChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([BarChart, LineChart, MapChart, GridComponent, LegendComponent, TooltipComponent, VisualMapComponent, CanvasRenderer]);

export { echarts };

/** What a click on a chart element reports (the subset the cockpit reads). */
export interface ChartClick {
  seriesIndex?: number;
  dataIndex: number;
  name: string;
}

export function EChart({
  option,
  onClick,
  height,
  label,
}: {
  option: echarts.EChartsCoreOption;
  onClick?: (event: ChartClick) => void;
  height: number;
  /** What the chart shows, for screen readers (the same figures are also in the tables and cards). */
  label: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    const element = box.current;
    if (!element) return undefined;
    const instance = echarts.init(element);
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, true);
  }, [option]);

  useEffect(() => {
    const instance = chart.current;
    if (!instance || !onClick) return undefined;
    const handler = (params: unknown) => onClick(params as ChartClick);
    instance.on('click', handler);
    return () => {
      instance.off('click', handler);
    };
  }, [onClick]);

  return <div ref={box} role="img" aria-label={label} style={{ width: '100%', height, cursor: onClick ? 'pointer' : undefined }} />;
}
