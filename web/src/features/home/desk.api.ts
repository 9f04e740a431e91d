/**
 * `GET /api/desk`: what awaits the reader today. Keyed under the item lists (a lifecycle step invalidates ['tasks'],
 * so the desk follows at once) and re-read whenever the home page opens: others' steps change it too.
 */
import { deskRoutes } from '@luoshi/contracts';
import { queryOptions } from '@tanstack/react-query';
import { call } from '../../app/api/client';

export const deskQueryKey = ['tasks', 'desk'] as const;

export function deskQuery() {
  return queryOptions({ queryKey: deskQueryKey, queryFn: () => call(deskRoutes.get), refetchOnMount: 'always' });
}
