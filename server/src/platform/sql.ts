/**
 * SQL helpers shared by every repository. They live in platform so a module can use them without importing
 * another module (the organisation's repository used to carry them, which tied every search to org).
 */

/** `%` and `_` in user text match literally. */
export function likeEscape(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
