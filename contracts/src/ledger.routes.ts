/** Routes of the 督查工作台账: the table, the Excel export, saved views and the 分工方案 import (multipart, field `file`). */
import { z } from 'zod';
import { idParams, okBody } from './common.js';
import {
  createLedgerViewBody,
  ledgerFilter,
  ledgerImportQuery,
  ledgerImportResult,
  ledgerListQuery,
  ledgerPage,
  ledgerView,
} from './ledger.js';
import { defineRoute } from './route.js';

export const ledgerRoutes = {
  list: defineRoute({ method: 'GET', path: '/api/ledger', query: ledgerListQuery, response: ledgerPage }),
  export: defineRoute({
    method: 'GET',
    path: '/api/ledger/export.xlsx',
    query: ledgerFilter,
    response: z.unknown().describe('XLSX bytes'),
  }),
  views: defineRoute({ method: 'GET', path: '/api/ledger/views', response: z.array(ledgerView) }),
  createView: defineRoute({ method: 'POST', path: '/api/ledger/views', body: createLedgerViewBody, status: 201, response: ledgerView }),
  deleteView: defineRoute({ method: 'DELETE', path: '/api/ledger/views/:id', params: idParams, response: okBody }),
  /** multipart/form-data with the workbook in field `file`. */
  import: defineRoute({ method: 'POST', path: '/api/ledger/import', query: ledgerImportQuery, response: ledgerImportResult }),
};
