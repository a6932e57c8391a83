/** Signing in to a running app process as a browser does, for the benches that read workspace pages. */

/** Signs in through next-auth's credentials flow; returns the session cookie, checked to open the workspace. */
export async function signIn(base: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookie = csrf.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const answer = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: csrfCookie },
    body: new URLSearchParams({ csrfToken, email, password, json: 'true' }),
  });
  const session = answer.headers.getSetCookie().map((c) => c.split(';')[0]!).find((c) => /session-token=|hrd\.session=/.test(c));
  if (!session) throw new Error(`Sign-in as ${email} failed (HTTP ${answer.status}).`);
  // The session must open the workspace (no second-factor step or enrolment in the way).
  const list = await fetch(`${base}/incidents`, { redirect: 'manual', headers: { cookie: session } });
  if (list.status !== 200) throw new Error(`Signed in as ${email}, but /incidents answers ${list.status} (a second-factor gate?).`);
  return session;
}
