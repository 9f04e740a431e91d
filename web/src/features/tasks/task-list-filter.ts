/** The list filter and its place in the URL (`?inbox=&status=&q=`), so a reload or the back button keeps it. */
import { taskStatusSchema, type CurrentUser } from '@luoshi/contracts';
import type { TaskFilter } from './tasks.api';

/** 我的待办 is the natural start for people who only handle items in a unit (承办人, 单位负责人). */
export function inboxByDefault(user: Pick<CurrentUser, 'roles'>): boolean {
  return user.roles.length > 0 && user.roles.every((role) => role === 'unit_handler' || role === 'unit_leader');
}

/** The filter in the URL; a missing `inbox` means the user's default, a bad `status` means none. */
export function filterFromParams(params: URLSearchParams, user: Pick<CurrentUser, 'roles'>): TaskFilter {
  const status = taskStatusSchema.safeParse(params.get('status'));
  const inbox = params.get('inbox');
  return {
    status: status.success ? status.data : undefined,
    q: params.get('q')?.trim() || undefined,
    inbox: inbox === null ? inboxByDefault(user) : inbox === 'true',
  };
}

/** URL parameters for a filter (`inbox` always, so the user's explicit choice survives). */
export function paramsFromFilter(filter: TaskFilter): Record<string, string> {
  const params: Record<string, string> = { inbox: String(filter.inbox) };
  if (filter.status) params.status = filter.status;
  if (filter.q) params.q = filter.q;
  return params;
}
