/**
 * The 路线图 Gantt, plain React and CSS grid (no charting library in the bundle): a sticky label column and one bar per
 * row over whole months, scaled to the width available. On a phone the label column narrows and the bars scroll
 * sideways. The legend explains the fill, the 序时进度 marker, the diamonds, the today line and the colours.
 */
import type { RoadmapRow } from '@luoshi/contracts';
import { Empty, Flex, Grid, Typography } from 'antd';
import { useCallback, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ganttScale, monthTicks, tickLabel, todayX } from './gantt-geometry';
import { GanttRow, labelCellStyle, toneColours } from './gantt-row';

const headerHeight = 42;

/** Width of the element the returned callback ref is attached to, following resizes (0 until measured). */
function useWidth() {
  const [width, setWidth] = useState(0);
  const ref = useCallback((element: HTMLDivElement | null) => {
    if (!element) return undefined;
    setWidth(element.clientWidth);
    const observer = new ResizeObserver(() => setWidth(element.clientWidth));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return { ref, width };
}

function LegendItem({ mark, label }: { mark: ReactNode; label: string }) {
  return (
    <Flex gap={4} align="center">
      {mark}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {label}
      </Typography.Text>
    </Flex>
  );
}

function Legend() {
  const { t } = useTranslation();
  const swatch = (colour: string) => (
    <span style={{ display: 'inline-block', width: 14, height: 10, borderRadius: 2, background: colour }} />
  );
  return (
    <Flex gap="4px 16px" wrap style={{ marginTop: 8 }}>
      <LegendItem mark={swatch(toneColours.green)} label={t('roadmap.legendActual')} />
      <LegendItem
        mark={<span style={{ display: 'inline-block', width: 2, height: 14, background: '#262626' }} />}
        label={t('roadmap.legendPlanned')}
      />
      <LegendItem
        mark={<span style={{ display: 'inline-block', width: 9, height: 9, transform: 'rotate(45deg)', border: '1.5px solid #262626' }} />}
        label={t('roadmap.legendMilestone')}
      />
      <LegendItem
        mark={<span style={{ display: 'inline-block', width: 0, height: 14, borderInlineStart: '1px dashed #ff4d4f' }} />}
        label={t('roadmap.legendToday')}
      />
      {(['yellow', 'red'] as const).map((tone) => (
        <LegendItem key={tone} mark={swatch(toneColours[tone])} label={t(`warnings.lights.${tone}`)} />
      ))}
      {(['draft', 'done', 'stopped'] as const).map((tone) => (
        <LegendItem key={tone} mark={swatch(toneColours[tone])} label={t(`roadmap.tones.${tone}`)} />
      ))}
    </Flex>
  );
}

/** The chart over `rows` (in display order: a parent before its sub-items); a row click opens the item. */
export function GanttChart({ rows, today }: { rows: readonly RoadmapRow[]; today: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const { ref, width } = useWidth();
  const labelWidth = screens.md ? 240 : 132;
  if (rows.length === 0) {
    return (
      <div ref={ref}>
        <Empty description={t('roadmap.ganttEmpty')} />
      </div>
    );
  }
  const scale = ganttScale(rows, today, Math.max(240, width - labelWidth - 2));
  const todayLine = todayX(scale, today);
  const topDepth = Math.min(...rows.map((row) => row.depth));
  return (
    <div ref={ref}>
      <div style={{ overflowX: 'auto', border: '1px solid rgba(5,5,5,0.06)', borderRadius: 6 }}>
        <div style={{ display: 'grid', gridTemplateColumns: `${labelWidth}px ${scale.width}px`, width: labelWidth + scale.width }}>
          <div style={{ ...labelCellStyle(labelWidth), height: headerHeight }} />
          <div style={{ position: 'relative', height: headerHeight, borderBottom: '1px solid rgba(5,5,5,0.06)' }}>
            {monthTicks(scale).map((tick) => (
              <div
                key={tick.month}
                style={{
                  position: 'absolute',
                  left: tick.x,
                  width: tick.width,
                  top: 0,
                  bottom: 0,
                  borderInlineStart: '1px solid rgba(5,5,5,0.06)',
                  padding: '4px 4px',
                  fontSize: 12,
                  whiteSpace: 'nowrap',
                  overflow: 'hidden',
                  color: 'rgba(0,0,0,0.55)',
                }}
              >
                {tickLabel(tick)}
              </div>
            ))}
            {todayLine !== null && (
              <div style={{ position: 'absolute', left: todayLine - 14, bottom: 2, fontSize: 11, lineHeight: '14px', color: '#cf1322' }}>
                {t('roadmap.today')}
              </div>
            )}
          </div>
          {rows.map((row) => (
            <GanttRow
              key={row.id}
              row={row}
              scale={scale}
              today={today}
              todayLine={todayLine}
              labelWidth={labelWidth}
              indent={row.depth - topDepth}
              onOpen={(id) => void navigate(`/tasks/${id}`)}
            />
          ))}
        </div>
      </div>
      <Legend />
    </div>
  );
}
