/**
 * 督查工作台账 and Excel (REQUIREMENTS S8): the streamed export of exactly the filtered set (read back with exceljs,
 * formula-injection safe, dates as dates), and the 分工方案 import — a dry run that reports every row's problems and
 * writes nothing, and an all-or-nothing commit that creates 拟办 items.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import type { LedgerImportResult, Task } from '@luoshi/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  authHeaders,
  createTree,
  createUser,
  multipartFile,
  signIn,
  startTestEnv,
  type Session,
  type TestEnv,
  type TestTree,
} from './harness.js';

let env: TestEnv;
beforeAll(async () => {
  env = await startTestEnv();
});
afterAll(async () => {
  await env.close();
});

interface Cast {
  tree: TestTree;
  tag: string;
  supervisor: Session;
  names: Record<'department' | 'countyA1' | 'countyA2' | 'countyB1' | 'prefectureA' | 'prefectureB', string>;
  leaderId: string;
}

async function cast(): Promise<Cast> {
  const tree = await createTree(env.deps);
  const supervisor = await signIn(env, await createUser(env.deps, tree.root, ['supervisor']));
  const rows = await env.ownerQuery('select id, name from units where id = any($1::uuid[])', [Object.values(tree)]);
  const nameOf = (id: string) => String(rows.find((r) => r.id === id)?.name);
  const tag = randomUUID().slice(0, 6);
  const leader = await env.ownerQuery(
    "insert into persons (id, unit_id, name, title, is_leader, created_at, updated_at) values (gen_random_uuid(), $1, $2, '副省长', true, now(), now()) returning id",
    [tree.root, `王${tag}`],
  );
  return {
    tree,
    tag,
    supervisor,
    leaderId: String(leader[0]?.id),
    names: {
      department: nameOf(tree.department),
      countyA1: nameOf(tree.countyA1),
      countyA2: nameOf(tree.countyA2),
      countyB1: nameOf(tree.countyB1),
      prefectureA: nameOf(tree.prefectureA),
      prefectureB: nameOf(tree.prefectureB),
    },
  };
}

async function register(c: Cast, title: string, overrides: object = {}): Promise<Task> {
  const res = await env.app.inject({
    method: 'POST',
    url: '/api/tasks',
    payload: { title, source: 'meeting_decision', content: `${title}（内容${c.tag}）`, leadUnitId: c.tree.department, ...overrides },
    headers: authHeaders(c.supervisor),
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<Task>();
}

async function countTasks(where = 'true', params: unknown[] = []): Promise<number> {
  const rows = await env.ownerQuery(`select count(*)::int as n from tasks where ${where}`, params);
  return Number(rows[0]?.n);
}

// ── export ────────────────────────────────────────────────────────────────────────────────────────────────────

async function download(session: Session, query: string) {
  return env.app.inject({ method: 'GET', url: `/api/ledger/export.xlsx?${query}`, headers: authHeaders(session) });
}

async function readSheet(bytes: Buffer): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('no worksheet');
  return sheet;
}

/** Row 1 is the title (scope, as-of time); the header is row 2, data from row 3. */
function headerOf(sheet: ExcelJS.Worksheet): string[] {
  const headers: string[] = [];
  sheet.getRow(2).eachCell((cell) => headers.push(cell.text));
  return headers;
}

describe('export', () => {
  it('streams exactly the filtered set with Chinese headers, real dates, and formulas neutralised', async () => {
    const c = await cast();
    const plain = await register(c, `${c.tag}推进乡村振兴`, {
      deadline: '2026-06-30',
      cooperatingUnitIds: [c.tree.prefectureA, c.tree.prefectureB],
      responsibleLeaderId: c.leaderId,
    });
    const formula = await register(c, `=HYPERLINK("http://example.invalid","${c.tag}")`, { deadline: '2026-05-31' });
    const plus = await register(c, `+${c.tag}+1`, { deadline: '2026-05-31' });
    const at = await register(c, `@SUM(1)${c.tag}`);
    await register(c, `${c.tag}已办结的事项`);
    await env.ownerQuery("update tasks set status = 'completed' where title = $1", [`${c.tag}已办结的事项`]);
    await env.ownerQuery('update tasks set warning_level = 2, warning_reasons = $2::jsonb where id = $1', [
      plain.id,
      JSON.stringify([{ code: 'deadline_overdue', level: 2, params: { days: 2, deadline: '2026-02-27' } }]),
    ]);

    const res = await download(c.supervisor, `q=${c.tag}&status=draft`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml.sheet');
    expect(String(res.headers['content-disposition'])).toContain(`filename*=UTF-8''${encodeURIComponent('督查工作台账-2026-03-02.xlsx')}`);
    const sheet = await readSheet(res.rawPayload);
    expect(sheet.getRow(1).getCell(1).text).toMatch(
      /^督查工作台账（范围：测试省人民政府-\w+及所属单位，按台账筛选条件；数据截至 2026-03-02 \d\d:\d\d）$/,
    );
    expect(headerOf(sheet)).toEqual(
      expect.arrayContaining(['编号', '事项名称', '办结时限', '牵头单位', '配合单位', '责任领导', '预警', '最新进展']),
    );
    expect(sheet.autoFilter).toMatch(/^A2:[A-Z]+2$/);
    const col = (name: string) => headerOf(sheet).indexOf(name) + 1;
    expect(sheet.actualRowCount).toBe(2 + 4); // the completed item is filtered out
    // Default order: nearest deadline first, no deadline last.
    const titles = [3, 4, 5, 6].map((r) => sheet.getRow(r).getCell(col('事项名称')).value);
    // Formula-looking titles read exactly as typed: nothing is added to what the user sees.
    expect(titles.slice(0, 2).sort()).toEqual([formula.title, plus.title].sort());
    expect(titles[2]).toBe(plain.title);
    expect(titles[3]).toBe(at.title);

    const formulaRow = sheet.getRow(titles.indexOf(formula.title) + 3);
    const formulaCell = formulaRow.getCell(col('事项名称'));
    expect(formulaCell.type).toBe(ExcelJS.ValueType.String);
    expect(formulaCell.formula).toBeUndefined();
    expect(formulaCell.numFmt).toBe('@'); // a text cell: not evaluated even when edited
    expect(sheet.getRow(5).getCell(col('事项名称')).numFmt).not.toBe('@');

    const plainRow = sheet.getRow(5);
    const deadline = plainRow.getCell(col('办结时限'));
    expect(deadline.type).toBe(ExcelJS.ValueType.Date);
    expect((deadline.value as Date).toISOString().slice(0, 10)).toBe('2026-06-30');
    expect(plainRow.getCell(col('编号')).value).toBe(plain.serialNumber);
    expect(plainRow.getCell(col('预警')).value).toBe('红灯');
    expect(plainRow.getCell(col('预警原因')).value).toBe('已超过办结时限（2026-02-27）2 天');
    expect(plainRow.getCell(col('责任领导')).value).toBe(`王${c.tag}`);
    expect(plainRow.getCell(col('配合单位')).text.split('、').sort()).toEqual([c.names.prefectureA, c.names.prefectureB].sort());

    const audit = await env.ownerQuery("select after from audit_events where event_type = 'ledger.exported' order by id desc limit 1");
    expect(audit[0]?.after).toMatchObject({ filter: { q: c.tag, status: ['draft'] }, fileName: '督查工作台账-2026-03-02.xlsx' });
  });

  it('reads large sets in batches and keeps the sort across them', async () => {
    const c = await cast();
    const n = 1203;
    await env.ownerQuery(
      `insert into tasks (id, serial_number, serial_year, serial_seq, title, source, source_ref, content, status, urgency,
         reporting_frequency, deadline, supervising_unit_id, lead_unit_id, created_at, updated_at)
       select gen_random_uuid(), '督〔2099〕' || g || '号', 2099, g, $1 || '批量' || g, 'document', '{}', '批量内容', 'assigned', 'normal',
         'monthly', case when g % 10 = 0 then null else date '2026-04-01' + (g % 37) end, $2, $3, now(), now()
       from generate_series(1, ${n}) g`,
      [c.tag, c.tree.root, c.tree.department],
    );
    const res = await download(c.supervisor, `q=${c.tag}&sort=serialNumber&order=desc`);
    expect(res.statusCode).toBe(200);
    const sheet = await readSheet(res.rawPayload);
    expect(sheet.actualRowCount).toBe(n + 2);
    const serial = (r: number) => sheet.getRow(r).getCell(headerOf(sheet).indexOf('编号') + 1).value;
    expect([serial(3), serial(502), serial(503), serial(n + 2)]).toEqual([
      '督〔2099〕1203号',
      '督〔2099〕704号',
      '督〔2099〕703号',
      '督〔2099〕1号',
    ]);
  });

  it('shows the newest report’s 本期进展, 原定时限 only where an extension moved the deadline, and overdue in working days', async () => {
    const c = await cast();
    const moved = await register(c, `${c.tag}延期过的事项`, { deadline: '2026-06-30' });
    const kept = await register(c, `${c.tag}未延期的事项`, { deadline: '2026-03-31' });
    await env.ownerQuery("update tasks set original_deadline = '2026-04-30' where id = $1", [moved.id]);
    // 2026-02-27 is a Friday: on Monday 2026-03-02 the open item is 1 working day late (the weekend does not count).
    await env.ownerQuery(
      "update tasks set deadline = '2026-02-27', original_deadline = '2026-02-27', status = 'in_progress' where id = $1",
      [kept.id],
    );
    const [reporter] = await env.ownerQuery('select id from users limit 1');
    for (const [seq, done] of [
      [1, '第一期进展'],
      [2, '=第二期：完成 12 所学校改造'],
    ] as const) {
      await env.ownerQuery(
        `insert into progress_reports (id, task_id, seq, version, reporter_user_id, period_label, done, status, created_at)
         values (gen_random_uuid(), $1, $2, 1, $3, '2026年2月', $4, 'submitted', now())`,
        [moved.id, seq, reporter?.id, done],
      );
    }
    const sheet = await readSheet((await download(c.supervisor, `q=${c.tag}&sort=createdAt`)).rawPayload);
    const col = (name: string) => headerOf(sheet).indexOf(name) + 1;
    const rowOf = (title: string) => [3, 4].map((r) => sheet.getRow(r)).find((r) => r.getCell(col('事项名称')).value === title);
    const movedRow = rowOf(moved.title);
    const keptRow = rowOf(kept.title);
    expect((movedRow?.getCell(col('原定时限')).value as Date).toISOString().slice(0, 10)).toBe('2026-04-30');
    expect(keptRow?.getCell(col('原定时限')).value ?? null).toBeNull();
    expect(movedRow?.getCell(col('最新进展')).value).toBe('=第二期：完成 12 所学校改造');
    expect(movedRow?.getCell(col('最新进展')).numFmt).toBe('@');
    expect(keptRow?.getCell(col('最新进展')).value ?? null).toBeNull();
    expect(keptRow?.getCell(col('逾期（工作日）')).value).toBe(1);
    await env.ownerQuery('update tasks set warning_level = 2, warning_reasons = $2::jsonb where id = $1', [
      kept.id,
      JSON.stringify([{ code: 'deadline_overdue', level: 2, params: { days: 3, deadline: '2026-02-27' } }]),
    ]);
    const again = await readSheet((await download(c.supervisor, `q=${c.tag}&sort=createdAt`)).rawPayload);
    const reasons = [3, 4].map((r) => again.getRow(r).getCell(col('预警原因')).text);
    // The stored reason counts calendar days (3); the export says the working days, as the 逾期 column does.
    expect(reasons).toContain('已超过办结时限（2026-02-27）1 个工作日');
    expect(movedRow?.getCell(col('逾期（工作日）')).value ?? null).toBeNull();
  });

  it('is scoped like the ledger: a county user exports only its items, and a foreign unit filter is a 404', async () => {
    const c = await cast();
    await register(c, `${c.tag}甲一县`, { leadUnitId: c.tree.countyA1 });
    await register(c, `${c.tag}乙一县`, { leadUnitId: c.tree.countyB1 });
    const county = await signIn(env, await createUser(env.deps, c.tree.countyA1, ['unit_handler']));
    const sheet = await readSheet((await download(county, `q=${c.tag}`)).rawPayload);
    expect(sheet.actualRowCount).toBe(3);
    expect(sheet.getRow(1).getCell(1).text).toContain(`范围：${c.names.countyA1}及所属单位`);
    expect(sheet.getRow(3).getCell(headerOf(sheet).indexOf('事项名称') + 1).value).toBe(`${c.tag}甲一县`);
    expect((await download(county, `leadUnitId=${c.tree.countyB1}`)).statusCode).toBe(404);
    expect((await download(county, 'page=2')).statusCode).toBe(400);
  });
});

// ── import ────────────────────────────────────────────────────────────────────────────────────────────────────

type CellInput = string | number | Date | null;

async function workbook(rows: CellInput[][], options: { merges?: string[]; titleRow?: boolean } = {}): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('分工方案');
  if (options.titleRow !== false) {
    sheet.addRow(['2026年政府工作报告重点任务分工方案']);
    sheet.mergeCells('A1:F1');
  }
  for (const row of rows) sheet.addRow(row);
  for (const range of options.merges ?? []) sheet.mergeCells(range);
  return Buffer.from(await book.xlsx.writeBuffer());
}

function upload(session: Session, bytes: Buffer, query: string, fileName = '分工方案.xlsx') {
  const { payload, headers } = multipartFile(fileName, bytes);
  return env.app.inject({ method: 'POST', url: `/api/ledger/import?${query}`, payload, headers: { ...authHeaders(session), ...headers } });
}

async function dryRun(session: Session, bytes: Buffer, query = ''): Promise<LedgerImportResult> {
  const res = await upload(session, bytes, `dryRun=true${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<LedgerImportResult>();
}

const codesOf = (result: LedgerImportResult) => result.problems.map((p) => `${p.row ?? '-'}:${p.code}`);

describe('import', () => {
  it('dry-runs a 分工方案 in any column order and writes nothing; the commit then creates every row as a 拟办 item', async () => {
    const c = await cast();
    await env.ownerQuery('update units set short_name = $2 where id = $1 and short_name is null', [c.tree.department, `教育厅${c.tag}`]);
    const bytes = await workbook([
      ['序号', '牵头单位', '任务', '配合单位', '完成时限', '责任领导', '来源', '办理要求'],
      [
        1,
        c.names.department,
        `${c.tag}新建改扩建幼儿园50所`,
        `${c.names.prefectureA}、${c.names.prefectureB}`,
        new Date(Date.UTC(2026, 11, 31)),
        `王${c.tag}（副省长）`,
        '政府工作报告',
        '每月报送进展',
      ],
      [2, `教育厅${c.tag}`, `${c.tag}推进义务教育优质均衡`, '', '2026年9月底', '', '', null],
      [
        3,
        c.names.countyA1,
        `${c.tag}加快县城污水管网建设。确保年底前完工并投入使用`,
        c.names.department,
        '30个工作日',
        null,
        '会议决定事项',
        null,
      ],
    ]);
    const before = await countTasks();
    const result = await dryRun(c.supervisor, bytes, '&defaultSource=work_report');
    expect(result.problems).toEqual([]);
    expect(result).toMatchObject({ dryRun: true, totalRows: 3, validRows: 3, problemCount: 0, created: [] });
    expect(result.preview).toEqual([
      {
        row: 3,
        title: `${c.tag}新建改扩建幼儿园50所`,
        leadUnitName: c.names.department,
        cooperatingUnitNames: [c.names.prefectureA, c.names.prefectureB],
        responsibleLeaderName: `王${c.tag}`,
        deadline: '2026-12-31',
        deadlineWorkingDays: null,
        source: 'work_report',
        reportingFrequency: 'monthly', // 办理要求 “每月报送进展”
      },
      expect.objectContaining({ row: 4, leadUnitName: c.names.department, deadline: '2026-09-30', source: 'work_report' }),
      expect.objectContaining({
        row: 5,
        title: `${c.tag}加快县城污水管网建设。确保年底前完工并投入使用`,
        deadline: null,
        deadlineWorkingDays: 30,
        source: 'meeting_decision',
      }),
    ]);
    expect(await countTasks()).toBe(before);
    // 序号 is known numbering (not an ignored column); the frequency read from 办理要求 is said, not blocking.
    expect(result.notes.map((n) => `${n.row ?? '-'}:${n.code}`)).toEqual(['3:frequency_set']);

    const committed = await upload(c.supervisor, bytes, 'dryRun=false&defaultSource=work_report');
    expect(committed.statusCode, committed.body).toBe(200);
    const created = committed.json<LedgerImportResult>().created;
    expect(created.map((t) => t.title)).toEqual(result.preview.map((p) => p.title));
    const rows = await env.ownerQuery(
      `select t.title, t.status, t.deadline::text as deadline, t.deadline_working_days, t.requirements, t.responsible_leader_id, t.lead_unit_id,
         (select count(*)::int from task_cooperations tc where tc.task_id = t.id) as cooperating
       from tasks t where t.id = any($1::uuid[]) order by t.serial_seq`,
      [created.map((t) => t.id)],
    );
    expect(rows).toEqual([
      expect.objectContaining({
        status: 'draft',
        deadline: '2026-12-31',
        requirements: '每月报送进展',
        responsible_leader_id: c.leaderId,
        cooperating: 2,
      }),
      expect.objectContaining({ status: 'draft', deadline: '2026-09-30', lead_unit_id: c.tree.department, cooperating: 0 }),
      expect.objectContaining({
        status: 'draft',
        deadline: null,
        deadline_working_days: 30,
        lead_unit_id: c.tree.countyA1,
        cooperating: 1,
      }),
    ]);
    const audit = await env.ownerQuery("select after from audit_events where event_type = 'ledger.imported' order by id desc limit 1");
    expect(audit[0]?.after).toMatchObject({ fileName: '分工方案.xlsx', count: 3 });
    // Importing the same workbook again is refused: those items are open now.
    const again = await dryRun(c.supervisor, bytes, '&defaultSource=work_report');
    expect(again.problems.filter((p) => p.code === 'exists_open')).toHaveLength(3);
  });

  it('reports every row’s problems — unknown or out-of-scope unit, bad and past dates, duplicates, open items, merged cells — and commits nothing', async () => {
    const c = await cast();
    const prefectureSupervisor = await signIn(env, await createUser(env.deps, c.tree.prefectureA, ['supervisor']));
    const open = await register(c, `${c.tag}已在办的事项`, { leadUnitId: c.tree.countyA1 });
    const bytes = await workbook(
      [
        ['任务', '牵头单位', '配合单位', '时限', '来源'],
        [`${c.tag}正常的任务`, c.names.countyA1, null, '2026-12-31', '政府工作报告'], // row 3: fine
        [`${c.tag}单位不存在`, '不存在的单位', null, '2026-12-31', '政府工作报告'], // 4
        [`${c.tag}单位越界`, c.names.countyA2, c.names.countyB1, '2026-12-31', '政府工作报告'], // 5: B1 is outside prefecture A
        [`${c.tag}日期错误`, c.names.countyA1, null, '下个月', '政府工作报告'], // 6
        [`${c.tag}日期已过`, c.names.countyA1, null, '2026-01-15', '政府工作报告'], // 7
        [`${c.tag}正常的任务`, c.names.countyA1, null, '2026-12-31', '政府工作报告'], // 8: repeats row 3
        [open.title, c.names.countyA1, null, '2026-12-31', '政府工作报告'], // 9: open item exists
        [null, c.names.countyA1, null, '2026-12-31', '政府工作报告'], // 10: no task text
        [`${c.tag}合并一`, c.names.countyA2, null, '2026-12-31', '政府工作报告'], // 11 ┐ merged 牵头单位
        [`${c.tag}合并二`, null, null, '2026-12-31', '政府工作报告'], // 12 ┘
        [`${c.tag}来源不明`, c.names.countyA1, c.names.countyA1, '2026-12-31', '小道消息'], // 13: lead also cooperating, bad source
      ],
      { merges: ['B11:B12'] },
    );
    const before = await countTasks();
    const result = await dryRun(prefectureSupervisor, bytes);
    expect(result.totalRows).toBe(11);
    expect(result.validRows).toBe(1);
    expect(codesOf(result)).toEqual([
      '4:unit_unknown',
      '5:unit_unknown',
      '6:date_invalid',
      '7:date_past',
      '8:duplicate_in_file',
      '9:exists_open',
      '10:task_missing',
      '11:merged_cells',
      '12:unit_missing',
      '13:lead_cooperating',
      '13:source_unknown',
    ]);
    expect(result.problems.find((p) => p.row === 5)).toMatchObject({ column: '配合单位', params: { name: c.names.countyB1 } });
    expect(result.problems.find((p) => p.row === 8)?.params).toEqual({ row: 3 });
    expect(result.problems.find((p) => p.row === 9)?.params).toEqual({ serialNumber: open.serialNumber });
    expect(result.problems.find((p) => p.code === 'merged_cells')?.params).toEqual({ range: 'B11:B12' });

    const refused = await upload(prefectureSupervisor, bytes, 'dryRun=false');
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error).toMatchObject({ code: 'LEDGER_IMPORT_HAS_PROBLEMS', params: { count: 11 } });
    expect(await countTasks()).toBe(before);
  });

  it('names wrong columns, refuses what is not a workbook, and answers 10,000 rows of garbage quickly without writing', async () => {
    const c = await cast();
    const noHeader = await dryRun(
      c.supervisor,
      await workbook([
        ['序号', '名称', '单位'],
        [1, 'x', 'y'],
      ]),
    );
    expect(codesOf(noHeader)).toEqual(['-:no_header']);
    const missing = await dryRun(
      c.supervisor,
      await workbook([
        ['任务', '部门', '时限'],
        ['某项任务', '某部门', '2026-12-31'],
      ]),
    );
    expect(missing.problems[0]).toMatchObject({ row: null, code: 'columns_missing', params: { columns: '牵头单位' } });

    const tooLarge = await upload(c.supervisor, Buffer.alloc(5 * 1024 * 1024 + 1, 7), 'dryRun=true');
    expect(tooLarge.statusCode).toBe(413);
    expect(tooLarge.json().error).toMatchObject({ code: 'LEDGER_IMPORT_TOO_LARGE', params: { maxMiB: 5 } });
    // Up to 5 MiB is read (more than the 1 MiB JSON body limit): 2 MiB of noise is refused as unreadable, not as too large.
    const noise = await upload(c.supervisor, randomBytes(2 * 1024 * 1024), 'dryRun=true');
    expect(noise.json().error.code).toBe('LEDGER_IMPORT_UNREADABLE');
    const unknownParameter = await upload(c.supervisor, await workbook([['任务', '牵头单位']]), 'dryRun=true&force=true');
    expect(unknownParameter.statusCode).toBe(400);

    // Borders drawn far below the data (common in templates) are not rows.
    const bordered = new ExcelJS.Workbook();
    const sheet = bordered.addWorksheet('分工方案');
    sheet.addRow(['任务', '牵头单位', '来源']);
    sheet.addRow(['带边框的模板', c.names.department, '政府文件']);
    sheet.getCell('A60000').border = { top: { style: 'thin' } };
    const framed = await dryRun(c.supervisor, Buffer.from(await bordered.xlsx.writeBuffer()));
    expect(framed).toMatchObject({ totalRows: 1, validRows: 1, problemCount: 0 });

    const notXlsx = await upload(c.supervisor, Buffer.from('序号,任务\n1,x\n'), 'dryRun=true', '分工方案.csv');
    expect(notXlsx.statusCode).toBe(400);
    expect(notXlsx.json().error.code).toBe('LEDGER_IMPORT_UNREADABLE');

    const garbage: CellInput[][] = [['任务', '牵头单位', '时限']];
    for (let i = 0; i < 10_000; i++) garbage.push([`乱码${i}`, `没有这个单位${i % 97}`, `第${i}天`]);
    const bytes = await workbook(garbage, { titleRow: false });
    const before = await countTasks();
    const started = Date.now();
    const report = await dryRun(c.supervisor, bytes, '&defaultSource=document');
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(report.totalRows).toBe(10_000);
    expect(report.validRows).toBe(0);
    expect(report.problemCount).toBe(1 + 20_000); // too many rows, then unknown unit and bad date on every row
    expect(report.problems).toHaveLength(500);
    expect(report.problems[0]).toMatchObject({ row: null, code: 'too_many_rows', params: { count: 10_000, max: 500 } });
    expect(report.problems.slice(1, 3).map((p) => [p.row, p.code])).toEqual([
      [2, 'unit_unknown'],
      [2, 'date_invalid'],
    ]);
    const refused = await upload(c.supervisor, bytes, 'dryRun=false&defaultSource=document');
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.code).toBe('LEDGER_IMPORT_TOO_MANY_ROWS');
    expect(await countTasks()).toBe(before);
  });

  it('is all or nothing: a failure on the last row leaves no item and no serial number used', async () => {
    const c = await cast();
    const rows: CellInput[][] = [['任务', '牵头单位', '时限', '来源']];
    for (let i = 1; i <= 5; i++) rows.push([`${c.tag}原子导入${i}`, c.names.department, '2026-12-31', '政府文件']);
    const bytes = await workbook(rows);
    // A fault injected below the service: the fifth insert fails.
    await env.ownerQuery(`create or replace function ledger_test_fail() returns trigger language plpgsql as $$
      begin if new.title = '${c.tag}原子导入5' then raise exception 'injected failure'; end if; return new; end $$`);
    await env.ownerQuery('create trigger ledger_test_fail before insert on tasks for each row execute function ledger_test_fail()');
    try {
      const res = await upload(c.supervisor, bytes, 'dryRun=false');
      expect(res.statusCode).toBe(500);
    } finally {
      await env.ownerQuery('drop trigger ledger_test_fail on tasks');
    }
    expect(await countTasks('title like $1', [`${c.tag}%`])).toBe(0);
    const next = await register(c, `${c.tag}之后登记`);
    const counter = await env.ownerQuery('select last_seq from task_serial_counters where supervising_unit_id = $1', [c.tree.root]);
    expect(next.serialNumber).toBe(`测督〔2026〕${String(counter[0]?.last_seq)}号`);
    expect(Number(counter[0]?.last_seq)).toBe(1);

    const ok = await upload(c.supervisor, bytes, 'dryRun=false');
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json<LedgerImportResult>().created).toHaveLength(5);
    expect(await countTasks("title like $1 and status = 'draft'", [`${c.tag}原子导入%`])).toBe(5);
  });

  it('is for the 督查室 only', async () => {
    const c = await cast();
    const unit = await signIn(env, await createUser(env.deps, c.tree.department, ['unit_handler']));
    const res = await upload(
      unit,
      await workbook([
        ['任务', '牵头单位'],
        ['x', c.names.department],
      ]),
      'dryRun=true',
    );
    expect(res.statusCode).toBe(403);
  });
});
