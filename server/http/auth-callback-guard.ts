import 'server-only';
/**
 * next-auth v4 checks the callback address of the query and of its `next-auth.callback-url` cookie
 * before any callback of ours runs, and answers a malformed one with a 500 "server configuration"
 * error: a crafted link, or a cookie planted once, broke every sign-in. proxy.ts drops such values
 * from /api/auth requests before next-auth sees them (the form's value goes through
 * server/auth/redirect.ts, which never fails).
 */
const callbackCookies = ['next-auth.callback-url', '__Secure-next-auth.callback-url'];

/** next-auth's own test: an http(s) address, or a path. */
export function isUsableCallback(value: string, base: string): boolean {
  try {
    return /^https?:$/.test(new URL(value, value.startsWith('/') ? base : undefined).protocol);
  } catch {
    return false;
  }
}

/** The query and cookie header without unusable callback addresses; null when nothing had to go. */
export function withoutBadCallbacks(url: URL, cookieHeader: string | null): { url: URL; cookie: string | null } | null {
  let changed = false;
  const cleanUrl = new URL(url);
  const param = cleanUrl.searchParams.get('callbackUrl');
  if (param !== null && !isUsableCallback(param, url.origin)) {
    cleanUrl.searchParams.delete('callbackUrl');
    changed = true;
  }
  let cookie = cookieHeader;
  if (cookieHeader) {
    const kept = cookieHeader.split(';').filter((part) => {
      const at = part.indexOf('=');
      const name = part.slice(0, at).trim();
      if (!callbackCookies.includes(name)) return true;
      let value = part.slice(at + 1).trim();
      try {
        value = decodeURIComponent(value);
      } catch {
        return false;
      }
      return isUsableCallback(value, url.origin);
    });
    if (kept.length !== cookieHeader.split(';').length) {
      cookie = kept.join(';');
      changed = true;
    }
  }
  return changed ? { url: cleanUrl, cookie } : null;
}
