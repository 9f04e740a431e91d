/** Signing in the bench accounts over HTTP, as the web client does: the session cookie plus the CSRF token. */
import { BENCH_PASSWORD } from '../phase-users.js';

export interface BenchSession {
  username: string;
  cookie: string;
  csrfToken: string;
  /** Headers of a GET, and of a write (CSRF token, JSON body). */
  readHeaders: Record<string, string>;
  writeHeaders: Record<string, string>;
}

export async function signIn(baseUrl: string, username: string, password = BENCH_PASSWORD): Promise<BenchSession> {
  const res = await fetch(`${baseUrl}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!res.ok) throw new Error(`sign-in of ${username} failed: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { stage: string; csrfToken: string };
  if (body.stage !== 'active') throw new Error(`${username} is at sign-in stage ${body.stage}, not active`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return {
    username,
    cookie,
    csrfToken: body.csrfToken,
    readHeaders: { cookie, accept: 'application/json' },
    writeHeaders: { cookie, accept: 'application/json', 'x-csrf-token': body.csrfToken, 'content-type': 'application/json' },
  };
}

/** GET as a session; throws on a non-2xx answer (for set-up steps, not for measured load). */
export async function getJson<T>(baseUrl: string, session: BenchSession, path: string): Promise<T> {
  const res = await fetch(`${baseUrl}${path}`, { headers: session.readHeaders });
  if (!res.ok) throw new Error(`GET ${path} failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}
