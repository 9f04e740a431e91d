/**
 * The Yunnan base seed, the demo seed and the production guard; then backup → restore into an empty database
 * reproduces every row, and the restored audit chains still verify.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filesRoot } from '../src/platform/files.js';
import { prepareData } from '../src/runtime.js';
import { verifyAuditChain } from '../src/platform/audit-log.js';
import { BACKUP_TABLES, backupDatabase, restoreDatabase } from '../src/platform/backup.js';
import type { Deps } from '../src/platform/context.js';
import { startTestEnv, type TestEnv } from './harness.js';

let env: TestEnv;
let demo: Deps;
const dir = mkdtempSync(join(tmpdir(), 'luoshi-backup-'));

// Seeding the whole demo (376 units, people, accounts, items through their use cases) takes a while on a busy machine.
beforeAll(async () => {
  env = await startTestEnv({ LUOSHI_MODE: 'demo' });
  demo = env.deps;
  await prepareData(demo, true);
}, 180_000);
afterAll(async () => {
  await env.close();
  rmSync(dir, { recursive: true, force: true });
});

async function tableFingerprints(deps: Deps): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const t of BACKUP_TABLES) {
    const rows = await deps.database.query<{ n: number | string; h: string | null }>(
      `select count(*) as n, md5(string_agg(row_to_json(x)::text, '|' order by ${t.orderBy})) as h from ${t.name} x`,
    );
    out[t.name] = `${String(rows[0]?.n)}:${rows[0]?.h ?? ''}`;
  }
  return out;
}

describe('seed', () => {
  it('seeds Yunnan: the province, 16 州市 and 129 县市区 governments, each with a 督查室, and ~40 departments', async () => {
    const q = (sql: string) => demo.database.query<{ n: number | string }>(sql).then((r) => Number(r[0]?.n));
    expect(
      await q(
        "select count(*) as n from units u join divisions d on d.code = u.division_code where u.kind = 'government' and d.level = 'prefecture'",
      ),
    ).toBe(16);
    expect(
      await q(
        "select count(*) as n from units u join divisions d on d.code = u.division_code where u.kind = 'government' and d.level = 'county'",
      ),
    ).toBe(129);
    expect(await q('select count(*) as n from units where is_supervision_office')).toBe(146);
    const departments = await q("select count(*) as n from units where kind = 'department' and depth = 1");
    expect(departments).toBeGreaterThanOrEqual(35);
    const names = await demo.database.query<{ name: string }>(
      "select name from units where name in ('西双版纳傣族自治州人民政府', '五华区人民政府', '禄丰市人民政府', '禄丰县人民政府')",
    );
    expect(names.map((n) => n.name).sort()).toEqual(['五华区人民政府', '禄丰市人民政府', '西双版纳傣族自治州人民政府']);
  });

  it('gives every provincial department a leader who oversees it, and A角/B角 handler posts', async () => {
    const unoverseen = await demo.database.query(
      "select u.name from units u where u.kind = 'department' and u.depth = 1 and not exists (select 1 from leader_oversees o where o.unit_id = u.id)",
    );
    expect(unoverseen).toEqual([]);
    const posts = await demo.database.query<{ n: number | string }>(
      "select count(*) as n from posts where name = '承办人' and primary_holder_id is not null and backup_holder_id is not null",
    );
    expect(Number(posts[0]?.n)).toBeGreaterThanOrEqual(35);
  });

  it('links the demo accounts to their people: 省教育厅 承办人 A角/B角 and 负责人, and the 副省长 who 分管 教育', async () => {
    const rows = await demo.database.query<{ username: string; person: string | null; title: string | null; role: string | null }>(
      `select u.username, p.name as person, p.title,
         (select case when po.primary_holder_id = p.id then 'A' else 'B' end from posts po
           where po.primary_holder_id = p.id or po.backup_holder_id = p.id limit 1) as role
       from users u left join persons p on p.id = u.person_id
       where u.username in ('jyt', 'jyt_b', 'jyt_leader', 'czt', 'leader') order by u.username`,
    );
    const by = new Map(rows.map((r) => [r.username, r]));
    expect(by.get('jyt')).toMatchObject({ title: '一级主任科员', role: 'A' });
    expect(by.get('jyt_b')).toMatchObject({ title: '科员', role: 'B' });
    expect(by.get('czt')).toMatchObject({ title: '一级主任科员', role: 'A' });
    expect(by.get('jyt_leader')).toMatchObject({ title: '厅长', role: 'A' });
    expect(by.get('leader')).toMatchObject({ person: '邹晓梅', title: '副省长' });
    // jyt and jyt_b hold the same post: B is A's stand-in.
    const [post] = await demo.database.query<{ same: boolean }>(
      `select exists (select 1 from posts po
         where po.primary_holder_id = (select person_id from users where username = 'jyt')
           and po.backup_holder_id = (select person_id from users where username = 'jyt_b')) as same`,
    );
    expect(post?.same).toBe(true);
  });

  it('shows the overdue 教育厅 item climbing the escalation ladder on its timeline, and in jyt’s bell', async () => {
    const [item] = await demo.database.query<{ id: string; deadline: string }>(
      "select id, deadline::text as deadline from tasks where title = '开展校园食品安全专项整治'",
    );
    expect(item).toBeDefined();
    const steps = await demo.database.query<{ type: string; rung: string }>(
      "select type, data->>'rung' as rung from task_events where task_id = $1 and type in ('reminded', 'escalated') order by id",
      [item!.id],
    );
    // Before the deadline the two 临期提醒, after it 提醒, 催办, 督办通知 and (some 13 working days late) 通报候选.
    expect(steps.map((e) => e.rung).slice(0, 6)).toEqual(['due_3', 'due_1', 'remind', 'urge', 'notice', 'bulletin']);
    const bell = await demo.database.query<{ title: string }>(
      "select n.title from notifications n join users u on u.id = n.user_id where u.username = 'jyt' and n.task_id = $1 order by n.created_at",
      [item!.id],
    );
    expect(bell.map((n) => n.title.split('：')[0])).toEqual(expect.arrayContaining(['临期提醒', '逾期提醒', '催办', '督办通知']));
  });

  it('is idempotent: a second start adds nothing', async () => {
    const before = await tableFingerprints(demo);
    await prepareData(demo, true);
    expect(await tableFingerprints(demo)).toEqual(before);
  });

  it('refuses a production start while demo accounts exist', async () => {
    const production: Deps = { ...demo, env: { ...demo.env, LUOSHI_MODE: 'production' } };
    await expect(prepareData(production, false)).rejects.toThrow(/demo accounts/);
  });
});

describe('backup and restore', () => {
  it('reproduces every row in an empty database, and the audit log still verifies', async () => {
    // One piece of evidence on a demo item: its bytes must travel in the backup too.
    const evidence = Buffer.from('%PDF-1.7\n验收报告\n');
    const sha256 = createHash('sha256').update(evidence).digest('hex');
    // The demo's own evidence (its 申请办结 name a 办结报告) is already in the files folder; one more joins it.
    const sourceFiles = filesRoot(demo.env);
    mkdirSync(sourceFiles, { recursive: true });
    writeFileSync(join(sourceFiles, sha256), evidence);
    await env.ownerQuery(
      `insert into attachments (id, task_id, uploaded_by, file_name, content_type, size, sha256, created_at)
       select gen_random_uuid(), (select id from tasks limit 1), (select id from users limit 1), '验收报告.pdf', 'application/pdf', $1, $2, now()`,
      [evidence.length, sha256],
    );
    const file = join(dir, 'luoshi.backup.gz');
    const counts = await backupDatabase(demo.database, file, sourceFiles);
    const distinctFiles = await env.ownerQuery('select count(distinct sha256)::int as n from attachments');
    expect(counts.attachment_files).toBe(Number(distinctFiles[0]?.n));
    expect(counts.attachment_files).toBeGreaterThanOrEqual(2);
    expect(counts.units).toBeGreaterThan(300);
    expect(counts.audit_events).toBeGreaterThan(0);
    const target = await startTestEnv();
    try {
      const targetFiles = join(dir, 'files-target');
      await restoreDatabase(target.deps.database, file, targetFiles);
      expect(readFileSync(join(targetFiles, sha256))).toEqual(evidence);
      expect(await tableFingerprints(target.deps)).toEqual(await tableFingerprints(demo));
      const verified = await verifyAuditChain(target.deps.database);
      expect(verified.isIntact).toBe(true);
      expect(verified.checkedCount).toBe(counts.audit_events);
      await expect(restoreDatabase(target.deps.database, file)).rejects.toThrow(/empty database/);
    } finally {
      await target.close();
    }
  });
});
