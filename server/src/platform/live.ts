/**
 * Live updates (issue 4 item 5): the ledger, item pages and the cockpit refresh when an item changes, without
 * reloading, and a reader only ever hears about items in their scope.
 *
 * Writers call `publishTaskChange(tx, …)` inside the write's transaction. It is a PostgreSQL NOTIFY, so it goes out
 * only if the transaction commits, and reaches every server process on the same database (PGlite delivers it within
 * the one process). Each process listens once, on the first reader's subscription, and hands each change to the
 * readers whose scope contains the item's supervising government, lead unit or a cooperating unit.
 */
import { sql } from 'drizzle-orm';
import type { Deps } from './context.js';
import type { Database, Db } from './db.js';

const CHANNEL = 'luoshi_live';
/** NOTIFY payloads must stay under 8000 bytes; cooperating units are dropped first when an item has very many. */
const PAYLOAD_MAX = 7_500;

/** An item that was created, changed or moved along its lifecycle, with the unit paths that decide who may know. */
export interface TaskChange {
  taskId: string;
  supervisingUnitPath: string;
  leadUnitPath: string;
  cooperatingUnitPaths?: readonly string[];
}

/**
 * What a reader is told: which item changed, or that they have a new notification — nothing else, so the reader
 * refetches what it shows (the bell its unread count) through the ordinary API.
 */
export type LiveEvent = { type: 'task.changed'; taskId: string } | { type: 'notification.created' };

/** Users per NOTIFY: 36-character ids keep a payload of this many well under the 8000-byte limit. */
const USERS_PER_PAYLOAD = 150;

function encode(change: TaskChange): string {
  const full = JSON.stringify({
    t: change.taskId,
    p: [change.supervisingUnitPath, change.leadUnitPath, ...(change.cooperatingUnitPaths ?? [])],
  });
  if (full.length <= PAYLOAD_MAX) return full;
  return JSON.stringify({ t: change.taskId, p: [change.supervisingUnitPath, change.leadUnitPath] });
}

type Decoded = { kind: 'task'; taskId: string; paths: string[] } | { kind: 'notification'; userIds: string[] };

const strings = (value: unknown): value is string[] => Array.isArray(value) && value.every((x) => typeof x === 'string');

function decode(payload: string): Decoded | null {
  try {
    const parsed: unknown = JSON.parse(payload);
    if (typeof parsed !== 'object' || parsed === null) return null;
    const { t, p, n } = parsed as { t?: unknown; p?: unknown; n?: unknown };
    if (strings(n)) return { kind: 'notification', userIds: n };
    if (typeof t !== 'string' || !strings(p)) return null;
    return { kind: 'task', taskId: t, paths: p };
  } catch {
    return null;
  }
}

/** Announces a change to live readers once `tx` commits (nothing is said if it rolls back). */
export async function publishTaskChange(tx: Db, change: TaskChange): Promise<void> {
  await tx.execute(sql`select pg_notify(${CHANNEL}, ${encode(change)})`);
}

/** Tells the bells of `userIds` that they have something new, once `tx` commits (the notification outbox calls it). */
export async function publishNotifications(tx: Db, userIds: readonly string[]): Promise<void> {
  for (let i = 0; i < userIds.length; i += USERS_PER_PAYLOAD) {
    await tx.execute(sql`select pg_notify(${CHANNEL}, ${JSON.stringify({ n: userIds.slice(i, i + USERS_PER_PAYLOAD) })})`);
  }
}

interface Subscriber {
  scopePath: string;
  userId: string;
  send: (event: LiveEvent) => void;
}

/** The readers of one database in this process, and the one LISTEN that feeds them. */
class LiveHub {
  readonly subscribers = new Set<Subscriber>();
  private listening: Promise<() => Promise<void>> | null = null;

  constructor(private readonly database: Database) {}

  async subscribe(subscriber: Subscriber): Promise<() => void> {
    this.listening ??= this.database.listen(CHANNEL, (payload) => this.deliver(payload));
    try {
      await this.listening;
    } catch (error) {
      this.listening = null;
      throw error;
    }
    this.subscribers.add(subscriber);
    return () => {
      this.subscribers.delete(subscriber);
    };
  }

  private deliver(payload: string): void {
    const change = decode(payload);
    if (!change) return;
    for (const subscriber of this.subscribers) {
      if (change.kind === 'notification') {
        if (change.userIds.includes(subscriber.userId)) subscriber.send({ type: 'notification.created' });
      } else if (change.paths.some((path) => path.startsWith(subscriber.scopePath))) {
        subscriber.send({ type: 'task.changed', taskId: change.taskId });
      }
    }
  }

  async stop(): Promise<void> {
    this.subscribers.clear();
    const listening = this.listening;
    this.listening = null;
    const stopListening = await listening?.catch(() => null);
    if (stopListening) await stopListening();
  }
}

const hubs = new WeakMap<Database, LiveHub>();

function hubOf(deps: Deps): LiveHub {
  let hub = hubs.get(deps.database);
  if (!hub) {
    hub = new LiveHub(deps.database);
    hubs.set(deps.database, hub);
  }
  return hub;
}

/**
 * Calls `send` for every committed change to an item in `scopePath` and every new notification of `userId`; resolves
 * to the unsubscribe function.
 */
export function subscribeToChanges(
  deps: Deps,
  reader: { scopePath: string; userId: string },
  send: (event: LiveEvent) => void,
): Promise<() => void> {
  return hubOf(deps).subscribe({ ...reader, send });
}

/**
 * Each app serving the event stream holds the database's hub; the last one to close stops the listener (tests run
 * two apps on one database).
 */
const holders = new WeakMap<Database, number>();

export function holdLive(deps: Deps): void {
  holders.set(deps.database, (holders.get(deps.database) ?? 0) + 1);
}

/** The app is closing: stops listening when no other app on the same database still serves the stream. */
export async function releaseLive(deps: Deps): Promise<void> {
  const left = (holders.get(deps.database) ?? 1) - 1;
  holders.set(deps.database, left);
  if (left <= 0) await hubs.get(deps.database)?.stop();
}
