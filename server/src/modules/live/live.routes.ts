/**
 * `GET /api/events`: a server-sent event stream that says `task.changed` whenever an item in the reader's scope
 * changes, and `notification.created` when the reader has a new notification (see `platform/live.ts`). The page then
 * refetches what it shows, through the ordinary scoped API.
 *
 * The stream does not keep a session alive: every heartbeat re-reads the session without touching it and ends the
 * stream once the session has expired, was signed out, or the account was disabled or moved to another scope. The
 * browser's EventSource then reconnects, and the reconnect gets the ordinary 401 (which stops it) or a fresh stream.
 */
import { liveRoutes } from '@luoshi/contracts';
import type { FastifyInstance } from 'fastify';
import type { ServerResponse } from 'node:http';
import type { Deps } from '../../platform/context.js';
import { requireActor } from '../../platform/context.js';
import { addRoute } from '../../platform/http/route.js';
import { holdLive, releaseLive, subscribeToChanges, type LiveEvent } from '../../platform/live.js';
import { findSessionWithUser, isSessionExpired } from '../auth/index.js';

const HEARTBEAT_MS = 25_000;
/** How long the browser waits before reconnecting a dropped stream. */
const RETRY_MS = 5_000;

function write(raw: ServerResponse, event: LiveEvent): void {
  raw.write(`event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);
}

export function registerLiveRoutes(app: FastifyInstance, deps: Deps): void {
  const open = new Set<ServerResponse>();
  holdLive(deps);
  // Open streams never go idle: end them before the server waits for its connections to close.
  app.addHook('preClose', async () => {
    for (const raw of open) raw.end();
    open.clear();
    await releaseLive(deps);
  });

  addRoute(
    app,
    liveRoutes.events,
    {
      config: { scope: 'subtree' },
      tags: ['live'],
      summary: '实时更新（SSE）：范围内事项变化推送 task.changed，新通知推送 notification.created Live updates',
    },
    async (request, reply) => {
      const actor = requireActor(request.ctx);
      const sessionId = request.auth?.session.id;
      const raw = reply.raw;
      const unsubscribe = await subscribeToChanges(deps, { scopePath: actor.scope.path, userId: actor.userId }, (event) =>
        write(raw, event),
      );
      reply.hijack();
      raw.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
        // Reverse proxies (nginx) must pass events on at once instead of buffering them.
        'x-accel-buffering': 'no',
        connection: 'keep-alive',
      });
      raw.write(`retry: ${RETRY_MS}\n: connected\n\n`);
      open.add(raw);

      const stillSignedIn = async (): Promise<boolean> => {
        const auth = sessionId ? await findSessionWithUser(deps.database.db, sessionId) : null;
        if (!auth || auth.user.disabledAt || auth.session.stage !== 'active' || auth.scopePath !== actor.scope.path) return false;
        const limits = { idleMinutes: deps.env.SESSION_IDLE_MINUTES, absoluteHours: deps.env.SESSION_ABSOLUTE_HOURS };
        return !isSessionExpired(auth.session, deps.clock.now(), limits);
      };
      const heartbeat = setInterval(() => {
        void stillSignedIn()
          .catch(() => true)
          .then((ok) => (ok ? raw.write(': ping\n\n') : raw.end()));
      }, HEARTBEAT_MS);
      heartbeat.unref();
      raw.on('close', () => {
        clearInterval(heartbeat);
        unsubscribe();
        open.delete(raw);
      });
      return reply;
    },
  );
}
