/**
 * Property-based fuzz of every operation in the OpenAPI document (B1): for each one, signed in as an account that
 * may call it, fast-check generates params, query, headers and body from the operation's schemas — some valid, some
 * with hostile text in any string (NUL, lone surrogates, huge, right-to-left and zero-width marks, SQL and LIKE
 * metacharacters) or a wrong type, deep nesting or junk in any place — and the property is: never a 5xx, and every
 * error answer carries `error.code`. CI runs a fixed seed and a few cases per operation; `npm run test:fuzz` runs
 * more (FUZZ_RUNS, FUZZ_SEED).
 */
import type { ErrorBody, Role } from '@luoshi/contracts';
import fc from 'fast-check';
import type { InjectOptions, LightMyRequestResponse, RouteOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import {
  authHeaders,
  createTree,
  createUser,
  multipartFile,
  signIn,
  startTestEnv,
  type Session,
  type TestEnv,
  type TestUser,
} from './harness.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 30);
const SEED = Number(process.env.FUZZ_SEED ?? 20_260_302);

/** Operations not fuzzed, and why. */
const SKIPPED: Record<string, string> = {
  'POST /api/auth/sign-out': 'ends the session the fuzz runs in (its 401 path is covered by route-inventory)',
  'GET /api/events': 'a server-sent event stream that stays open (covered by route-inventory)',
};

// ── the OpenAPI document, as far as the generator reads it ─────────────────────────────────────────────────────────

interface Schema {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number | boolean;
  exclusiveMaximum?: number | boolean;
  items?: Schema;
  minItems?: number;
  maxItems?: number;
  properties?: Record<string, Schema>;
  required?: string[];
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  nullable?: boolean;
}

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: Schema;
}

interface Operation {
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
}

interface OpenApi {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
}

// ── hostile values ─────────────────────────────────────────────────────────────────────────────────────────────

/** What PostgreSQL cannot store: the classes that used to answer 500. */
const TEXT_FAULTS = ['\u0000', 'a\u0000b', '\ud800', 'x\udc00', '\ud83d'];

const HOSTILE_STRINGS = [
  '\u202e右到左\u202c',
  '零\u200b宽\u200d\ufeff',
  '%',
  '_',
  '\\',
  '%_\\',
  "' OR 1=1 --",
  "'); DROP TABLE tasks; --",
  '$1',
  '<script>alert(1)</script>',
  '=HYPERLINK("http://x")',
  '𠀀𪚥',
  '１２３',
  '😀👨‍👩‍👧',
  '  padded  ',
  '',
  ' ',
  'NaN',
  'Infinity',
  '1e309',
  '-0',
  '2026-02-29',
  '9999-12-31T23:59:59Z',
  '00000000-0000-0000-0000-000000000000',
  '../../etc/passwd',
  'x'.repeat(5_000),
  '长'.repeat(70_000),
];

const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...TEXT_FAULTS) },
  { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
  {
    weight: 1,
    arbitrary: fc.tuple(fc.string({ maxLength: 8 }), fc.constantFrom(...TEXT_FAULTS, ...HOSTILE_STRINGS)).map(([a, b]) => a + b),
  },
);

/** 40 levels: deeper than the JSON parser's limit of 32. */
const deepNesting = JSON.parse('['.repeat(40) + ']'.repeat(40)) as unknown;

const wrongType: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(null, true, false, 0, -1, 2 ** 53, 1.5, -0, [], {}, deepNesting, { __proto__: { x: 1 } }, [null]),
  hostileString,
  fc.array(hostileString, { maxLength: 3 }),
);

// ── arbitraries from JSON schemas ───────────────────────────────────────────────────────────────────────────────

const isoDay = fc
  .date({ min: new Date('1900-01-01'), max: new Date('2100-12-31'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

function validString(schema: Schema): fc.Arbitrary<string> {
  switch (schema.format) {
    case 'uuid':
      return fc.uuid();
    case 'date':
      return isoDay;
    case 'date-time':
      return fc.date({ min: new Date('1900-01-01'), max: new Date('2100-12-31'), noInvalidDate: true }).map((d) => d.toISOString());
    case 'email':
      return fc.emailAddress();
    default: {
      const minLength = Math.min(schema.minLength ?? 0, 60);
      const maxLength = Math.max(minLength, Math.min(schema.maxLength ?? 40, 60));
      return fc.oneof(fc.string({ minLength, maxLength }), fc.string({ minLength, maxLength, unit: 'grapheme' }));
    }
  }
}

function numberArb(schema: Schema, integer: boolean): fc.Arbitrary<number> {
  const min =
    typeof schema.minimum === 'number' ? schema.minimum : typeof schema.exclusiveMinimum === 'number' ? schema.exclusiveMinimum : -1e6;
  const max =
    typeof schema.maximum === 'number' ? schema.maximum : typeof schema.exclusiveMaximum === 'number' ? schema.exclusiveMaximum : 1e6;
  const lo = Math.max(min, -1e9);
  const hi = Math.min(max, 1e9);
  return integer ? fc.integer({ min: Math.ceil(lo), max: Math.floor(hi) }) : fc.double({ min: lo, max: hi, noNaN: true });
}

/** Values for `schema`; with `hostile`, any string may be hostile and any value may have the wrong type. */
function arbitraryFor(doc: OpenApi, schema: Schema | undefined, hostile: boolean, depth = 0): fc.Arbitrary<unknown> {
  const inner = schemaArbitrary(doc, schema ?? {}, hostile, depth);
  return hostile ? fc.oneof({ weight: 6, arbitrary: inner }, { weight: 1, arbitrary: wrongType }) : inner;
}

function schemaArbitrary(doc: OpenApi, schema: Schema, hostile: boolean, depth: number): fc.Arbitrary<unknown> {
  if (schema.$ref) {
    const name = schema.$ref.split('/').pop() ?? '';
    return schemaArbitrary(doc, doc.components?.schemas?.[name] ?? {}, hostile, depth);
  }
  if (depth > 6) return fc.constant(null);
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants?.length) return fc.oneof(...variants.map((v) => arbitraryFor(doc, v, hostile, depth + 1)));
  if (schema.allOf?.length) return schemaArbitrary(doc, schema.allOf[0] ?? {}, hostile, depth + 1);
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum?.length) return fc.constantFrom(...schema.enum);
  const types = [schema.type ?? (schema.properties ? 'object' : 'any')].flat();
  const arbs = types.map((type): fc.Arbitrary<unknown> => {
    switch (type) {
      case 'string':
        return hostile
          ? fc.oneof({ weight: 2, arbitrary: validString(schema) }, { weight: 2, arbitrary: hostileString })
          : validString(schema);
      case 'integer':
        return numberArb(schema, true);
      case 'number':
        return numberArb(schema, false);
      case 'boolean':
        return fc.boolean();
      case 'null':
        return fc.constant(null);
      case 'array':
        return fc.array(arbitraryFor(doc, schema.items, hostile, depth + 1), {
          minLength: Math.min(schema.minItems ?? 0, 3),
          maxLength: Math.max(Math.min(schema.minItems ?? 0, 3), Math.min(schema.maxItems ?? 3, 3)),
        });
      case 'object': {
        const properties = schema.properties ?? {};
        const model = Object.fromEntries(
          Object.entries(properties).map(([key, value]) => [key, arbitraryFor(doc, value, hostile, depth + 1)]),
        );
        const required = (schema.required ?? []).filter((key) => key in properties);
        const record = fc.record(model, { requiredKeys: required });
        if (!hostile) return record;
        // Now and then a key nobody declared, hostile itself.
        return fc
          .tuple(record, fc.option(fc.tuple(hostileString, wrongType), { freq: 5 }))
          .map(([value, extra]) => (extra ? { ...value, [extra[0]]: extra[1] } : value));
      }
      default:
        return fc.jsonValue({ maxDepth: 2 });
    }
  });
  const base = arbs.length === 1 ? (arbs[0] as fc.Arbitrary<unknown>) : fc.oneof(...arbs);
  return schema.nullable ? fc.option(base, { nil: null }) : base;
}

// ── building requests ───────────────────────────────────────────────────────────────────────────────────────────

/** Like encodeURIComponent, but a lone surrogate is sent as the (invalid) bytes a careless client would send. */
function encodeLoose(value: string): string {
  let out = '';
  for (const char of value) {
    const code = char.codePointAt(0) ?? 0;
    if (code >= 0xd800 && code <= 0xdfff) {
      out +=
        `%${(0xe0 | (code >> 12)).toString(16)}%${(0x80 | ((code >> 6) & 0x3f)).toString(16)}%${(0x80 | (code & 0x3f)).toString(16)}`.toUpperCase();
    } else out += encodeURIComponent(char);
  }
  return out;
}

function asText(value: unknown): string {
  return typeof value === 'string' ? value : (JSON.stringify(value) ?? '');
}

interface Case {
  params: Record<string, unknown>;
  query: Record<string, unknown>;
  headers: Record<string, unknown>;
  body: unknown;
}

function caseArbitrary(doc: OpenApi, operation: Operation): fc.Arbitrary<Case> {
  const ofKind = (kind: Parameter['in'], hostile: boolean) => {
    const params = (operation.parameters ?? []).filter((p) => p.in === kind);
    const model = Object.fromEntries(params.map((p) => [p.name, arbitraryFor(doc, p.schema, hostile)]));
    return fc.record(model, { requiredKeys: params.filter((p) => p.required || kind === 'path').map((p) => p.name) });
  };
  const content = operation.requestBody?.content ?? {};
  const bodySchema = content['application/json']?.schema;
  const build = (hostile: boolean): fc.Arbitrary<Case> =>
    fc.record({
      params: ofKind('path', hostile),
      query: ofKind('query', hostile),
      headers: ofKind('header', hostile),
      body: bodySchema ? arbitraryFor(doc, bodySchema, hostile) : hostile ? fc.option(wrongType, { freq: 3 }) : fc.constant(undefined),
    });
  // One hostile string in an otherwise valid request reaches further than many: validation passes up to it.
  // Free-text fields first (searches, names, titles): that is where text goes into SQL and the audit log.
  const fields = [
    ...(operation.parameters ?? []).filter((p) => p.in !== 'cookie').map((p) => ({ kind: p.in, name: p.name, schema: p.schema ?? {} })),
    ...Object.entries(bodySchema ? (resolved(doc, bodySchema).properties ?? {}) : {}).map(([name, schema]) => ({
      kind: 'body',
      name,
      schema,
    })),
  ];
  const free = fields.filter((f) => isFreeText(resolved(doc, f.schema)));
  const targets = free.length ? free : fields;
  const single = targets.length
    ? fc.tuple(build(false), fc.constantFrom(...targets), hostileString).map(([c, target, text]) => withHostile(c, target, text))
    : build(true);
  return fc.oneof({ weight: 1, arbitrary: build(false) }, { weight: 2, arbitrary: build(true) }, { weight: 3, arbitrary: single });
}

/** A string that is not an enum, an id or a date: words a person types. */
function isFreeText(schema: Schema): boolean {
  return [schema.type].flat().includes('string') && !schema.enum && !schema.format;
}

function resolved(doc: OpenApi, schema: Schema): Schema {
  return schema.$ref ? resolved(doc, doc.components?.schemas?.[schema.$ref.split('/').pop() ?? ''] ?? {}) : schema;
}

/** `c` with one parameter or top-level body field replaced by a hostile string. */
function withHostile(c: Case, target: { kind: string; name: string }, text: string): Case {
  const set = (record: Record<string, unknown>) => ({ ...record, [target.name]: text });
  if (target.kind === 'path') return { ...c, params: set(c.params) };
  if (target.kind === 'query') return { ...c, query: set(c.query) };
  if (target.kind === 'header') return { ...c, headers: set(c.headers) };
  const body = c.body && typeof c.body === 'object' && !Array.isArray(c.body) ? (c.body as Record<string, unknown>) : {};
  return { ...c, body: set(body) };
}

function injectOptions(method: string, path: string, operation: Operation, c: Case): InjectOptions & { url: string } {
  const url = path.replace(/\{(\w+)\}/g, (_whole, name: string) => encodeLoose(asText(c.params[name] ?? 'x')) || '%20');
  const query = Object.entries(c.query)
    .flatMap(([key, value]) => (Array.isArray(value) ? value : [value]).map((v) => `${encodeLoose(key)}=${encodeLoose(asText(v))}`))
    .join('&');
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(c.headers)) headers[name] = asText(value);
  const options: InjectOptions & { url: string } = { method: method.toUpperCase(), url: query ? `${url}?${query}` : url, headers };
  const content = operation.requestBody?.content ?? {};
  if (content['multipart/form-data']) {
    const { payload, headers: multipartHeaders } = multipartFile(asText(c.body ?? 'x.xlsx'), Buffer.from('PK\u0003\u0004 not a workbook'));
    return { ...options, payload, headers: { ...headers, ...multipartHeaders } };
  }
  if (c.body !== undefined)
    return { ...options, payload: JSON.stringify(c.body), headers: { ...headers, 'content-type': 'application/json' } };
  return options;
}

// ── the run ─────────────────────────────────────────────────────────────────────────────────────────────────────

interface Account {
  user: TestUser;
  roles: Role[];
  session: Session;
}

let env: TestEnv;
let doc: OpenApi;
/** `METHOD /api/path/{id}` → the roles its route config demands (none: any signed-in account). */
const rolesByOperation = new Map<string, Role[]>();
const accounts: Account[] = [];

beforeAll(async () => {
  env = await startTestEnv({ SIGN_IN_RATE_PER_MINUTE: '100000' });
  const routes: RouteOptions[] = [];
  const inventoryApp = await buildApp(env.deps, { onRoute: (route) => routes.push(route) });
  await inventoryApp.ready();
  await inventoryApp.close();
  for (const route of routes) {
    const roles = (route.config as { roles?: Role[] } | undefined)?.roles ?? [];
    for (const method of [route.method].flat()) rolesByOperation.set(`${method} ${route.url.replace(/:(\w+)/g, '{$1}')}`, roles);
  }
  const tree = await createTree(env.deps);
  const roleSets: Role[][] = [
    ['supervisor', 'unit_handler', 'unit_leader', 'government_leader', 'auditor', 'assessor', 'system_admin'],
    ['security_admin'],
    ['audit_admin'],
  ];
  for (const roles of roleSets) {
    const user = await createUser(env.deps, tree.root, roles);
    accounts.push({ user, roles, session: await signIn(env, user) });
  }
  const res = await env.app.inject({ method: 'GET', url: '/api/openapi.json' });
  doc = res.json<OpenApi>();
});

afterAll(async () => {
  await env?.close();
});

function accountFor(key: string): Account {
  const roles = rolesByOperation.get(key) ?? [];
  return accounts.find((a) => !roles.length || a.roles.some((r) => roles.includes(r))) ?? (accounts[0] as Account);
}

/** What is wrong with an answer, or null: a 5xx, or an error answer whose body has no code. */
function fault(res: LightMyRequestResponse): string | null {
  if (res.statusCode >= 500) return `${res.statusCode} ${res.body.slice(0, 300)}`;
  if (res.statusCode < 400) return null;
  try {
    const code = res.json<ErrorBody>().error?.code;
    return typeof code === 'string' && code ? null : `${res.statusCode} without error.code: ${res.body.slice(0, 200)}`;
  } catch {
    return `${res.statusCode} not JSON: ${res.body.slice(0, 200)}`;
  }
}

describe('OpenAPI fuzz', () => {
  it('no operation answers 5xx or an error without a code, whatever it is sent', { timeout: 120_000 + RUNS * 20_000 }, async () => {
    const started = Date.now();
    const failures: string[] = [];
    let operations = 0;
    let cases = 0;
    const statuses = new Map<number, number>();
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(methods)) {
        const key = `${method.toUpperCase()} ${path}`;
        if (!path.startsWith('/api/') || path.startsWith('/api/docs') || SKIPPED[key] || method === 'head') continue;
        operations++;
        const account = accountFor(key);
        const details = await fc.check(
          fc.asyncProperty(caseArbitrary(doc, operation), async (c) => {
            cases++;
            const options = injectOptions(method, path, operation, c);
            const signedOut = path === '/api/auth/sign-in';
            const res = await env.app.inject({
              ...options,
              headers: { ...(signedOut ? {} : authHeaders(account.session)), ...(options.headers as Record<string, string>) },
            });
            // A call that ended the session (e.g. a password change) must not turn the rest into 401s.
            if (res.statusCode === 401 && !signedOut) account.session = await signIn(env, account.user);
            statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
            const problem = fault(res);
            const sent = typeof options.payload === 'string' ? ` ${options.payload.slice(0, 200)}` : '';
            if (problem) throw new Error(`${options.method} ${options.url.slice(0, 200)}${sent} → ${problem}`);
          }),
          { seed: SEED, numRuns: RUNS, endOnFailure: true },
        );
        if (details.failed)
          failures.push(`${key}: ${String((details.errorInstance as Error | undefined)?.message ?? details.errorInstance)}`);
      }
    }
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.info(
      `fuzz: ${operations} operations, ${cases} cases (${RUNS} runs each, seed ${SEED}) in ${seconds} s;`,
      Object.fromEntries([...statuses].sort(([a], [b]) => a - b)),
    );
    expect(operations).toBeGreaterThan(50);
    expect(failures).toEqual([]);
  });
});
