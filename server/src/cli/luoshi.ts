/**
 * The `luoshi` command: serve, worker, migrate, seed, user create, audit verify, audit checkpoint, backup, restore,
 * demo-totp.
 * Run from the repo root as `npx luoshi <command>`. Configuration comes from the environment (see platform/env.ts).
 */
import { systemScope } from '../platform/scope.js';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { generate } from 'otplib';
import { eq } from 'drizzle-orm';
import { users } from '../db/schema/index.js';
import { demoAccounts } from '../demo/seed-demo.js';
import { scheduleAuditCheckpoints } from '../jobs/audit-checkpoints.js';
import { scheduleMaintenance } from '../jobs/maintenance.js';
import { startJobs } from '../jobs/jobs.js';
import { scheduleDelivery } from '../modules/notifications/index.js';
import { createAccount } from '../modules/users/index.js';
import { openRuntime, prepareData } from '../runtime.js';
import { serve } from './serve.js';
import { auditCheckpointConfig, writeAuditCheckpoint } from '../platform/audit-checkpoint.js';
import { recordAudit, verifyAuditChain } from '../platform/audit-log.js';
import { backupDatabase, restoreDatabase } from '../platform/backup.js';
import { filesRoot } from '../platform/files.js';
import { systemContext } from '../platform/context.js';
import { DataFolderInUseError } from '../platform/db.js';
import { loadEnv, type Env } from '../platform/env.js';
import { AppError } from '../platform/errors.js';
import { roleSchema } from '@luoshi/contracts';
import { z } from 'zod';

const defaultWebDist = resolve(fileURLToPath(import.meta.url), '../../../../web/dist');

function env(overrides: Partial<Record<keyof Env, string>> = {}): Env {
  try {
    return loadEnv(process.env, overrides);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  }
}

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const program = new Command('luoshi').description('落实 Luoshi — 云南省政府抓落实工作体系平台').showHelpAfterError();

program
  .command('serve')
  .description('start the web server (and, on the embedded database, the background jobs)')
  .option('--demo', 'demo mode: load demo people and accounts on first start')
  .option('--port <port>', 'port (default PORT or 3000)')
  .option('--workers <n>', 'server processes sharing the port, PostgreSQL only (default LUOSHI_WORKERS or 1)')
  .action(async (options: { demo?: boolean; port?: string; workers?: string }) => {
    const config = env({ ...(options.demo ? { LUOSHI_MODE: 'demo' } : {}), ...(options.port ? { PORT: options.port } : {}) });
    await serve(config, { webDistDir: defaultWebDist, workers: options.workers });
  });

program
  .command('worker')
  .description(
    'run background jobs (reminders and escalation, notification delivery, session clean-up, audit retention and checkpoints) in a separate process',
  )
  .action(async () => {
    const deps = await openRuntime(env());
    const stopMaintenance = scheduleMaintenance(deps, (m, e) => console.log(m, e ?? ''), 5 * 60_000);
    const stopCheckpoints = scheduleAuditCheckpoints(deps, (m, e) => console.log(m, e ?? ''));
    const stopDelivery = scheduleDelivery(deps, (m, e) => console.log(m, e ?? ''));
    const jobs = await startJobs(deps, (m, e) => console.log(m, e ?? ''));
    console.log('luoshi worker running; SIGTERM to stop');
    const shutdown = async () => {
      stopMaintenance();
      stopCheckpoints();
      stopDelivery();
      await jobs.stop();
      await deps.database.close();
      process.exit(0);
    };
    process.on('SIGTERM', () => void shutdown());
    process.on('SIGINT', () => void shutdown());
    setInterval(() => undefined, 1 << 30);
  });

program
  .command('migrate')
  .description('apply database migrations only (serve does this too); `seed` loads the data')
  .action(async () => {
    const deps = await openRuntime(env());
    console.log(`migrated: ${deps.database.migration ?? '-'}`);
    await deps.database.close();
  });

program
  .command('seed')
  .description('load the base data (Yunnan organisation, calendar); with --demo also demo people and accounts')
  .option('--demo', 'also load demo data (sets LUOSHI_MODE=demo)')
  .action(async (options: { demo?: boolean }) => {
    const config = env(options.demo ? { LUOSHI_MODE: 'demo' } : {});
    const deps = await openRuntime(config);
    await prepareData(deps, !!options.demo).catch((e: unknown) => fail(e instanceof Error ? e.message : String(e)));
    console.log(options.demo ? 'base and demo data present' : 'base data present');
    await deps.database.close();
  });

const user = program.command('user').description('accounts');
user
  .command('create')
  .description('create an account (e.g. the first security administrator); it must change its password at first sign-in')
  .requiredOption('--username <name>')
  .requiredOption('--display-name <name>')
  .requiredOption('--roles <roles>', `comma-separated: ${roleSchema.options.join(', ')}`)
  .option('--scope-unit <unit>', 'unit id or exact unit name that bounds what the account sees', '云南省人民政府')
  .option('--password <password>', 'initial password (or set LUOSHI_INITIAL_PASSWORD)')
  .action(async (options: { username: string; displayName: string; roles: string; scopeUnit: string; password?: string }) => {
    const roles = z.array(roleSchema).safeParse(options.roles.split(',').map((r) => r.trim()));
    if (!roles.success) fail(`unknown role in "${options.roles}"`);
    const password = options.password ?? process.env.LUOSHI_INITIAL_PASSWORD;
    if (!password) fail('give --password or LUOSHI_INITIAL_PASSWORD');
    const deps = await openRuntime(env());
    await prepareData(deps, false).catch(() => undefined);
    const isUuid = /^[0-9a-f-]{36}$/i.test(options.scopeUnit);
    const found = await deps.database.query<{ id: string }>(
      `select id from units where ${isUuid ? 'id = $1::uuid' : 'name = $1'} order by depth limit 2`,
      [options.scopeUnit],
    );
    const scopeUnit = found.length === 1 ? found[0] : undefined;
    if (!scopeUnit) fail(`scope unit "${options.scopeUnit}" not found or ambiguous; give its id`);
    const ctx = systemContext(deps.clock, 'cli');
    try {
      const created = await deps.database.db.transaction((tx) =>
        createAccount(deps, tx, ctx, systemScope(), {
          username: options.username,
          displayName: options.displayName,
          roles: roles.data,
          scopeUnitId: scopeUnit.id,
          initialPassword: password,
        }),
      );
      console.log(`created ${created.username} (${created.id}), scope ${created.scopeUnitName}`);
    } catch (error) {
      const detail = error instanceof AppError ? `${error.code} ${JSON.stringify(error.fields ?? error.params)}` : String(error);
      fail(`could not create the account: ${detail}`);
    } finally {
      await deps.database.close();
    }
  });

const audit = program.command('audit').description('audit log');
audit
  .command('verify')
  .description(
    'check every hash chain of the audit log and the newest signed checkpoint (AUDIT_CHECKPOINT_FILE); exits 1 naming the first broken event or the cut or rewritten end of a shard',
  )
  .action(async () => {
    const config = env();
    const deps = await openRuntime(config);
    const result = await verifyAuditChain(deps.database, { checkpoints: auditCheckpointConfig(config) });
    await deps.database.close();
    if (result.isIntact) {
      const anchored =
        result.checkpoint?.status === 'checked'
          ? `; every shard reaches the checkpoint of ${result.checkpoint.at}`
          : '; no checkpoint yet (luoshi audit checkpoint)';
      console.log(`audit log intact: ${result.checkedCount} events verified${anchored}`);
    } else {
      const where = result.firstBrokenEventId === null ? "at the log's end" : `at event ${result.firstBrokenEventId}`;
      console.error(`AUDIT LOG BROKEN ${where}: ${result.problem ?? ''}`);
      process.exit(1);
    }
  });
audit
  .command('checkpoint')
  .description(
    'sign the chain heads of every shard with the key outside the database (AUDIT_CHECKPOINT_KEY_FILE) and append them to AUDIT_CHECKPOINT_FILE',
  )
  .action(async () => {
    const config = env();
    const deps = await openRuntime(config);
    const place = auditCheckpointConfig(config);
    try {
      const written = await writeAuditCheckpoint(deps.database, place, deps.clock.now());
      console.log(`checkpoint of ${written?.at ?? '-'} (${written?.heads.length ?? 0} shards) appended to ${place.file}`);
    } finally {
      await deps.database.close();
    }
  });

program
  .command('backup <file>')
  .description('write every row of the database and every attachment to a gzip’d backup file')
  .action(async (file: string) => {
    const deps = await openRuntime(env());
    const counts = await backupDatabase(deps.database, resolve(file), filesRoot(deps.env));
    await deps.database.close();
    console.log(`backup written to ${resolve(file)}: ${JSON.stringify(counts)}`);
  });

program
  .command('restore <file>')
  .description('restore a backup into an empty data directory or database')
  .action(async (file: string) => {
    const deps = await openRuntime(env());
    try {
      const counts = await restoreDatabase(deps.database, resolve(file), filesRoot(deps.env));
      await deps.database.db.transaction((tx) =>
        recordAudit(deps, tx, systemContext(deps.clock, 'cli'), {
          eventType: 'system.restored',
          objectType: 'system',
          objectId: 'restore',
          after: counts,
        }),
      );
      console.log(`restored: ${JSON.stringify(counts)}`);
    } catch (error) {
      fail(`restore failed, nothing written: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      await deps.database.close();
    }
  });

program
  .command('demo-totp <username>')
  .description('print the current two-factor code of a DEMO administrator (demo accounts only)')
  .action(async (username: string) => {
    const account = demoAccounts.find((a) => a.username === username && a.totpSecret);
    if (!account?.totpSecret) fail(`${username} is not a demo administrator`);
    const deps = await openRuntime(env());
    const rows = await deps.database.db
      .select({ isDemo: users.isDemo, secret: users.totpSecret })
      .from(users)
      .where(eq(users.username, username));
    await deps.database.close();
    if (!rows[0]?.isDemo || rows[0].secret !== account.totpSecret) fail(`${username} is not a demo account in this database`);
    console.log(await generate({ secret: account.totpSecret }));
  });

try {
  await program.parseAsync(process.argv);
} catch (error) {
  // One sentence an operator can act on, not a dump of PGlite's internals.
  if (error instanceof DataFolderInUseError) fail(error.message);
  throw error;
}
