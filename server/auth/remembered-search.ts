import 'server-only';
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { authSecret } from './options';

/**
 * Name searches of the workspace lists travel in a short-lived, http-only cookie scoped to the list,
 * not in the address: an address with a confidential name in it stays in browser history, in proxy
 * and server logs and in the Referer of the next request. The cookie itself is sealed (AES-256-GCM
 * under a key derived from the server's secret, NEXTAUTH_SECRET) and bound to the list and the
 * session that wrote it: a seized laptop's browser profile holds no readable name, and a cookie
 * left by an earlier session (another person on a shared computer, or the same one after signing
 * out) opens to nothing. Signing out also clears them (./sign-out-cookies.ts).
 */
export const searchCookies = { persons: 'hrd.search.persons', cases: 'hrd.search.cases', incidents: 'hrd.search.incidents' } as const;
export type SearchList = keyof typeof searchCookies;

/** Where the list's cookie is sent: the list, and for incidents the coordinators' export of the list as filtered too. */
export const searchCookiePath = (list: SearchList) => (list === 'incidents' ? '/' : `/${list}`);

export const searchCookieOptions = (list: SearchList) => ({
  httpOnly: true,
  sameSite: 'strict' as const,
  path: searchCookiePath(list),
  maxAge: 30 * 60,
  secure: (process.env.NEXTAUTH_URL ?? '').startsWith('https://'),
});

const info = 'hrd-monitor remembered searches v1';

function key(): Buffer {
  const secret = authSecret();
  // Without a secret there is no session either (next-auth refuses to start); never seal under a guessable key.
  if (!secret) throw new Error('NEXTAUTH_SECRET is not set: remembered searches cannot be sealed');
  return Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), info, 32));
}

/** The list and the session the words belong to: a sealed value opens only for both. */
const boundTo = (list: SearchList, sessionId: string) => Buffer.from(`${searchCookies[list]}\u0000${sessionId}`);

/** The cookie value for these words: nonce, ciphertext and tag, base64url (nothing for a cookie to escape). */
export function sealSearch(list: SearchList, text: string, sessionId: string): string {
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key(), nonce);
  cipher.setAAD(boundTo(list, sessionId));
  return Buffer.concat([nonce, cipher.update(text, 'utf8'), cipher.final(), cipher.getAuthTag()]).toString('base64url');
}

/** The words a cookie remembers for this list and session; empty when it is not one this session sealed. */
export function openSearch(list: SearchList, sealed: string, sessionId: string): string {
  const bytes = Buffer.from(sealed, 'base64url');
  if (bytes.length < 12 + 16) return '';
  try {
    const decipher = createDecipheriv('aes-256-gcm', key(), bytes.subarray(0, 12));
    decipher.setAAD(boundTo(list, sessionId));
    decipher.setAuthTag(bytes.subarray(bytes.length - 16));
    return Buffer.concat([decipher.update(bytes.subarray(12, bytes.length - 16)), decipher.final()]).toString('utf8');
  } catch {
    return '';
  }
}
