/**
 * 督办通知单 and 催办通知单 as Word documents in the GB/T 9704-2012 layout: A4 with the standard margins
 * (top 37 mm, bottom 35 mm, left 28 mm, right 26 mm), the red issuing-authority mark (发文机关标志), the document
 * number (发文字号) above a red separator line, the title in 2号小标宋, the addressee (主送机关) and the body in
 * 3号仿宋 with a 28.95-point line pitch, then the issuer and the date in Chinese numerals' usual written form.
 */
import { AlignmentType, BorderStyle, Document, Packer, Paragraph, TextRun } from 'docx';
import type { Task } from '@luoshi/contracts';
import { urgencyLabels } from '@luoshi/contracts';

const FONT_TITLE = '方正小标宋简体';
const FONT_BODY = '仿宋_GB2312';
const FONT_HEADING = '黑体';
const SIZE_2 = 44; // 2号 = 22 pt, in half-points
const SIZE_3 = 32; // 3号 = 16 pt
const LINE_PITCH = 579; // 28.95 pt in twips (exact line spacing)
const RED = 'FF0000';

/** Millimetres to twips, rounded (docx's own helper truncates: 37 mm would become 2097). */
const mm = (value: number): number => Math.round((value * 1440) / 25.4);

function run(text: string, options: { font?: string; size?: number; bold?: boolean; color?: string } = {}): TextRun {
  return new TextRun({
    text,
    font: { eastAsia: options.font ?? FONT_BODY, ascii: options.font ?? FONT_BODY },
    size: options.size ?? SIZE_3,
    bold: options.bold,
    color: options.color,
  });
}

function body(text: string, options: { indent?: boolean; align?: (typeof AlignmentType)[keyof typeof AlignmentType] } = {}): Paragraph {
  return new Paragraph({
    children: [run(text)],
    alignment: options.align ?? AlignmentType.JUSTIFIED,
    indent: options.indent === false ? undefined : { firstLine: 640 },
    spacing: { line: LINE_PITCH, lineRule: 'exact' },
  });
}

function labelled(label: string, text: string): Paragraph {
  return new Paragraph({
    children: [run(`${label}：`, { font: FONT_HEADING }), run(text)],
    indent: { firstLine: 640 },
    spacing: { line: LINE_PITCH, lineRule: 'exact' },
    alignment: AlignmentType.JUSTIFIED,
  });
}

const chineseOrdinals = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** 一、督办事项：… 二、事项来源：… — GB/T 9704 first-level headings, numbered in order. */
function numbered(items: readonly (readonly [string, string])[]): Paragraph[] {
  return items.map(([label, text], i) => labelled(`${chineseOrdinals[i] ?? String(i + 1)}、${label}`, text));
}

/** 2026-11-27 → 2026年11月27日 (GB/T 9704: Arabic numerals, no leading zeros). */
export function chineseDate(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

interface NoticeInput {
  issuer: string;
  documentNumber: string;
  title: string;
  addressee: string;
  paragraphs: Paragraph[];
  date: string;
}

async function render(input: NoticeInput): Promise<Buffer> {
  const doc = new Document({
    creator: '落实 Luoshi',
    title: input.title,
    sections: [
      {
        properties: {
          page: {
            size: { width: mm(210), height: mm(297) },
            margin: {
              top: mm(37),
              bottom: mm(35),
              left: mm(28),
              right: mm(26),
            },
          },
        },
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [run(input.issuer, { font: FONT_TITLE, size: 72, color: RED })],
            spacing: { after: 240 },
          }),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [run(input.documentNumber)],
            border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: RED, space: 8 } },
            spacing: { after: 480 },
          }),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [run(input.title, { font: FONT_TITLE, size: SIZE_2 })],
            spacing: { after: 480, line: 700, lineRule: 'exact' },
          }),
          body(`${input.addressee}：`, { indent: false }),
          ...input.paragraphs,
          new Paragraph({ children: [], spacing: { before: 480 } }),
          body(input.issuer, { indent: false, align: AlignmentType.RIGHT }),
          body(chineseDate(input.date), { indent: false, align: AlignmentType.RIGHT }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

function issuerOf(task: Task): string {
  return `${task.supervisingUnitName}督查室`;
}

/**
 * 督办通知单: what is assigned, by whom it is to be done, by when, and how progress is to be reported. `sourceName`: the
 * source's zh-CN name from the registry.
 */
export function assignmentNotice(task: Task, date: string, sourceName: string): Promise<Buffer> {
  const cooperating = task.cooperatingUnits.map((u) => u.unitName).join('、');
  const ref = task.sourceRef;
  const source = [sourceName, ref.meeting, ref.documentNumber, ref.leaderName].filter(Boolean).join('，');
  const deadline = task.deadline ? chineseDate(task.deadline) : `交办后${task.deadlineWorkingDays ?? ''}个工作日内`;
  return render({
    issuer: issuerOf(task),
    documentNumber: task.serialNumber,
    title: '督办通知单',
    addressee: task.leadUnitName,
    date,
    paragraphs: [
      body(`现将“${task.title}”交由你单位牵头办理，请认真抓好落实。有关事项通知如下：`),
      ...numbered([
        ['督办事项', task.content],
        ['事项来源', source + (ref.clause ? `。原文：${ref.clause}` : '')],
        ...(task.requirements ? [['办理要求', task.requirements] as const] : []),
        ['牵头单位', task.leadUnitName],
        ...(cooperating ? [['配合单位', cooperating] as const] : []),
        ['办结时限', `${deadline}（紧急程度：${urgencyLabels[task.urgency]['zh-CN']}）`],
      ]),
      body(
        '请于收到本通知单后及时签收，按要求报送办理进展；如认为不属于本单位职责，请在签收时限内说明理由退回。确需延期的，须在办结时限前提出延期申请。',
      ),
    ],
  });
}

/** 催办通知单 for the latest 催办 on an item. */
export function urgeNotice(task: Task, urge: { reason: string; at: string; count: number }, date: string): Promise<Buffer> {
  const deadline = task.deadline ? chineseDate(task.deadline) : '（未定）';
  return render({
    issuer: issuerOf(task),
    documentNumber: `${task.serialNumber.replace(/号$/, '')}-催${urge.count}号`,
    title: '催办通知单',
    addressee: task.leadUnitName,
    date,
    paragraphs: [
      body(`你单位牵头办理的“${task.title}”（${task.serialNumber}），办结时限为${deadline}。`),
      labelled('催办事项', urge.reason),
      body(`此为第${urge.count}次催办。请抓紧办理，并及时报送办理进展。`),
    ],
  });
}
