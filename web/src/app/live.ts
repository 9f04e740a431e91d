/**
 * Live refresh: pages that show items subscribe to `GET /api/events` (server-sent events, scoped by the server to the
 * reader's items) and refetch their queries when an item changes. A burst of changes (an Excel import, a roll-up)
 * costs one refetch, and a hidden tab waits until it is looked at again — so an unattended screen neither hammers
 * the server nor counts as activity for the session's idle limit.
 */
import { useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useEffect } from 'react';

/** Changes arriving within this window are refetched together. */
const COALESCE_MS = 1_500;

/** Refetches `queryKey` (and everything below it) whenever an item in the reader's scope changes. */
export function useLiveRefresh(queryKey: QueryKey): void {
  const client = useQueryClient();
  const key = JSON.stringify(queryKey);
  useEffect(() => {
    if (typeof EventSource === 'undefined') return undefined;
    const parsedKey = JSON.parse(key) as QueryKey;
    const source = new EventSource('/api/events');
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
    source.addEventListener('task.changed', onChange);
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      source.close();
      if (timer) clearTimeout(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [client, key]);
}
