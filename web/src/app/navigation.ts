/** Building and checking the `?next=` target, so sign-in can return the user to where the session ran out. */

/**
 * Only same-site paths are accepted: `//evil.example` or `/\evil` would make the browser leave the platform after
 * sign-in (an open redirect usable for phishing).
 */
export function safeNextPath(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\') || next.startsWith('/login')) {
    return '/';
  }
  return next;
}

/** The login URL that brings the user back to `pathname + search` afterwards. */
export function loginPathFor(location: { pathname: string; search: string }): string {
  const target = `${location.pathname}${location.search}`;
  return target === '/' || target.startsWith('/login') ? '/login' : `/login?next=${encodeURIComponent(target)}`;
}

/**
 * The one menu entry to highlight for `pathname`: the longest entry path it equals or lies below. Without this the
 * layout would highlight every prefix, e.g. both 督办事项 (`/tasks`) and 登记督办事项 (`/tasks/new`).
 */
export function selectedMenuPath(pathname: string, paths: readonly string[]): string | undefined {
  const matches = paths.filter((path) => pathname === path || (path !== '/' && pathname.startsWith(`${path}/`)));
  return matches.sort((a, b) => b.length - a.length)[0];
}
