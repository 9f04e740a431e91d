/**
 * (f) The Excel export of 100,000 ledger rows: the province 督查室 exports the ledger registered since the date from
 * which it holds 100,000 items. Measured: time to the last byte, bytes, and the server's peak resident memory
 * during the export (the peak is reset to the current RSS first, and RSS is also sampled every 100 ms).
 */
import type { BenchContext } from './context.js';
import { getJson } from './session.js';

export interface ExportScenarioResult {
  id: 'f';
  title: string;
  rows: number;
  status: number;
  bytes: number;
  seconds: number;
  rssBeforeMB: number;
  peakRssMB: number;
  /** Whether the kernel's peak counter could be reset (else the peak is the sampled maximum). */
  peakFromKernel: boolean;
}

const MiB_TO_MB = 1.048576;

export async function runExportScenario(ctx: BenchContext): Promise<ExportScenarioResult> {
  const { server, sessions, fixtures, log } = ctx;
  const filter = new URLSearchParams({ createdFrom: fixtures.exportCreatedFrom });
  const page = await getJson<{ counts: { total: number } }>(server.baseUrl, sessions.ducha, `/api/ledger?${filter.toString()}&limit=1`);
  const rows = page.counts.total;
  log(`(f) Excel export of ${rows} rows (createdFrom=${fixtures.exportCreatedFrom})`);
  const before = server.memory();
  const peakFromKernel = server.resetPeak();
  let sampledPeak = before.rssMiB;
  const sampler = setInterval(() => {
    sampledPeak = Math.max(sampledPeak, server.memory().rssMiB);
  }, 100);
  const started = performance.now();
  let bytes = 0;
  let status = 0;
  try {
    const res = await fetch(`${server.baseUrl}/api/ledger/export.xlsx?${filter.toString()}`, { headers: sessions.ducha.readHeaders });
    status = res.status;
    if (res.body) for await (const chunk of res.body) bytes += (chunk as Uint8Array).byteLength;
  } finally {
    clearInterval(sampler);
  }
  const seconds = Math.round((performance.now() - started) / 100) / 10;
  const after = server.memory();
  const peakMiB = Math.max(sampledPeak, peakFromKernel ? after.peakMiB : 0);
  const result: ExportScenarioResult = {
    id: 'f',
    title: 'Excel export of 100,000 rows',
    rows,
    status,
    bytes,
    seconds,
    rssBeforeMB: Math.round(before.rssMiB * MiB_TO_MB),
    peakRssMB: Math.round(peakMiB * MiB_TO_MB),
    peakFromKernel,
  };
  log(
    `    ${status}, ${(bytes / 1e6).toFixed(1)} MB in ${seconds} s; server RSS ${result.rssBeforeMB} MB before, peak ${result.peakRssMB} MB`,
  );
  return result;
}
