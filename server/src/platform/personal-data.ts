/**
 * Personal data as lists show it (等保 2.0 8.1.4.11, S19): enough to tell records apart and to check a number with
 * its owner, not enough to harvest numbers from a list. Presenters of list answers use these; the full value is
 * shown only where someone needs it to do their work (the record's own page, its editor).
 */

/**
 * A phone number with the first three and last four characters kept and every other digit `*`
 * (13812345678 → 138****5678; separators stay); a number under eight characters keeps only its last two.
 */
export function maskPhone(phone: string): string {
  const chars = [...phone];
  const keepStart = chars.length >= 11 ? 3 : 0;
  const keepEnd = chars.length >= 8 ? 4 : Math.min(2, chars.length);
  return chars.map((c, i) => (i < keepStart || i >= chars.length - keepEnd || !/\d/.test(c) ? c : '*')).join('');
}
