/** Client-side mirror of the checkable parts of the password policy, to tick rules off while the user types. */

/** How many of the four character classes (upper, lower, digit, symbol) a password uses. */
export function characterClassCount(password: string): number {
  const classes = [/\p{Lu}/u, /\p{Ll}/u, /\p{N}/u, /[^\p{L}\p{N}]/u];
  return classes.filter((pattern) => pattern.test(password)).length;
}

/** Which rules `password` visibly meets; `null` means the browser cannot tell (server-only checks). */
export function checkPassword(password: string, username: string | null) {
  const hasInput = password.length > 0;
  const containsUsername = Boolean(username) && password.toLowerCase().includes((username ?? '').toLowerCase());
  return {
    isLongEnough: hasInput && [...password].length >= 8,
    hasEnoughClasses: hasInput && characterClassCount(password) >= 3,
    isUncommon: null,
    avoidsUsername: hasInput && username !== null && !containsUsername,
  };
}
