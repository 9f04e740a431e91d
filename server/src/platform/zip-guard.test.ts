import ExcelJS from 'exceljs';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { checkZip } from './zip-guard.js';

const limits = { maxInflatedBytes: 20 * 1024 * 1024, maxEntries: 2_000 };

/** A workbook-shaped archive whose sheet inflates to `mib` MiB of blanks (compressed, a few hundred KB). */
function bomb(mib: number): Uint8Array {
  const sheet = new Uint8Array(mib * 1024 * 1024).fill(0x20);
  sheet.set(strToU8('<worksheet><sheetData>'), 0);
  return zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'xl/worksheets/sheet1.xml': sheet }, { level: 9 });
}

describe('zip guard (bad input B2)', () => {
  it('passes a real workbook and counts what it inflates to', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('分工方案').addRow(['序号', '工作任务', '牵头单位']);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const check = checkZip(bytes, limits);
    expect(check.ok).toBe(true);
    if (check.ok) expect(check.inflatedBytes).toBeGreaterThan(bytes.length);
  });

  it('stops a small file that inflates past the limit, quickly and without keeping it', () => {
    const bytes = bomb(64);
    expect(bytes.length).toBeLessThan(1024 * 1024);
    const started = performance.now();
    expect(checkZip(bytes, limits)).toEqual({ ok: false, reason: 'too_large' });
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('refuses an archive of too many entries, and bytes that are not an archive', () => {
    const many: Record<string, Uint8Array> = {};
    for (let i = 0; i < 30; i++) many[`f${i}.xml`] = strToU8('<a/>');
    expect(checkZip(zipSync(many), { ...limits, maxEntries: 10 })).toEqual({ ok: false, reason: 'too_many_entries' });
    expect(checkZip(strToU8('序号,工作任务\n1,不是工作簿'), limits).ok).toBe(false);
  });
});
