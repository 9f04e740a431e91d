/** HTTP for sign-in and the own account: schema → access → service → presenter. */
import {
  changePasswordBody,
  errorBody,
  okBody,
  sessionBody,
  signInBody,
  totpConfirmBody,
  totpEnrolmentBody,
  totpVerifyBody,
} from '@luoshi/contracts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sessionCookieName } from '../../platform/http/session-cookie.js';
import type { Deps } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import * as auth from './auth.service.js';

function requireAuth(request: FastifyRequest): auth.SessionWithUser {
  if (!request.auth) throw new AppError('UNAUTHENTICATED');
  return request.auth;
}

export function registerAuthRoutes(server: FastifyInstance, deps: Deps): void {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const tags = ['auth'];
  const setCookie = (reply: FastifyReply, token: string) =>
    reply.setCookie(sessionCookieName(deps.env), token, {
      path: '/',
      httpOnly: true,
      sameSite: 'strict',
      secure: deps.env.COOKIE_SECURE,
    });

  app.post(
    '/auth/sign-in',
    {
      config: { access: 'public', rateLimit: { max: deps.env.SIGN_IN_RATE_PER_MINUTE, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: '用户名密码登录 Sign in with username and password',
        body: signInBody,
        response: { 200: sessionBody, 401: errorBody, 423: errorBody, 429: errorBody },
      },
    },
    async (request, reply) => {
      const previous = request.cookies[sessionCookieName(deps.env)];
      const result = await auth.signIn(deps, request.ctx, request.body, previous);
      setCookie(reply, result.token);
      return auth.presentSession(deps, result.auth);
    },
  );

  app.get(
    '/auth/session',
    {
      config: { access: 'session' },
      schema: { tags, summary: '当前会话 Current session', response: { 200: sessionBody, 401: errorBody } },
    },
    (request) => auth.presentSession(deps, requireAuth(request)),
  );

  app.post(
    '/auth/totp',
    {
      config: { access: 'session', rateLimit: { max: deps.env.SIGN_IN_RATE_PER_MINUTE, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: '输入动态验证码 Second factor',
        body: totpVerifyBody,
        response: { 200: sessionBody, 400: errorBody, 401: errorBody },
      },
    },
    async (request) => auth.presentSession(deps, await auth.verifySecondFactor(deps, request.ctx, requireAuth(request), request.body.code)),
  );

  app.post(
    '/auth/totp/enrolment',
    {
      config: { access: 'session' },
      schema: {
        tags,
        summary: '开始绑定双因素认证 Begin TOTP set-up',
        response: { 200: totpEnrolmentBody, 401: errorBody, 409: errorBody },
      },
    },
    async (request) => auth.beginTotpEnrolment(deps, requireAuth(request)),
  );

  app.post(
    '/auth/totp/enrolment/confirm',
    {
      config: { access: 'session' },
      schema: {
        tags,
        summary: '确认绑定双因素认证 Confirm TOTP set-up',
        body: totpConfirmBody,
        response: { 200: sessionBody, 400: errorBody, 401: errorBody, 409: errorBody },
      },
    },
    async (request) =>
      auth.presentSession(deps, await auth.confirmTotpEnrolment(deps, request.ctx, requireAuth(request), request.body.code)),
  );

  app.post(
    '/auth/password',
    {
      config: { access: 'session' },
      schema: {
        tags,
        summary: '修改密码 Change password',
        body: changePasswordBody,
        response: { 200: sessionBody, 400: errorBody, 401: errorBody },
      },
    },
    async (request) => auth.presentSession(deps, await auth.changePassword(deps, request.ctx, requireAuth(request), request.body)),
  );

  app.post(
    '/auth/sign-out',
    { config: { access: 'session' }, schema: { tags, summary: '退出登录 Sign out', response: { 200: okBody, 401: errorBody } } },
    async (request, reply) => {
      await auth.signOut(deps, request.ctx, requireAuth(request));
      void reply.clearCookie(sessionCookieName(deps.env), { path: '/' });
      return { ok: true as const };
    },
  );
}
