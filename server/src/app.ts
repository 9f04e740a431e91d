/**
 * Assembles the HTTP application: parsers, security headers, sessions and access control, OpenAPI, the module
 * routes and the web SPA. `buildApp` has no side effects beyond the app itself, so tests build one per database.
 */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { limits } from '@luoshi/contracts';
import { z } from 'zod';
import Fastify, { type FastifyInstance, type FastifyRequest, type RouteOptions } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { registerAuditRoutes } from './modules/audit/index.js';
import { actorOf, registerAuthRoutes, registerSignInAddressThrottle, resolveSession, type SessionWithUser } from './modules/auth/index.js';
import { registerCalendarRoutes } from './modules/calendar/index.js';
import { registerCockpitRoutes } from './modules/cockpit/index.js';
import { registerDeskRoutes } from './modules/desk/index.js';
import { registerHealthRoutes } from './modules/health/index.js';
import { registerDemoModeRoutes } from './demo/demo-mode.routes.js';
import { registerLiveRoutes } from './modules/live/index.js';
import { registerOrgRoutes } from './modules/org/index.js';
import { registerReportRoutes } from './modules/reports/index.js';
import { registerTaskRoutes } from './modules/tasks/index.js';
import { registerExtensionRoutes } from './modules/extensions/index.js';
import { registerCooperationRoutes } from './modules/cooperation/index.js';
import { registerInstructionRoutes } from './modules/instructions/index.js';
import { registerLedgerRoutes } from './modules/ledger/index.js';
import { registerRoadmapRoutes } from './modules/roadmap/index.js';
import { registerNotificationRoutes } from './modules/notifications/index.js';
import { registerUserRoutes } from './modules/users/index.js';
import { registerSourceRoutes } from './modules/sources/index.js';
import { registerEscalationRoutes } from './modules/escalations/index.js';
import { registerMeetingRoutes } from './modules/meetings/index.js';
import type { Deps } from './platform/context.js';
import { AppError } from './platform/errors.js';
import type { Access } from './platform/http/access.js';
import { answerClientError, errorBody, handleError } from './platform/http/error-body.js';
import { registerCacheOutcomeHeader } from './platform/cache-outcome.js';
import { registerInputGuard } from './platform/http/input-guard.js';
import { registerJsonParser } from './platform/http/json-parser.js';
import { registerLoadShedding } from './platform/http/load-shedding.js';
import { registerSecurityHeaders } from './platform/http/security-headers.js';
import { sessionCookieName } from './platform/http/session-cookie.js';

export type App = FastifyInstance;

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in session, resolved from the cookie in the hook below (null when there is none). */
    auth: SessionWithUser | null;
  }
}

export interface BuildOptions {
  /** Built SPA (web/dist) to serve at '/'; skipped when absent. */
  webDistDir?: string;
  logger?: boolean;
  /** Sees every route as it is registered (the route-inventory test uses it). */
  onRoute?: (route: RouteOptions) => void;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export async function buildApp(deps: Deps, options: BuildOptions = {}): Promise<App> {
  const app = Fastify({
    logger: options.logger ? { level: deps.env.LOG_LEVEL } : false,
    bodyLimit: limits.bodyBytesMax,
    // Only the configured reverse proxies may name the client (X-Forwarded-For); anyone else's header is ignored.
    trustProxy: deps.env.TRUSTED_PROXIES.length ? deps.env.TRUSTED_PROXIES : false,
    genReqId: () => randomUUID(),
    forceCloseConnections: 'idle',
    // Slow and idle clients (B10): Fastify's own default is no request time-out at all.
    requestTimeout: deps.env.HTTP_REQUEST_TIMEOUT_MS,
    keepAliveTimeout: deps.env.HTTP_KEEP_ALIVE_TIMEOUT_MS,
    http: {
      headersTimeout: deps.env.HTTP_HEADERS_TIMEOUT_MS,
      // Node looks for late requests this often (default 30 s, which would let a slow client stay that much longer).
      connectionsCheckingInterval: Math.min(5_000, Math.max(250, Math.floor(deps.env.HTTP_HEADERS_TIMEOUT_MS / 4))),
    },
    routerOptions: { maxParamLength: 200 },
    frameworkErrors: (error, request, reply) => {
      void handleError(error, request, reply);
    },
    clientErrorHandler: answerClientError,
  }).withTypeProvider<ZodTypeProvider>();
  app.server.maxConnections = deps.env.HTTP_MAX_CONNECTIONS;
  if (options.onRoute) app.addHook('onRoute', options.onRoute);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);
  registerJsonParser(app);
  // First of the request hooks, so every later hook and the handler run with the request's cache notes.
  registerCacheOutcomeHeader(app);
  registerSecurityHeaders(app, deps.env.COOKIE_SECURE);
  // Before the session look-up: malformed text (NUL, lone surrogates, bad %-escapes) never reaches the database.
  registerInputGuard(app);
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: '落实 Luoshi API',
        description:
          '云南省政府抓落实工作体系平台 — 督查督办、组织机构、账户与审计。Errors carry stable codes with zh-CN and English messages.',
        version: '0.1.0',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: sessionCookieName(deps.env) } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  // Before the session look-up: a shed request must not reach the database (security headers are already set).
  registerLoadShedding(app, { maxInFlight: deps.env.MAX_IN_FLIGHT_REQUESTS, retryAfterSeconds: deps.env.OVERLOAD_RETRY_AFTER_SECONDS });
  // Also before the session look-up: an address over its sign-in failure budget is refused without database work.
  registerSignInAddressThrottle(app, { maxFailuresPerMinute: deps.env.SIGN_IN_FAILURES_PER_ADDRESS_PER_MINUTE, clock: deps.clock });

  app.decorateRequest('auth', null);
  app.addHook('onRequest', async (request, reply) => {
    request.ctx = {
      actor: null,
      request: { id: String(request.id), ip: request.ip ?? null, userAgent: request.headers['user-agent']?.slice(0, 500) ?? null },
      clock: deps.clock,
    };
    const config = request.routeOptions.config;
    const access = config.access ?? defaultAccess(request.routeOptions.url);
    const token = request.cookies[sessionCookieName(deps.env)];
    if (token) {
      const resolved = await resolveSession(deps, token, deps.clock.now(), request.ctx);
      if (resolved === 'expired') {
        void reply.clearCookie(sessionCookieName(deps.env), { path: '/' });
        if (access !== 'public') throw new AppError('SESSION_EXPIRED');
      } else if (resolved) {
        request.auth = resolved;
        request.ctx.actor = actorOf(resolved);
      }
    }
    if (access === 'public' || !request.routeOptions.url) return;
    const auth = request.auth;
    if (!auth) throw new AppError('UNAUTHENTICATED');
    if (!SAFE_METHODS.has(request.method) && request.headers['x-csrf-token'] !== auth.session.csrfToken) {
      throw new AppError('CSRF_FAILED');
    }
    if (access === 'active') assertActiveStage(request);
    if (config.roles && !config.roles.some((r) => auth.user.roles.includes(r))) throw new AppError('FORBIDDEN');
  });

  await app.register(
    (api, _options, done) => {
      registerHealthRoutes(api, deps);
      registerDemoModeRoutes(api, deps);
      registerAuthRoutes(api, deps);
      registerOrgRoutes(api, deps);
      registerUserRoutes(api, deps);
      registerAuditRoutes(api, deps);
      registerCalendarRoutes(api, deps);
      registerTaskRoutes(api, deps);
      registerReportRoutes(api, deps);
      registerExtensionRoutes(api, deps);
      registerCooperationRoutes(api, deps);
      registerInstructionRoutes(api, deps);
      registerLedgerRoutes(api, deps);
      registerRoadmapRoutes(api, deps);
      registerSourceRoutes(api, deps);
      registerCockpitRoutes(api, deps);
      registerDeskRoutes(api, deps);
      registerLiveRoutes(api, deps);
      registerNotificationRoutes(api, deps);
      registerEscalationRoutes(api, deps);
      registerMeetingRoutes(api, deps);
      api.get(
        '/openapi.json',
        { config: { access: 'public' }, schema: { hide: true, response: { 200: z.looseObject({ openapi: z.string() }) } } },
        () => app.swagger(),
      );
      done();
    },
    { prefix: '/api' },
  );

  const webDist = options.webDistDir;
  const hasWeb = !!webDist && existsSync(join(webDist, 'index.html'));
  if (hasWeb) await app.register(fastifyStatic, { root: webDist, wildcard: false, index: false, maxAge: '1h' });
  app.setNotFoundHandler((request, reply) => {
    if (!request.url.startsWith('/api') && hasWeb && request.method === 'GET') {
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    return reply.code(404).send(errorBody(request, 'ROUTE_NOT_FOUND'));
  });
  return app;
}

/**
 * Our API routes are closed unless they say otherwise; the SPA's static files and the OpenAPI browser (routes
 * registered by plugins) are public.
 */
function defaultAccess(url: string | undefined): Access {
  return url?.startsWith('/api/') && !url.startsWith('/api/docs') ? 'active' : 'public';
}

/** A session still at a sign-in step may only take that step. */
function assertActiveStage(request: FastifyRequest): void {
  const stage = request.auth?.session.stage;
  if (stage === 'active') return;
  if (stage === 'mfa_required') throw new AppError('AUTH_TOTP_REQUIRED');
  if (stage === 'mfa_enrolment_required') throw new AppError('AUTH_TOTP_ENROLMENT_REQUIRED');
  throw new AppError('AUTH_PASSWORD_CHANGE_REQUIRED');
}
