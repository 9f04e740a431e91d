/**
 * The one place configuration is read. Every value is validated at start; a bad value stops the process with a
 * message naming the variable, instead of failing later in a request.
 */
import { isIP } from 'node:net';
import { z } from 'zod';

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

export const envSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  /** Embedded PGlite data directory, used when DATABASE_URL is not set. */
  DATA_DIR: z.string().default('./data'),
  /** Where uploaded files are kept (content-addressed by SHA-256), for PGlite and PostgreSQL alike; default <DATA_DIR>/files. */
  FILES_DIR: z.string().optional(),
  /** postgres://… switches from the embedded database to PostgreSQL 15+. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  /** The restricted role the app switches to after migrations (cannot UPDATE/DELETE audit events). Empty = off. */
  DB_APP_ROLE: z
    .string()
    .regex(/^([a-z_][a-z0-9_]{0,62})?$/)
    .default('luoshi_app'),
  /** demo: demo accounts allowed; production: refuses to start while any demo account exists. */
  LUOSHI_MODE: z.enum(['demo', 'production']).default('production'),
  /** Set when served over TLS (directly or behind a proxy): cookies get Secure and the __Host- prefix. */
  COOKIE_SECURE: bool.default(false),
  /**
   * The reverse proxies (addresses or CIDRs, comma-separated, e.g. `10.0.0.5,172.16.0.0/12`) whose X-Forwarded-For
   * is believed; the client's address is then the last one in the header that is not a listed proxy. Empty (the
   * default): the peer's address is used and X-Forwarded-For is ignored, so nobody can forge an address.
   */
  TRUSTED_PROXIES: z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((a) => a.trim())
        .filter(Boolean),
    )
    .refine((list) => list.every(isAddressOrCidr), 'addresses or CIDRs, comma-separated, e.g. 10.0.0.5,172.16.0.0/12'),
  /** Replaced by TRUSTED_PROXIES: trusting every hop let any client forge its address. */
  TRUST_PROXY: z.never({ error: 'removed: list the reverse proxies in TRUSTED_PROXIES (addresses or CIDRs)' }).optional(),
  /**
   * 等保 S5: accounts without a sign-in for this many days are disabled by the daily maintenance (administrators
   * excepted; modules/users/users.inactive.ts). 0 = never.
   */
  ACCOUNT_INACTIVE_DISABLE_DAYS: z.coerce.number().int().min(0).max(3650).default(90),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(30).default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).max(12).default(12),
  PASSWORD_MAX_AGE_DAYS: z.coerce.number().int().min(1).max(365).default(90),
  LOCKOUT_THRESHOLD: z.coerce.number().int().min(3).max(10).default(5),
  LOCKOUT_MINUTES: z.coerce.number().int().min(10).max(1440).default(15),
  /**
   * Every sign-in request (right or wrong) per client address per minute: a flood guard only. A whole county signs in
   * from one address at 08:30 (政务外网 NAT), so keep it above the largest office behind one address.
   */
  SIGN_IN_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(600),
  /**
   * Failed sign-ins and second-factor codes per client address per minute before the address gets 429 until the
   * minute is over: stops a password spray over many accounts; correct sign-ins are not counted
   * (modules/auth/address-throttle.ts). Each account is also locked after LOCKOUT_THRESHOLD failures.
   */
  SIGN_IN_FAILURES_PER_ADDRESS_PER_MINUTE: z.coerce.number().int().min(3).max(10_000).default(60),
  AUDIT_HASH: z.enum(['sha256', 'sm3']).default('sha256'),
  /** How long audit events are kept; the law (网络安全法 §21) requires at least six months. */
  AUDIT_RETENTION_DAYS: z.coerce
    .number()
    .int()
    .refine((d) => d >= 180, 'must be at least 180 days (网络安全法 requires ≥ 6 months)')
    .default(365),
  /**
   * Signed checkpoints of the audit chain heads (platform/audit-checkpoint.ts): one JSON line each, appended to this
   * file (default <DATA_DIR>/audit-checkpoints.jsonl). Keep it append-only, out of the database administrator's reach.
   */
  AUDIT_CHECKPOINT_FILE: z.string().optional(),
  /**
   * The checkpoints' Ed25519 private key (PEM), created with mode 0600 on first use, its public key beside it
   * (audit-checkpoint-key.pub.pem). Default <DATA_DIR>/audit-checkpoint-key.pem; the database never holds it.
   */
  AUDIT_CHECKPOINT_KEY_FILE: z.string().optional(),
  /** How often `serve` (embedded database) and `luoshi worker` write a checkpoint when the log moved. 0 = never. */
  AUDIT_CHECKPOINT_MINUTES: z.coerce.number().int().min(0).max(1440).default(10),
  /**
   * When the daily reminder and escalation sweep runs (cron, Asia/Shanghai). It also runs once at start-up, and does
   * nothing on non-working days; every step is recorded once, so extra runs are harmless.
   */
  ESCALATION_SWEEP_CRON: z
    .string()
    .regex(/^\S+( \S+){4}$/, 'five cron fields, e.g. "0 9 * * *"')
    .default('0 9 * * *'),
  /**
   * Load shedding: how many API requests are worked on at once. One more is answered at once with 503 OVERLOADED and
   * Retry-After instead of waiting in a queue that only grows (platform/http/load-shedding.ts). 0 = no limit.
   */
  MAX_IN_FLIGHT_REQUESTS: z.coerce.number().int().min(0).max(100_000).default(64),
  /**
   * Slow and idle clients (bad-input class B10, slowloris): a request whose headers have not all arrived after
   * HTTP_HEADERS_TIMEOUT_MS, or whose body has not after HTTP_REQUEST_TIMEOUT_MS, is answered 408 and its connection
   * closed; an idle keep-alive connection is closed after HTTP_KEEP_ALIVE_TIMEOUT_MS; at most HTTP_MAX_CONNECTIONS
   * connections are open at once. The request limit leaves a 10 MB workbook two minutes on a slow county line.
   */
  HTTP_HEADERS_TIMEOUT_MS: z.coerce.number().int().min(1_000).max(600_000).default(20_000),
  HTTP_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(1_000).max(3_600_000).default(120_000),
  HTTP_KEEP_ALIVE_TIMEOUT_MS: z.coerce.number().int().min(1_000).max(600_000).default(65_000),
  HTTP_MAX_CONNECTIONS: z.coerce.number().int().min(1).max(1_000_000).default(4_096),
  /**
   * PostgreSQL only: a server's statements are stopped after this many milliseconds and the request answered 503
   * QUERY_TIMEOUT, so one expensive request cannot hold a pooled connection for long. 0 = no limit.
   */
  DB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).max(3_600_000).default(15_000),
  /**
   * PostgreSQL only: how long a server's request waits for a free pooled connection (ms) before it is answered 503
   * DATABASE_UNAVAILABLE with Retry-After, instead of queueing without bound behind connections that long statements
   * hold (fault F6) or that a database outage left unusable (F3). 0 = wait without limit.
   */
  DB_POOL_ACQUIRE_TIMEOUT_MS: z.coerce.number().int().min(0).max(600_000).default(5_000),
  /** PostgreSQL only: work_mem (MB) of each pooled connection (see platform/db.ts). 0 = the server's own setting. */
  DB_WORK_MEM_MB: z.coerce.number().int().min(0).max(4096).default(16),
  /** The Retry-After (seconds) of a shed request. */
  OVERLOAD_RETRY_AFTER_SECONDS: z.coerce.number().int().min(1).max(600).default(2),
  /**
   * Figures over a whole scope (ledger colour counts, cockpit) that take at least this long to compute are kept in
   * memory until an item in the scope changes (platform/figures-cache.ts). 0 = always compute (exact, slow at scale).
   */
  FIGURES_KEEP_FROM_MS: z.coerce.number().int().min(0).max(60_000).default(25),
  /** While changes keep coming, a kept figure is recomputed at most this often. */
  FIGURES_MIN_REFRESH_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
  /**
   * Parallel workers a single statement may start on PostgreSQL. 0 (the default): a request's statement runs on one
   * core — on a server shared by many readers and writers a fan-out takes the other cores from everybody else, and
   * the planner fanned out page reads it misjudged as large (a 10 ms keyword page became 210 ms on three processes).
   * Raise it on a server with many cores and few users.
   */
  DB_PARALLEL_WORKERS_PER_QUERY: z.coerce.number().int().min(0).max(64).default(0),
  /**
   * Ledger pages kept per process as sent, until an item in the reader's scope changes (platform/page-cache.ts).
   * 0 = every page computed.
   */
  PAGE_CACHE_ENTRIES: z.coerce.number().int().min(0).max(100_000).default(300),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  WEB_DIST_DIR: z.string().optional(),
  /** The address people open the app at (e.g. https://ducha.yn.gov.cn); e-mails and group-bot messages link to it. */
  PUBLIC_BASE_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** Outgoing e-mail (SMTP). Without SMTP_HOST, e-mail deliveries wait (pending) and say why. */
  SMTP_HOST: z.string().optional(),
  SMTP_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  SMTP_USER: z.string().optional(),
  SMTP_PASS: z.string().optional(),
  SMTP_FROM: z.string().optional(),
  /** true: TLS from the first byte (port 465); false: STARTTLS when the server offers it. */
  SMTP_SECURE: bool.optional(),
  /**
   * Hosts group-bot URLs may point to (comma-separated; `*.example.cn` allows subdomains). Unit leaders enter bot URLs,
   * so without this list they could make the server call internal addresses. Add the 政务钉钉 host of a private
   * deployment here.
   */
  WEBHOOK_ALLOWED_HOSTS: z
    .string()
    .default('oapi.dingtalk.com,qyapi.weixin.qq.com,open.feishu.cn,open.larksuite.com')
    .transform((v) =>
      v
        .split(',')
        .map((h) => h.trim().toLowerCase())
        .filter(Boolean),
    ),
  /** SMS gateway: any provider's HTTP API, called with a POST of SMS_GATEWAY_TEMPLATE. */
  SMS_GATEWAY_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** JSON body with {{phone}} and {{text}} placeholders, e.g. {"mobile":"{{phone}}","content":"{{text}}"}. */
  SMS_GATEWAY_TEMPLATE: z
    .string()
    .refine(isJsonObject, 'must be a JSON object, e.g. {"mobile":"{{phone}}","content":"{{text}}"}')
    .optional(),
});

/** An IPv4/IPv6 address, optionally with a /prefix length that fits it. */
function isAddressOrCidr(value: string): boolean {
  const [address = '', prefix, ...rest] = value.split('/');
  const family = isIP(address);
  if (!family || rest.length) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

function isJsonObject(value: string): boolean {
  try {
    const parsed: unknown = JSON.parse(value);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed);
  } catch {
    return false;
  }
}

export type Env = z.infer<typeof envSchema>;

/** Parses the environment; throws an Error whose message lists every bad variable. */
export function loadEnv(source: NodeJS.ProcessEnv = process.env, overrides: Partial<Record<keyof Env, string>> = {}): Env {
  const merged: Record<string, string | undefined> = { ...source, ...overrides };
  for (const key of Object.keys(merged)) if (merged[key] === '') delete merged[key];
  const parsed = envSchema.safeParse(merged);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
