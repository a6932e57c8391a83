import 'server-only';
/**
 * Where next-auth may send someone after signing in or out: only to this app. next-auth's default
 * parses the callback URL with `new URL()` and throws on a malformed one, so a crafted callbackUrl in
 * the query, the form or a poisoned `next-auth.callback-url` cookie answered 500 on every sign-in.
 * Anything malformed or elsewhere goes to the app's start page instead.
 */
export function safeRedirect({ url, baseUrl }: { url: string; baseUrl: string }): string {
  try {
    const base = new URL(baseUrl);
    // A path of this app ("/incidents"), but not a protocol-relative "//elsewhere.example".
    if (url.startsWith('/') && !url.startsWith('//') && !url.startsWith('/\\')) {
      const target = new URL(url, base);
      if (target.origin === base.origin) return target.toString();
      return baseUrl;
    }
    const target = new URL(url);
    return target.origin === base.origin ? target.toString() : baseUrl;
  } catch {
    return baseUrl;
  }
}
