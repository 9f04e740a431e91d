/**
 * The one place configuration is read. Every value is validated at start; a bad value stops the process with a
 * message naming the variable, instead of failing later in a request.
 */
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
  TRUST_PROXY: bool.default(false),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(30).default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).max(12).default(12),
  PASSWORD_MAX_AGE_DAYS: z.coerce.number().int().min(1).max(365).default(90),
  LOCKOUT_THRESHOLD: z.coerce.number().int().min(3).max(10).default(5),
  LOCKOUT_MINUTES: z.coerce.number().int().min(10).max(1440).default(15),
  SIGN_IN_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(1000).default(20),
  AUDIT_HASH: z.enum(['sha256', 'sm3']).default('sha256'),
  /** How long audit events are kept; the law (网络安全法 §21) requires at least six months. */
  AUDIT_RETENTION_DAYS: z.coerce
    .number()
    .int()
    .refine((d) => d >= 180, 'must be at least 180 days (网络安全法 requires ≥ 6 months)')
    .default(365),
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
