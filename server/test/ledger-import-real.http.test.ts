/**
 * The import of a real-shaped 《政府工作报告》重点工作分工方案 (REQUIREMENTS S1, S3; issue 13 item 1): the workbook
 * looks the way the 省政府办公厅 publishes it — a title row and a 文号 line above the header, heading rows (一、…),
 * a 重点工作 cell merged over its tasks, numbering such as 1. and （一）, several 牵头单位 joined by 、, collective
 * subjects (各州（市）人民政府, 各县（市、区）人民政府, 省直各有关部门), short names (曲靖市, 大理州, 省发改委, 省住建厅),
 * leaders by title (副省长（分管交通运输）), 完成时限 such as 年底前 / 2026年6月底前 / 持续推进, and a 备注 column.
 * On the real base organisation (seedBase), every row resolves but one name, which the clerk maps once; then all 60
 * rows land with the right units, and the pick is remembered as an alias (the next workbook needs no mapping).
 */
import ExcelJS from 'exceljs';
import type { ErrorBody, LedgerImportResult, UnitAlias } from '@luoshi/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { provincialLeaders } from '../src/demo/demo-people.js';
import { seedBase } from '../src/modules/org/index.js';
import { systemContext } from '../src/platform/context.js';
import { authHeaders, createUser, multipartFile, signIn, startTestEnv, type Session, type TestEnv } from './harness.js';

let env: TestEnv;
let supervisor: Session;
const unitId = new Map<string, string>();

beforeAll(async () => {
  env = await startTestEnv();
  await seedBase(env.deps, systemContext(env.clock, 'test'));
  for (const row of await env.ownerQuery('select id, name from units')) unitId.set(String(row.name), String(row.id));
  const province = unitId.get('云南省人民政府') ?? '';
  for (const leader of provincialLeaders) {
    await env.ownerQuery(
      `insert into persons (id, unit_id, name, title, is_leader, oversight_areas, created_at, updated_at)
       values (gen_random_uuid(), $1, $2, $3, true, $4, now(), now())`,
      [province, leader.name, leader.title, leader.oversightAreas],
    );
  }
  supervisor = await signIn(env, await createUser(env.deps, province, ['supervisor']));
}, 60_000);
afterAll(async () => {
  await env.close();
});

type Row = [
  serial: string | null,
  group: string | null,
  task: string,
  lead: string,
  cooperating: string,
  leader: string,
  deadline: string,
  remark: string,
];

const UNKNOWN = '省发展改革委员会'; // neither a name nor a seeded alias: the one mapping step

/** 60 task rows under 4 headings, as a 分工方案 writes them. `tag` keeps titles apart between workbooks. */
function plan(tag: string): { headings: Map<number, string>; rows: Row[]; groups: [number, number, string][] } {
  const rows: Row[] = [];
  const headings = new Map<number, string>();
  const groups: [number, number, string][] = [];
  const leads = [
    '省发改委',
    '省住建厅',
    '省人社厅',
    '省教育厅',
    '省交通运输厅',
    '省卫生健康委',
    '曲靖市',
    '大理州',
    '西双版纳州',
    '省工信厅',
  ];
  const leaders = ['副省长（分管交通运输）', '常务副省长', '邹晓梅', '副省长', '金文博（副省长）'];
  const deadlines = ['年底前', '2026年6月底前', '持续推进', '2026年9月30日', '2026年12月底前'];
  const remarks = ['每月报送一次', '每季度报送进展', '', '每半年报送一次', ''];
  for (let i = 0; i < 60; i++) {
    if (i % 15 === 0)
      headings.set(i, `${['一', '二', '三', '四'][i / 15]}、${['着力稳增长', '深化改革开放', '保障改善民生', '加强政府建设'][i / 15]}`);
    if (i % 5 === 0) groups.push([i, i + 4, `重点工作${tag}-${i / 5 + 1}`]);
    let lead = leads[i % leads.length] ?? '';
    let cooperating = i % 3 === 0 ? '各州（市）人民政府' : '省财政厅、省自然资源厅';
    if (i === 7 || i === 21 || i === 44) lead = `${UNKNOWN}、省财政厅`; // the unknown name, three times
    if (i === 12) lead = '各州（市）人民政府'; // one item per 州市
    if (i === 13) cooperating = '各县（市、区）人民政府';
    if (i === 14) cooperating = '省直各有关部门';
    if (i === 15) cooperating = '省直各有关部门';
    if (i === 16) lead = '红河哈尼族彝族自治州人民政府、德宏州';
    rows.push([
      `${i + 1}.`,
      null,
      i === 15
        ? `${tag}（${i + 1}）推进智慧交通建设，省交通运输厅、省数据局按职责分工负责`
        : `${tag}（${i + 1}）${['扩大有效投资', '推进城市更新', '稳就业', '推进义务教育优质均衡', '加快综合交通建设', '深化医改'][i % 6]}第${i + 1}项任务`,
      lead,
      cooperating,
      leaders[i % leaders.length] ?? '',
      deadlines[i % deadlines.length] ?? '',
      remarks[i % remarks.length] ?? '',
    ]);
  }
  return { headings, rows, groups };
}

/** The workbook: title, 文号, header, heading rows merged across, 重点工作 merged down over five tasks. */
async function workbook(tag: string): Promise<{ bytes: Buffer; rowOf: (i: number) => number }> {
  const { headings, rows, groups } = plan(tag);
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('分工方案');
  sheet.addRow(['2026年《政府工作报告》重点工作分工方案']);
  sheet.mergeCells('A1:I1');
  sheet.addRow(['云政办发〔2026〕5号']);
  sheet.mergeCells('A2:I2');
  sheet.addRow(['序号', '重点工作', '工作任务', '牵头单位', '配合单位', '责任领导', '完成时限', '备注', '责任处室']);
  const excelRow = new Map<number, number>();
  for (const [i, row] of rows.entries()) {
    const heading = headings.get(i);
    if (heading) {
      const r = sheet.addRow([heading]).number;
      sheet.mergeCells(`A${r}:I${r}`);
    }
    excelRow.set(i, sheet.addRow([...row, '综合处']).number);
  }
  for (const [first, last, name] of groups) {
    const top = excelRow.get(first) ?? 0;
    const bottom = excelRow.get(last) ?? 0;
    sheet.getCell(`B${top}`).value = name;
    sheet.mergeCells(`B${top}:B${bottom}`);
  }
  return { bytes: Buffer.from(await book.xlsx.writeBuffer()), rowOf: (i) => excelRow.get(i) ?? 0 };
}

function upload(bytes: Buffer, query: string) {
  const { payload, headers } = multipartFile('政府工作报告分工方案.xlsx', bytes);
  return env.app.inject({
    method: 'POST',
    url: `/api/ledger/import?${query}`,
    payload,
    headers: { ...authHeaders(supervisor), ...headers },
  });
}

const id = (name: string) => unitId.get(name) ?? `missing ${name}`;

describe('a real-shaped 分工方案', () => {
  it('resolves every row but one name, maps it in one step, lands all 60 rows with the right units, and remembers the pick', async () => {
    const { bytes, rowOf } = await workbook('甲');
    const dry = await upload(bytes, 'dryRun=true&defaultSource=work_report');
    expect(dry.statusCode, dry.body).toBe(200);
    const report = dry.json<LedgerImportResult>();
    expect(report.totalRows).toBe(60);
    // The only problem: the one unknown name, on the three rows naming it, offered with the right candidate first.
    expect(report.problems.map((p) => `${p.row}:${p.code}`)).toEqual([7, 21, 44].map((i) => `${rowOf(i)}:unit_unknown`));
    expect(report.unknownUnits).toHaveLength(1);
    expect(report.unknownUnits[0]).toMatchObject({ name: UNKNOWN, rows: [7, 21, 44].map(rowOf) });
    expect(report.unknownUnits[0]?.candidates[0]).toMatchObject({ id: id('云南省发展和改革委员会'), parentName: '云南省人民政府' });
    // Everything else is said, not blocking.
    const noted = (code: string) => report.notes.filter((n) => n.code === code);
    expect(noted('column_ignored').map((n) => n.params.column)).toEqual(['责任处室']);
    expect(noted('section_heading')).toHaveLength(4);
    expect(noted('collective_expanded').find((n) => n.row === rowOf(12))?.params).toEqual({ name: '各州（市）人民政府', count: 16 });
    expect(noted('collective_via_prefectures')[0]?.params).toEqual({ name: '各县（市、区）人民政府', count: 129 });
    expect(noted('departments_unnamed').map((n) => n.row)).toEqual([rowOf(14)]);
    expect(noted('departments_from_text')[0]).toMatchObject({ row: rowOf(15), params: { units: '省交通运输厅、省数据局' } });
    expect(noted('leader_by_title').find((n) => n.row === rowOf(0))?.params).toEqual({ value: '副省长（分管交通运输）', name: '龙国栋' });
    expect(noted('leader_title_only').map((n) => n.row)).toContain(rowOf(3));
    expect(noted('deadline_ongoing').find((n) => n.row === rowOf(2))?.params).toEqual({ value: '持续推进', date: '2026-12-31' });
    expect(noted('frequency_set').find((n) => n.row === rowOf(1))?.params).toEqual({ value: '每季度报送进展', frequency: 'quarterly' });
    expect(noted('frequency_unsupported').map((n) => n.row)).toContain(rowOf(3));

    const refused = await upload(bytes, 'dryRun=false&defaultSource=work_report');
    expect(refused.statusCode).toBe(422);

    // The one mapping step: the clerk picks the candidate for the name; the import proceeds.
    const mappings = encodeURIComponent(JSON.stringify({ [UNKNOWN]: report.unknownUnits[0]?.candidates[0]?.id }));
    const done = await upload(bytes, `dryRun=false&defaultSource=work_report&mappings=${mappings}`);
    expect(done.statusCode, done.body).toBe(200);
    const result = done.json<LedgerImportResult>();
    expect(result.problems).toEqual([]);
    expect(result.validRows).toBe(60);
    expect(result.created).toHaveLength(59 + 16); // row 13 (各州（市）人民政府 as 牵头) is one item per 州市

    const landed = await env.ownerQuery(
      `select t.title, t.lead_unit_id, t.deadline::text as deadline, t.reporting_frequency, t.content, p.name as leader,
         array(select tc.unit_id::text from task_cooperations tc where tc.task_id = t.id order by tc.unit_id) as cooperating
       from tasks t left join persons p on p.id = t.responsible_leader_id where t.id = any($1::uuid[])`,
      [result.created.map((c) => c.id)],
    );
    const byTitle = (n: number) => landed.filter((t) => String(t.title).startsWith(`甲（${n}）`));
    expect(new Set(landed.map((t) => String(t.title).replace(/）.*$/, ''))).size).toBe(60); // every row landed
    const sample = (n: number) => byTitle(n)[0] ?? {};
    expect(sample(1)).toMatchObject({
      lead_unit_id: id('云南省发展和改革委员会'),
      leader: '龙国栋',
      deadline: '2026-12-31',
      reporting_frequency: 'monthly',
    });
    expect(sample(1).cooperating).toHaveLength(16); // 各州（市）人民政府
    expect(String(sample(1).content)).toContain('重点工作：重点工作甲-1');
    expect(sample(2)).toMatchObject({
      lead_unit_id: id('云南省住房和城乡建设厅'),
      deadline: '2026-06-30',
      reporting_frequency: 'quarterly',
    });
    expect(sample(3)).toMatchObject({ lead_unit_id: id('云南省人力资源和社会保障厅'), leader: '邹晓梅' });
    expect(sample(7)).toMatchObject({ lead_unit_id: id('曲靖市人民政府') });
    expect(sample(8)).toMatchObject({ lead_unit_id: id('云南省发展和改革委员会') }); // the mapped name
    expect(sample(8).cooperating).toEqual(expect.arrayContaining([id('云南省财政厅'), id('云南省自然资源厅')]));
    expect(sample(9)).toMatchObject({ lead_unit_id: id('西双版纳傣族自治州人民政府') });
    expect(sample(18)).toMatchObject({ lead_unit_id: id('大理白族自治州人民政府') });
    expect(
      byTitle(13)
        .map((t) => t.lead_unit_id)
        .sort(),
    ).toEqual(
      ['昆明市', '曲靖市', '玉溪市', '保山市', '昭通市', '丽江市', '普洱市', '临沧市']
        .map((n) => `${n}人民政府`)
        .concat(
          ['楚雄彝族自治州', '红河哈尼族彝族自治州', '文山壮族苗族自治州', '西双版纳傣族自治州', '大理白族自治州'].map(
            (n) => `${n}人民政府`,
          ),
        )
        .concat(['德宏傣族景颇族自治州', '怒江傈僳族自治州', '迪庆藏族自治州'].map((n) => `${n}人民政府`))
        .map(id)
        .sort(),
    );
    expect(sample(14).cooperating).toHaveLength(16); // 各县（市、区） through the 州市 governments
    expect(sample(16).cooperating).toEqual(expect.arrayContaining([id('云南省交通运输厅'), id('云南省数据局')]));
    expect(sample(17)).toMatchObject({ lead_unit_id: id('红河哈尼族彝族自治州人民政府') });
    expect(sample(17).cooperating).toContain(id('德宏傣族景颇族自治州人民政府'));

    // Remembered: the name is now an alias of the unit, and the next workbook with it needs no mapping.
    const alias = await env.ownerQuery('select unit_id from unit_aliases where alias = $1', [UNKNOWN]);
    expect(alias[0]?.unit_id).toBe(id('云南省发展和改革委员会'));
    const next = (await upload((await workbook('乙')).bytes, 'dryRun=true&defaultSource=work_report')).json<LedgerImportResult>();
    expect(next.problems).toEqual([]);
    expect(next.unknownUnits).toEqual([]);
    expect(next.validRows).toBe(60);
  }, 120_000);

  it('reads 牵头单位 and 责任单位 side by side as lead and cooperating units', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('分工方案');
    sheet.addRow(['序号', '工作任务', '责任单位', '牵头单位', '完成时限']);
    sheet.addRow([1, '戊（1）推进数字政府建设', '省财政厅、各州（市）人民政府', '省数据局', '年底前']);
    const res = await upload(Buffer.from(await book.xlsx.writeBuffer()), 'dryRun=true&defaultSource=work_report');
    const report = res.json<LedgerImportResult>();
    expect(report.problems).toEqual([]);
    expect(report.preview[0]).toMatchObject({ leadUnitName: '云南省数据局', deadline: '2026-12-31' });
    expect(report.preview[0]?.cooperatingUnitNames).toHaveLength(17);
  });

  it('refuses a pick outside the clerk’s scope by name, and a malformed mapping as a bad request', async () => {
    const county = await signIn(env, await createUser(env.deps, id('五华区人民政府'), ['supervisor']));
    const { payload, headers } = multipartFile('x.xlsx', (await workbook('丙')).bytes);
    const mappings = encodeURIComponent(JSON.stringify({ 某单位: id('云南省财政厅') }));
    const res = await env.app.inject({
      method: 'POST',
      url: `/api/ledger/import?dryRun=true&mappings=${mappings}`,
      payload,
      headers: { ...authHeaders(county), ...headers },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json<ErrorBody>().error).toMatchObject({ code: 'LEDGER_IMPORT_MAPPING_INVALID', params: { name: '某单位' } });
    const bad = await upload((await workbook('丁')).bytes, 'dryRun=true&mappings=notjson');
    expect(bad.statusCode).toBe(400);
  });
});

describe('unit aliases', () => {
  it('are seeded with the usual short forms, and the system administrator lists, adds and removes them (audited, coded errors)', async () => {
    const seeded = await env.ownerQuery('select alias, unit_id from unit_aliases where alias = any($1)', [
      ['曲靖市', '大理州', '西双版纳州', '省发改委', '省住建厅', '省人社厅', '石林县', '财政厅'],
    ]);
    expect(Object.fromEntries(seeded.map((r) => [r.alias, r.unit_id]))).toEqual({
      曲靖市: id('曲靖市人民政府'),
      大理州: id('大理白族自治州人民政府'),
      西双版纳州: id('西双版纳傣族自治州人民政府'),
      省发改委: id('云南省发展和改革委员会'),
      省住建厅: id('云南省住房和城乡建设厅'),
      省人社厅: id('云南省人力资源和社会保障厅'),
      石林县: id('石林彝族自治县人民政府'),
      财政厅: id('云南省财政厅'),
    });
    const province = id('云南省人民政府');
    const admin = await signIn(env, await createUser(env.deps, province, ['system_admin']));
    const unit = id('云南省数据局');
    const call = (session: Session, method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object) =>
      env.app.inject({ method, url, payload, headers: authHeaders(session) });
    const added = await call(admin, 'POST', `/api/units/${unit}/aliases`, { alias: '数据管理局' });
    expect(added.statusCode, added.body).toBe(201);
    expect((await call(supervisor, 'GET', `/api/units/${unit}/aliases`)).json<UnitAlias[]>().map((a) => a.alias)).toContain('数据管理局');
    const taken = await call(admin, 'POST', `/api/units/${id('云南省财政厅')}/aliases`, { alias: '省发改委' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json<ErrorBody>().error.code).toBe('UNIT_ALIAS_TAKEN');
    expect((await call(supervisor, 'POST', `/api/units/${unit}/aliases`, { alias: '数据' })).statusCode).toBe(403);
    const removed = await call(admin, 'DELETE', `/api/units/${unit}/aliases/${encodeURIComponent('数据管理局')}`);
    expect(removed.statusCode).toBe(200);
    expect(removed.json<UnitAlias[]>().map((a) => a.alias)).not.toContain('数据管理局');
    // A picker finds a unit by what people type: 大理州 finds 大理白族自治州人民政府.
    const found = await call(supervisor, 'GET', `/api/units?q=${encodeURIComponent('大理州')}`);
    expect(found.json<{ name: string }[]>().map((u) => u.name)).toContain('大理白族自治州人民政府');
    const audit = await env.ownerQuery("select after from audit_events where event_type = 'unit.updated' and object_id = $1", [unit]);
    expect(audit.map((a) => a.after)).toContainEqual({ aliasAdded: '数据管理局' });
  });
});
