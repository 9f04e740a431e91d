/**
 * One row of the Gantt: on the left (sticky while the chart scrolls sideways) the item — indented by depth — with its
 * lead unit and 实际 against 序时 progress; on the right its bar from 交办 to the 办结时限, filled to the actual
 * progress, a marker at the 序时进度, diamonds for the 时间节点 and the today line.
 */
import type { RoadmapRow } from '@luoshi/contracts';
import { Tooltip, Typography } from 'antd';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAppLocale } from '../../app/i18n/i18n';
import { statusLabel } from '../tasks/task-format';
import { warningColours } from '../tasks/task-warning';
import { barOf, barTone, centreOf, isBehindPlan, milestoneMark, type BarTone, type GanttScale } from './gantt-geometry';

/** Colour per bar tone. */
export const toneColours: Record<BarTone, string> = { ...warningColours, draft: '#bfbfbf', done: '#1677ff', stopped: '#8c8c8c' };

export const rowHeight = 52;
const diamondFill = { reached: '#262626', overdue: '#fff', upcoming: '#fff' } as const;
const barTop = 18;
const barHeight = 16;

/** The sticky label column's cell style (also used by the header). */
export function labelCellStyle(width: number): CSSProperties {
  return {
    position: 'sticky',
    left: 0,
    zIndex: 2,
    width,
    background: 'var(--ant-color-bg-container, #fff)',
    borderInlineEnd: '1px solid rgba(5,5,5,0.06)',
    borderBottom: '1px solid rgba(5,5,5,0.06)',
    padding: '4px 8px',
    overflow: 'hidden',
  };
}

function Percentages({ row }: { row: RoadmapRow }) {
  const { t } = useTranslation();
  const actual = row.progressPercent === null ? '—' : `${row.progressPercent}%`;
  if (row.plannedPercent === null) return <>{actual}</>;
  const behind = isBehindPlan(row);
  return (
    <Typography.Text type={behind ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>
      {actual} / {t('roadmap.plannedToday')} {row.plannedPercent}%{behind ? ` ${t('roadmap.behind')}` : ''}
    </Typography.Text>
  );
}

/** The two cells of `row` (label and track), laid into the chart's grid. */
export function GanttRow({
  row,
  scale,
  today,
  todayLine,
  labelWidth,
  indent,
  onOpen,
}: {
  row: RoadmapRow;
  scale: GanttScale;
  today: string;
  todayLine: number | null;
  labelWidth: number;
  /** Levels below the chart's top row (its depth relative to the shallowest row). */
  indent: number;
  onOpen: (id: string) => void;
}) {
  const { t } = useTranslation();
  const locale = useAppLocale();
  const bar = barOf(scale, row, today);
  const colour = toneColours[barTone(row)];
  const end = row.deadline ?? t('roadmap.noDeadline');
  const summary = [
    `${row.serialNumber} ${row.title}`,
    `${row.leadUnitName} · ${statusLabel(row.status, locale)}`,
    t('roadmap.bar', { start: row.start, end }),
    `${t('roadmap.actual')} ${row.progressPercent ?? '—'}%` +
      (row.plannedPercent === null ? '' : ` · ${t('roadmap.plannedToday')} ${row.plannedPercent}%`),
  ];
  return (
    <>
      <div style={{ ...labelCellStyle(labelWidth), height: rowHeight, paddingInlineStart: 8 + indent * 14 }}>
        <Link
          to={`/tasks/${row.id}`}
          style={{
            display: 'block',
            overflow: 'hidden',
            textOverflow: 'ellipsis',
            whiteSpace: 'nowrap',
            fontWeight: indent === 0 ? 600 : 400,
          }}
          title={row.title}
        >
          {row.title}
        </Link>
        <div style={{ fontSize: 12, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {row.leadUnitName} ·{' '}
          </Typography.Text>
          <Percentages row={row} />
        </div>
      </div>
      <div
        style={{ position: 'relative', height: rowHeight, borderBottom: '1px solid rgba(5,5,5,0.06)', cursor: 'pointer' }}
        onClick={() => onOpen(row.id)}
      >
        {todayLine !== null && (
          <div style={{ position: 'absolute', left: todayLine, top: 0, bottom: 0, width: 0, borderInlineStart: '1px dashed #ff4d4f' }} />
        )}
        <Tooltip
          title={summary.map((line) => (
            <div key={line}>{line}</div>
          ))}
        >
          <div
            role="img"
            aria-label={summary.join('；')}
            style={{
              position: 'absolute',
              left: bar.left,
              width: bar.width,
              top: barTop,
              height: barHeight,
              borderRadius: 3,
              background: `${colour}33`,
              border: `1px solid ${colour}`,
              borderInlineEndStyle: bar.openEnded ? 'dashed' : 'solid',
              overflow: 'hidden',
            }}
          >
            <div style={{ width: bar.fillWidth, height: '100%', background: colour }} />
          </div>
        </Tooltip>
        {bar.plannedX !== null && (
          <div
            style={{
              position: 'absolute',
              left: bar.plannedX - 1,
              top: barTop - 5,
              height: barHeight + 10,
              width: 2,
              background: '#262626',
            }}
          />
        )}
        {row.milestones.map((milestone) => (
          <Tooltip
            key={`${milestone.title}-${milestone.plannedDate}`}
            title={`${milestone.title} · ${milestone.plannedDate} · ${milestone.plannedPercent}%`}
          >
            <div
              aria-label={milestone.title}
              style={{
                position: 'absolute',
                left: centreOf(scale, milestone.plannedDate) - 5,
                top: barTop + barHeight / 2 - 5,
                width: 10,
                height: 10,
                transform: 'rotate(45deg)',
                background: diamondFill[milestoneMark(milestone, today)],
                border: `1.5px solid ${milestoneMark(milestone, today) === 'overdue' ? '#ff4d4f' : '#262626'}`,
              }}
            />
          </Tooltip>
        ))}
      </div>
    </>
  );
}
