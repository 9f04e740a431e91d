/**
 * A guard against decompression bombs (bad-input class B2) for uploads that are ZIP containers — an .xlsx 分工方案 is
 * one. The bytes are inflated entry by entry with a running count, and the upload is refused the moment the
 * total passes the limit, before any parser sees it.
 *
 * Why not trust the sizes the archive declares: a crafted archive can say anything in its headers. Why not let
 * exceljs find out: a 620 KB workbook whose sheet inflates to 630 MB kept exceljs busy for 7 s, and its memory
 * grew with the string it built, before it gave up; a few of those at once would end the server for everyone. Inflating
 * with a counter costs a fraction of that and keeps nothing.
 */
import { Unzip, UnzipInflate, UnzipPassThrough } from 'fflate';

export interface ZipLimits {
  /** Most bytes all entries may inflate to together. */
  maxInflatedBytes: number;
  /** Most entries. */
  maxEntries: number;
}

export type ZipCheck =
  { ok: true; inflatedBytes: number; entries: number } | { ok: false; reason: 'too_large' | 'too_many_entries' | 'unreadable' };

/** Inflates every entry of `bytes` with a running count, stopping at the first limit passed. */
export function checkZip(bytes: Uint8Array, limits: ZipLimits): ZipCheck {
  let inflated = 0;
  let entries = 0;
  let verdict: ZipCheck | null = null;
  const unzip = new Unzip((file) => {
    entries++;
    if (entries > limits.maxEntries) {
      verdict ??= { ok: false, reason: 'too_many_entries' };
      return;
    }
    file.ondata = (error, chunk) => {
      if (verdict) return;
      if (error) {
        verdict = { ok: false, reason: 'unreadable' };
        return;
      }
      inflated += chunk.length;
      if (inflated > limits.maxInflatedBytes) {
        verdict = { ok: false, reason: 'too_large' };
        file.terminate();
      }
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  unzip.register(UnzipPassThrough);
  try {
    // Fed in slices, so a bomb is stopped after the slice that passed the limit rather than after the whole file.
    const slice = 64 * 1024;
    for (let at = 0; at < bytes.length && !verdict; at += slice) {
      unzip.push(bytes.subarray(at, Math.min(at + slice, bytes.length)), at + slice >= bytes.length);
    }
  } catch {
    return verdict ?? { ok: false, reason: 'unreadable' };
  }
  if (verdict) return verdict;
  // Bytes without a single entry are not an archive (a CSV renamed .xlsx, say).
  return entries === 0 ? { ok: false, reason: 'unreadable' } : { ok: true, inflatedBytes: inflated, entries };
}
