/**
 * What each user of the traffic model does, as actions for the open-loop driver: ledger walks (following the
 * keyset cursor the API returns, page after page), keyword walks, item pages with every call the page makes on items
 * the user met in their own ledger answers, the work desk, the cockpit of their own scope, a leader's reports, and
 * progress reports (with an Idempotency-Key) on items their own unit leads.
 */
import http from 'node:http';
import type { Action, Call } from './paced.js';
import {
  ledgerPath,
  pickOne,
  pickWeighted,
  sampleLedgerWalk,
  sampleReportPath,
  secondOfActions,
  type ActionKind,
  type LedgerWalk,
} from './traffic-model.js';
import { pickWriter, type TrafficUser } from './traffic-users.js';
import type { RequestSpec } from './request.js';
import { reportRequest } from './requests.js';
import type { BenchSession } from './session.js';

/** Items a user remembers from their ledger answers (the newest last); the item page picks among them. */
const SEEN_ITEMS_KEPT = 200;

export interface UserState extends TrafficUser {
  session: BenchSession;
  /** The user's own keep-alive connections (at most 6, as a browser), made anew for each run. */
  agent: http.Agent;
  seenItems: string[];
  /** The user's scope unit and its child units (GET /api/units?parentId=…): what the ledger's unit filter offers. */
  scopeUnits: string[];
  /** Open items led by the user's own unit (writers only). */
  reportable: string[];
  walk: { kind: 'ledger' | 'keyword'; walk: LedgerWalk; page: number; cursor: string | null; busy: boolean } | null;
}

export interface TrafficWorld {
  users: UserState[];
  writers: UserState[];
  sources: string[];
  today: string;
  random: () => number;
  /** Ledger requests per kind, and how many repeated a (scope, query, cursor) asked before in the same run. */
  ledgerRequests: Record<'ledger' | 'keyword', { total: number; repeats: number }>;
  seenLedgerKeys: Set<string>;
}

/** A browser's connections to one origin: keep-alive, at most six at a time. */
export function browserAgent(): http.Agent {
  return new http.Agent({ keepAlive: true, maxSockets: 6 });
}

export function newUserState(user: TrafficUser, session: BenchSession): UserState {
  return { ...user, session, agent: browserAgent(), seenItems: [], scopeUnits: [user.scopeUnitId], reportable: [], walk: null };
}

const isLeader = (u: UserState) => u.roles.includes('government_leader');
const isSupervisor = (u: UserState) => u.roles.includes('supervisor');
const isHandler = (u: UserState) => u.roles.includes('unit_handler') || u.roles.includes('unit_leader');

/** Remembers the items of a ledger answer; returns its cursor. */
export function rememberRows(user: UserState, body: string): string | null {
  try {
    const page = JSON.parse(body) as { items?: { id: string }[]; nextCursor?: string | null };
    for (const row of page.items ?? []) user.seenItems.push(row.id);
    if (user.seenItems.length > SEEN_ITEMS_KEPT) user.seenItems.splice(0, user.seenItems.length - SEEN_ITEMS_KEPT);
    return page.nextCursor ?? null;
  } catch {
    return null;
  }
}

function get(session: BenchSession, kind: string, path: string): RequestSpec {
  return { kind, method: 'GET', path, headers: session.readHeaders };
}

/** A user who is not in the middle of waiting for a page; a few tries, then anyone. */
function freeUser(world: TrafficWorld, candidates: readonly UserState[]): UserState {
  for (let i = 0; i < 8; i++) {
    const user = pickOne(world.random, candidates);
    if (!user.walk?.busy) return user;
  }
  return pickOne(world.random, candidates);
}

function ledgerAction(world: TrafficWorld, kind: 'ledger' | 'keyword'): Action {
  const user = freeUser(world, world.users);
  const current = user.walk;
  const continuing = current && !current.busy && current.kind === kind && current.cursor && current.page < current.walk.depth;
  const state = continuing
    ? current
    : {
        kind,
        walk: sampleLedgerWalk(world.random, { sources: world.sources, unitIds: user.scopeUnits, today: world.today }, kind === 'keyword'),
        page: 0,
        cursor: null,
        busy: false,
      };
  user.walk = state;
  const path = ledgerPath(state.walk, state.cursor);
  const counter = world.ledgerRequests[kind];
  counter.total++;
  const key = `${user.scopeUnitId}\u0000${path}`;
  if (world.seenLedgerKeys.has(key)) counter.repeats++;
  else world.seenLedgerKeys.add(key);
  return {
    kind,
    agent: user.agent,
    async run(call: Call) {
      state.busy = true;
      try {
        const answer = await call(get(user.session, kind === 'keyword' ? 'ledger.keyword' : 'ledger', path), { keepBody: true });
        state.page++;
        state.cursor = answer.status === 200 ? rememberRows(user, answer.body) : null;
      } finally {
        state.busy = false;
        if (!state.cursor || state.page >= state.walk.depth) user.walk = null;
      }
    },
  };
}

/** The item page (/tasks/:id): the item with its timeline first, then every section side by side, as the web does. */
function itemAction(world: TrafficWorld): Action {
  const readers = world.users.filter((u) => u.seenItems.length > 0);
  if (readers.length === 0) return ledgerAction(world, 'ledger');
  const user = pickOne(world.random, readers);
  // Recently seen items are likelier to be opened: half the picks among the newest 20.
  const recent = user.seenItems.slice(-20);
  const id = world.random() < 0.5 ? pickOne(world.random, recent) : pickOne(world.random, user.seenItems);
  const s = user.session;
  const tid = encodeURIComponent(id);
  return {
    kind: 'item',
    agent: user.agent,
    async run(call: Call) {
      const item = await call(get(s, 'item', `/api/tasks/${tid}`), { keepBody: true });
      if (item.status !== 200) return;
      const detail = JSON.parse(item.body) as { childCount?: number; parentId?: string | null };
      // A county reading its part of a province item may not see the parent: the page then shows a plain label.
      const parent = detail.parentId ? get(s, 'item.parent', `/api/tasks/${encodeURIComponent(detail.parentId)}`) : null;
      const sections = [
        get(s, 'item.milestones', `/api/tasks/${tid}/milestones`),
        get(s, 'item.roadmap', `/api/roadmap?parentId=${tid}`),
        get(s, 'item.instructions', `/api/tasks/${tid}/instructions`),
        get(s, 'item.extensions', `/api/tasks/${tid}/extensions`),
        get(s, 'item.cooperation', `/api/tasks/${tid}/cooperation`),
        get(s, 'item.reports', `/api/tasks/${tid}/reports`),
        ...(detail.childCount ? [get(s, 'item.subtasks', `/api/tasks?parentId=${tid}&limit=50`)] : []),
      ];
      await Promise.all([...sections.map((spec) => call(spec)), ...(parent ? [call(parent, { notFoundIsAnswer: true })] : [])]);
    },
  };
}

/** The home page: the work desk, and 我承办的 for the people of the units. */
function deskAction(world: TrafficWorld): Action {
  const user = pickOne(world.random, world.users);
  return {
    kind: 'desk',
    agent: user.agent,
    async run(call: Call) {
      const calls = [call(get(user.session, 'desk', '/api/desk'))];
      if (isHandler(user)) calls.push(call(get(user.session, 'desk.mine', '/api/tasks?mine=true&limit=50')));
      await Promise.all(calls);
    },
  };
}

/** The cockpit of the user's own scope; leaders look at it most, then the 督查室. */
function cockpitAction(world: TrafficWorld): Action {
  const user = pickWeighted(
    world.random,
    world.users.map((u) => [u, isLeader(u) ? 3 : isSupervisor(u) ? 2 : 1] as const),
  );
  return { kind: 'cockpit', agent: user.agent, run: async (call) => void (await call(get(user.session, 'cockpit', '/api/cockpit'))) };
}

function reportAction(world: TrafficWorld): Action {
  const readers = world.users.filter((u) => isLeader(u) || isSupervisor(u));
  const user = pickOne(world.random, readers);
  const { kind, path } = sampleReportPath(world.random, world.sources, isLeader(user));
  return { kind: 'report', agent: user.agent, run: async (call) => void (await call(get(user.session, kind, path))) };
}

function writeAction(world: TrafficWorld): Action {
  const user = pickWriter(world.random, world.writers);
  const spec = { ...reportRequest(user.session, pickOne(world.random, user.reportable)), kind: `write.${user.stratum}` };
  return { kind: 'write', agent: user.agent, run: async (call) => void (await call(spec)) };
}

/** The stream of actions at `ratePerSecond` requests/s: the per-second mix of traffic-model.ts, over and over. */
export function actionStream(world: TrafficWorld, ratePerSecond: number): { next: () => Action; actionsPerSecond: number } {
  const second = secondOfActions(ratePerSecond);
  let n = 0;
  const make: Record<ActionKind, () => Action> = {
    write: () => writeAction(world),
    ledger: () => ledgerAction(world, 'ledger'),
    keyword: () => ledgerAction(world, 'keyword'),
    item: () => itemAction(world),
    desk: () => deskAction(world),
    cockpit: () => cockpitAction(world),
    report: () => reportAction(world),
  };
  return { next: () => make[second[n++ % second.length] as ActionKind](), actionsPerSecond: second.length };
}
