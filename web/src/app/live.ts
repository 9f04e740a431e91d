/**
 * Live refresh: pages that show items, and the bell, listen to `GET /api/events` (server-sent events, scoped by the
 * server to the reader's items and own notifications) and refetch their queries when something changes. One
 * EventSource per tab, shared by every listener (browsers allow only six connections per host over HTTP/1.1). A burst
 * of changes (an Excel import, a roll-up) costs one refetch, and a hidden tab waits until it is looked at again — so
 * an unattended screen neither hammers the server nor counts as activity for the session's idle limit.
 */
import type { liveRoutes } from '@luoshi/contracts';
import { useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useEffect } from 'react';

/**
 * The stream's path, typed as the contracts route's: it is written out because the definition itself loads with the
 * lazy contracts chunk, and the type makes a change of the route's path fail the build here.
 */
const eventsPath: (typeof liveRoutes)['events']['path'] = '/api/events';

/** Changes arriving within this window are refetched together. */
const COALESCE_MS = 1_500;

export type LiveEventType = 'task.changed' | 'notification.created';

let shared: EventSource | null = null;
let holders = 0;

/** Opens the tab's stream on first use and closes it when the last listener leaves. */
function acquire(): EventSource | null {
  if (typeof EventSource === 'undefined') return null;
  shared ??= new EventSource(eventsPath);
  holders += 1;
  return shared;
}

function release(): void {
  holders -= 1;
  if (holders <= 0 && shared) {
    shared.close();
    shared = null;
    holders = 0;
  }
}

/** Refetches `queryKey` (and everything below it) whenever an event of `type` arrives for this reader. */
export function useLiveRefresh(queryKey: QueryKey, type: LiveEventType = 'task.changed'): void {
  const client = useQueryClient();
  const key = JSON.stringify(queryKey);
  useEffect(() => {
    const source = acquire();
    if (!source) return undefined;
    const parsedKey = JSON.parse(key) as QueryKey;
    let timer: ReturnType<typeof setTimeout> | null = null;
    let missed = false;
    const refetch = () => {
      timer = null;
      if (document.visibilityState === 'visible') void client.invalidateQueries({ queryKey: parsedKey });
      else missed = true;
    };
    const onChange = () => {
      timer ??= setTimeout(refetch, COALESCE_MS);
    };
    const onVisible = () => {
      if (missed && document.visibilityState === 'visible') {
        missed = false;
        void client.invalidateQueries({ queryKey: parsedKey });
      }
    };
    source.addEventListener(type, onChange);
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      source.removeEventListener(type, onChange);
      release();
      if (timer) clearTimeout(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [client, key, type]);
}
