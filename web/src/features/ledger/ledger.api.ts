/**
 * Reads and writes of the 督查工作台账: keyset pages with the colour counts, saved views, the export link, and the
 * 分工方案 import. The workbook goes up through `uploadFile` (multipart, with upload progress); after the last byte the
 * server checks the file, which the UI shows as such.
 */
import { ledgerRoutes, type createLedgerViewBody, type LedgerImportResult, type TaskSource } from '@luoshi/contracts';
import { infiniteQueryOptions, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { call, routeUrl } from '../../app/api/client';
import type { BodyOf } from '../../app/api/contract-types';
import { uploadFile } from '../../app/api/upload';
import { paramsFromFilter, withDefaultSort, type LedgerFilterValue } from './ledger-filter';

const pageSize = 50;
const firstPage: string | null = null;

/** Keyset-paged ledger for a filter; every page carries the colour counts of the whole filter. */
export function ledgerQuery(filter: LedgerFilterValue) {
  return infiniteQueryOptions({
    // Under `tasks`, so any change to an item (which invalidates ['tasks']) refreshes the ledger too.
    queryKey: ['tasks', 'ledger', filter],
    initialPageParam: firstPage,
    queryFn: ({ pageParam }) =>
      call(ledgerRoutes.list, { query: { ...paramsFromFilter(withDefaultSort(filter)), limit: pageSize, cursor: pageParam } }),
    getNextPageParam: (lastPage) => lastPage.nextCursor,
  });
}

/** The export of exactly this filter (all pages): a plain link, so the browser streams the file to disk. */
export function exportHref(filter: LedgerFilterValue): string {
  return routeUrl(ledgerRoutes.export, { query: paramsFromFilter(withDefaultSort(filter)) });
}

const viewsKey = ['ledger', 'views'] as const;

export function ledgerViewsQuery() {
  return queryOptions({ queryKey: viewsKey, queryFn: () => call(ledgerRoutes.views) });
}

export function useSaveLedgerView() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<typeof createLedgerViewBody>) => call(ledgerRoutes.createView, { body }),
    onSuccess: () => client.invalidateQueries({ queryKey: viewsKey }),
  });
}

export function useDeleteLedgerView() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call(ledgerRoutes.deleteView, { params: { id } }),
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
  onPhase({ phase: 'uploading', percent: 0 });
  return uploadFile(ledgerRoutes.import, {
    query: { dryRun: String(options.dryRun), defaultSource: options.defaultSource },
    file,
    onProgress: (percent) => onPhase({ phase: 'uploading', percent }),
    onSent: () => onPhase({ phase: 'checking' }),
  });
}
