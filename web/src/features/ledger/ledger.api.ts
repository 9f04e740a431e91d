/**
 * Reads and writes of the 督查工作台账: keyset pages with the colour counts, saved views, the export link, and the
 * 分工方案 import. The workbook goes up as multipart through XMLHttpRequest, which reports upload progress (the JSON
 * client cannot send forms); after the last byte the server checks the file, which the UI shows as such.
 */
import {
  ledgerImportResult,
  ledgerPage,
  ledgerView,
  okBody,
  type createLedgerViewBody,
  type LedgerImportResult,
  type TaskSource,
} from '@luoshi/contracts';
import { infiniteQueryOptions, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../../app/api/api-error';
import { apiRequest } from '../../app/api/client';
import { parseJson, uploadError } from '../../app/api/upload-errors';
import type { BodyOf } from '../../app/api/contract-types';
import { currentLocale } from '../../app/i18n/i18n';
import { cachedSession, dropSession } from '../../app/query-client';
import { paramsFromFilter, type LedgerFilterValue } from './ledger-filter';

const pageSize = 50;
const firstPage: string | null = null;

/** Keyset-paged ledger for a filter; every page carries the colour counts of the whole filter. */
export function ledgerQuery(filter: LedgerFilterValue) {
  return infiniteQueryOptions({
    // Under `tasks`, so any change to an item (which invalidates ['tasks']) refreshes the ledger too.
    queryKey: ['tasks', 'ledger', filter],
    initialPageParam: firstPage,
    queryFn: ({ pageParam }) =>
      apiRequest('GET', '/api/ledger', { schema: ledgerPage, query: { ...paramsFromFilter(filter), limit: pageSize, cursor: pageParam } }),
    getNextPageParam: (lastPage) => lastPage.nextCursor,
  });
}

/** The export of exactly this filter (all pages): a plain link, so the browser streams the file to disk. */
export function exportHref(filter: LedgerFilterValue): string {
  const search = new URLSearchParams(paramsFromFilter(filter)).toString();
  return search ? `/api/ledger/export.xlsx?${search}` : '/api/ledger/export.xlsx';
}

const viewsKey = ['ledger', 'views'] as const;

export function ledgerViewsQuery() {
  return queryOptions({ queryKey: viewsKey, queryFn: () => apiRequest('GET', '/api/ledger/views', { schema: ledgerView.array() }) });
}

export function useSaveLedgerView() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<typeof createLedgerViewBody>) => apiRequest('POST', '/api/ledger/views', { schema: ledgerView, body }),
    onSuccess: () => client.invalidateQueries({ queryKey: viewsKey }),
  });
}

export function useDeleteLedgerView() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiRequest('DELETE', `/api/ledger/views/${encodeURIComponent(id)}`, { schema: okBody }),
    onSuccess: () => client.invalidateQueries({ queryKey: viewsKey }),
  });
}

/** Where an import request stands: bytes going up (with the true percentage), then the server checking. */
export type ImportPhase = { phase: 'uploading'; percent: number } | { phase: 'checking' };

/**
 * `POST /api/ledger/import` (multipart, field `file`). A dry run reports every row's problems; `dryRun: false`
 * imports all rows or none. Rejects with an `ApiError` (unreadable file, too many rows, problems found …).
 */
export function importWorkbook(
  file: File,
  options: { dryRun: boolean; defaultSource?: TaskSource },
  onPhase: (phase: ImportPhase) => void,
): { promise: Promise<LedgerImportResult>; abort: () => void } {
  const xhr = new XMLHttpRequest();
  const promise = new Promise<LedgerImportResult>((resolve, reject) => {
    const query = new URLSearchParams({ dryRun: String(options.dryRun) });
    if (options.defaultSource) query.set('defaultSource', options.defaultSource);
    xhr.open('POST', `/api/ledger/import?${query.toString()}`);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Accept-Language', currentLocale());
    const csrfToken = cachedSession()?.csrfToken;
    if (csrfToken) xhr.setRequestHeader('X-CSRF-Token', csrfToken);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0)
        onPhase({ phase: 'uploading', percent: Math.round((event.loaded / event.total) * 100) });
    };
    xhr.upload.onload = () => onPhase({ phase: 'checking' });
    xhr.onerror = () => reject(new ApiError({ status: 0, code: 'NETWORK', message: 'network error' }));
    xhr.onabort = () => reject(new ApiError({ status: 0, code: 'NETWORK', message: 'aborted' }));
    xhr.onload = () => {
      const payload = parseJson(xhr.responseText);
      if (xhr.status < 200 || xhr.status >= 300) {
        const error = uploadError(xhr.status, payload);
        if (xhr.status === 401) dropSession(error.messages);
        reject(error);
        return;
      }
      const result = ledgerImportResult.safeParse(payload);
      if (!result.success) {
        reject(new ApiError({ status: xhr.status, code: 'BAD_RESPONSE', message: 'response does not match the contract' }));
        return;
      }
      resolve(result.data);
    };
    const form = new FormData();
    form.append('file', file, file.name);
    onPhase({ phase: 'uploading', percent: 0 });
    xhr.send(form);
  });
  return { promise, abort: () => xhr.abort() };
}
