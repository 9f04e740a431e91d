/**
 * 会议纪要 as a Word document in the GB/T 9704-2012 纪要 layout (§10.2): A4 with the standard margins; the 纪要标志
 * ("云南省人民政府常务会议纪要") centred in red 小标宋; the 纪要 number; the issuing office and date above a red
 * separator; the body in 3号仿宋 at 28.95 pt — the opening paragraph, then one section per 议题 ("一、关于…" in 黑体)
 * with its record and its numbered decisions; then 出席、请假、列席 in 3号黑体 with the names in 仿宋, each line after
 * the first aligned under the first name; and the 版记 (分送, 印发) between rules at the foot.
 */
import { AlignmentType, BorderStyle, Document, Packer, Paragraph, TabStopType, TextRun } from 'docx';
import type { MeetingDetail } from '@luoshi/contracts';

const FONT_TITLE = '方正小标宋简体';
const FONT_BODY = '仿宋_GB2312';
const FONT_HEADING = '黑体';
const FONT_KAITI = '楷体_GB2312';
const SIZE_3 = 32; // 3号 = 16 pt, in half-points
const SIZE_4 = 28; // 4号 = 14 pt
const LINE_PITCH = 579; // 28.95 pt in twips (exact)
const RED = 'FF0000';
const TEXT_WIDTH_MM = 156; // 210 − 28 − 26

const mm = (value: number): number => Math.round((value * 1440) / 25.4);

function run(text: string, options: { font?: string; size?: number; color?: string } = {}): TextRun {
  const font = options.font ?? FONT_BODY;
  return new TextRun({ text, font: { eastAsia: font, ascii: font }, size: options.size ?? SIZE_3, color: options.color });
}

function paragraph(
  children: TextRun[],
  options: { indent?: number; hanging?: number; align?: (typeof AlignmentType)[keyof typeof AlignmentType] } = {},
) {
  return new Paragraph({
    children,
    alignment: options.align ?? AlignmentType.JUSTIFIED,
    indent: {
      ...(options.indent !== undefined ? { firstLine: options.indent } : {}),
      ...(options.hanging !== undefined ? { left: options.hanging, hanging: options.hanging - 640 } : {}),
    },
    spacing: { line: LINE_PITCH, lineRule: 'exact' },
  });
}

const digits = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 12 → 十二, 25 → 二十五 (GB/T 9704 heading numbers). */
export function chineseNumber(n: number): string {
  if (n < 10) return digits[n] ?? String(n);
  if (n < 20) return `十${n % 10 ? digits[n % 10] : ''}`;
  if (n < 100) return `${digits[Math.floor(n / 10)]}十${n % 10 ? digits[n % 10] : ''}`;
  return String(n);
}

/** 2026-03-05 → 2026年3月5日. */
export function chineseDate(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** The opening paragraph when the draft has none: when, who chaired, what was discussed. */
export function defaultPreamble(meeting: MeetingDetail): string {
  const chair = meeting.leaders.find((l) => l.attendance === 'present');
  const chairText = chair ? `${chair.title ?? ''}${chair.name}主持召开` : '召开';
  const topics = meeting.agendaItems.map((a) => `${a.title}`).join('、');
  return `${chineseDate(meeting.heldOn)}，${chairText}${meeting.governmentName}${meeting.title}${
    topics ? `，研究${topics}等事项` : ''
  }。现纪要如下：`;
}

/** "出席：张三、李四" with the label in 黑体 and later lines aligned under the first name. */
function attendanceLine(label: string, names: string): Paragraph {
  return paragraph([run(`${label}：`, { font: FONT_HEADING }), run(names)], { hanging: 640 + 3 * 320 });
}

function versionRecord(issuer: string, date: string, copyTo: string): Paragraph[] {
  const rule = { style: BorderStyle.SINGLE, size: 4, color: '000000', space: 1 };
  return [
    new Paragraph({ children: [], spacing: { before: 480 } }),
    new Paragraph({
      children: [run('分送：', { size: SIZE_4 }), run(copyTo, { size: SIZE_4 })],
      indent: { left: 320, right: 320 },
      border: { top: { ...rule, size: 8 }, bottom: rule },
    }),
    new Paragraph({
      children: [run(issuer, { size: SIZE_4 }), run(`\t${chineseDate(date)}印发`, { size: SIZE_4 })],
      tabStops: [{ type: TabStopType.RIGHT, position: mm(TEXT_WIDTH_MM) - 320 }],
      indent: { left: 320, right: 320 },
      border: { bottom: { ...rule, size: 8 } },
    }),
  ];
}

export interface MinutesInput {
  meeting: MeetingDetail;
  typeName: string;
  /** The day printed as 印发 date: the issue date, or today for a draft. */
  date: string;
  isDraft: boolean;
}

export async function renderMinutes({ meeting, typeName, date, isDraft }: MinutesInput): Promise<Buffer> {
  const issuer = `${meeting.governmentName}办公厅`;
  const present = meeting.leaders.filter((l) => l.attendance === 'present').map((l) => l.name);
  const leave = meeting.leaders.filter((l) => l.attendance === 'leave').map((l) => `${l.name}${l.note ? `（${l.note}）` : ''}`);
  const attendees = new Map<string, string[]>();
  for (const item of meeting.agendaItems) {
    for (const a of item.attendees) {
      const names = attendees.get(a.unitName) ?? [];
      if (!names.includes(a.personName)) names.push(a.personName);
      attendees.set(a.unitName, names);
    }
  }
  const attending = [...attendees].map(([unit, names]) => `${unit}${names.join('、')}`).join('，');
  const sections = meeting.agendaItems.flatMap((item, i) => [
    paragraph([run(`${chineseNumber(i + 1)}、关于${item.title.replace(/^关于/, '')}`, { font: FONT_HEADING })], { indent: 640 }),
    ...(item.record
      ? item.record
          .split('\n')
          .filter((line) => line.trim())
          .map((line) => paragraph([run(line.trim())], { indent: 640 }))
      : []),
    ...item.decisions.map((d) =>
      paragraph([run(`（${chineseNumber(d.position)}）`, { font: FONT_KAITI }), run(decisionText(d))], { indent: 640 }),
    ),
  ]);
  const copyTo = [...new Set(meeting.agendaItems.flatMap((a) => [a.submittingUnit.name, ...a.concernedUnits.map((u) => u.name)]))].join(
    '，',
  );
  const doc = new Document({
    creator: '落实 Luoshi',
    title: `${meeting.governmentName}${typeName}纪要 ${meeting.minutes.documentNumber}`,
    sections: [
      {
        properties: {
          page: { size: { width: mm(210), height: mm(297) }, margin: { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) } },
        },
        children: [
          ...(isDraft ? [new Paragraph({ alignment: AlignmentType.RIGHT, children: [run('草稿', { font: FONT_HEADING })] })] : []),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [run(`${meeting.governmentName}${typeName}纪要`, { font: FONT_TITLE, size: 60, color: RED })],
            spacing: { after: 360 },
          }),
          new Paragraph({ alignment: AlignmentType.CENTER, children: [run(meeting.minutes.documentNumber)], spacing: { after: 240 } }),
          new Paragraph({
            children: [run(issuer), run(`\t${chineseDate(date)}`)],
            tabStops: [{ type: TabStopType.RIGHT, position: mm(TEXT_WIDTH_MM) }],
            border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: RED, space: 4 } },
            spacing: { after: 480 },
          }),
          paragraph([run(meeting.minutes.preamble ?? defaultPreamble(meeting))], { indent: 640 }),
          ...sections,
          new Paragraph({ children: [], spacing: { line: LINE_PITCH, lineRule: 'exact' } }),
          ...(present.length ? [attendanceLine('出席', present.join('、'))] : []),
          ...(leave.length ? [attendanceLine('请假', leave.join('、'))] : []),
          ...(attending ? [attendanceLine('列席', attending)] : []),
          ...versionRecord(issuer, date, copyTo || '—'),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

/** A clause as the minutes state it, with its lead unit and 文件制发时限 when set. */
function decisionText(d: MeetingDetail['agendaItems'][number]['decisions'][number]): string {
  const parts = [d.text];
  if (d.leadUnitName) {
    const cooperating = d.cooperatingUnits.map((u) => u.name).join('、');
    parts.push(
      `由${d.leadUnitName}牵头${cooperating ? `，${cooperating}配合` : ''}${d.deadline ? `，${chineseDate(d.deadline)}前完成` : ''}。`,
    );
  }
  if (d.documentDeadline)
    parts.push(`${d.documentTitle ? `“${d.documentTitle}”` : '相关文件'}于${chineseDate(d.documentDeadline)}前制发。`);
  return parts.join('');
}
