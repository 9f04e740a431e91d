/** Reads of the tamper-evident audit log (审计日志), for the audit administrator only. */
import { auditRoutes, type AuditEventType } from '@luoshi/contracts';
import { infiniteQueryOptions, useMutation } from '@tanstack/react-query';
import { call } from '../../app/api/client';

/** Search filters; all optional, combined with AND by the server. */
export type AuditFilter = {
  eventType?: AuditEventType;
  actor?: string;
  objectId?: string;
  outcome?: 'success' | 'failure';
  /** ISO date-times with offset. */
  from?: string;
  to?: string;
};

const pageSize = 50;
const firstPage: string | null = null;

/** Keyset-paged search: each page carries the cursor of the next, so "加载更多" stays fast deep into the log. */
export function auditEventsQuery(filter: AuditFilter) {
  return infiniteQueryOptions({
    queryKey: ['audit-events', filter],
    initialPageParam: firstPage,
    queryFn: ({ pageParam }) => call(auditRoutes.search, { query: { ...filter, limit: pageSize, cursor: pageParam } }),
    getNextPageParam: (lastPage) => lastPage.nextCursor,
  });
}

/** `GET /api/audit-events/verify`: walks the hash chain. A button triggers it, so it is modelled as a mutation. */
export function useVerifyAuditLog() {
  return useMutation({
    mutationFn: () => call(auditRoutes.verify),
  });
}
