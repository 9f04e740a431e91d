/**
 * `POST /api/ledger/import` with the clerk's picks for unknown unit names (`mappings`, JSON in the query): the
 * dry run resolves them, and the real import remembers each pick as an alias of the unit.
 */
import { ledgerRoutes, type LedgerImportMappings, type LedgerImportResult, type TaskSource } from '@luoshi/contracts';
import { uploadFile } from '../../app/api/upload';
import type { ImportPhase } from './ledger.api';

export function importWorkbookMapped(
  file: File,
  options: { dryRun: boolean; defaultSource?: TaskSource; mappings: LedgerImportMappings },
  onPhase: (phase: ImportPhase) => void,
): { promise: Promise<LedgerImportResult>; abort: () => void } {
  onPhase({ phase: 'uploading', percent: 0 });
  const mappings = Object.keys(options.mappings).length ? JSON.stringify(options.mappings) : undefined;
  return uploadFile(ledgerRoutes.import, {
    query: { dryRun: String(options.dryRun), defaultSource: options.defaultSource, mappings },
    file,
    onProgress: (percent) => onPhase({ phase: 'uploading', percent }),
    onSent: () => onPhase({ phase: 'checking' }),
  });
}
