/**
 * The words a monitor searched for (often a confidential person's name) are remembered in a
 * cookie, so that they stay out of addresses. The cookie is sealed (AES-GCM under a key derived
 * from the server's secret) and bound to the session: a seized laptop's browser profile holds no
 * readable name, and a cookie left from another session, or another list, opens to nothing. Signing
 * out clears them.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { openSearch, sealSearch, searchCookies } from '@/server/auth/remembered-search';
import { forgetRememberedSearches } from '@/server/auth/sign-out-cookies';

const name = 'Сомира Кумаритова';

describe('remembered search words', () => {
  it('are sealed: the cookie shows neither the words nor any spelling of them, and opens in the same session', () => {
    const session = randomUUID();
    const sealed = sealSearch('persons', name, session);
    for (const reading of [sealed, Buffer.from(sealed, 'base64url').toString('utf8'), Buffer.from(sealed, 'base64url').toString('latin1'), decodeURIComponent(sealed)]) {
      expect(reading).not.toContain('Кумаритова');
      expect(reading).not.toContain('Kumaritova');
    }
    expect(sealed).toMatch(/^[A-Za-z0-9_-]+$/); // a cookie value as it is, nothing to escape
    expect(sealSearch('persons', name, session)).not.toBe(sealed); // a fresh nonce each time
    expect(openSearch('persons', sealed, session)).toBe(name);
  });

  it('open to nothing in another session, for another list, when changed, or when written in the clear', () => {
    const session = randomUUID();
    const sealed = sealSearch('incidents', name, session);
    expect(openSearch('incidents', sealed, randomUUID())).toBe('');
    expect(openSearch('persons', sealed, session)).toBe('');
    const bytes = Buffer.from(sealed, 'base64url');
    bytes[bytes.length - 20]! ^= 1;
    expect(openSearch('incidents', bytes.toString('base64url'), session)).toBe('');
    expect(openSearch('incidents', name, session)).toBe('');
    expect(openSearch('incidents', '', session)).toBe('');
  });

  it('are cleared by signing out, each on the path it was set for', async () => {
    const signOut = new Request('http://localhost:3000/api/auth/signout', { method: 'POST' });
    const answered = forgetRememberedSearches(signOut, new Response(null, { status: 302, headers: { location: '/sign-in', 'set-cookie': 'hrd.session=; Max-Age=0; Path=/' } }));
    const cleared = answered.headers.getSetCookie();
    expect(cleared).toContain('hrd.session=; Max-Age=0; Path=/');
    for (const [list, cookie] of Object.entries(searchCookies)) {
      expect(cleared, list).toContainEqual(expect.stringMatching(new RegExp(`^${cookie.replace('.', '\\.')}=; Path=${list === 'incidents' ? '/' : `/${list}`}; Max-Age=0`)));
    }
    // Any other request to next-auth leaves them alone.
    const session = forgetRememberedSearches(new Request('http://localhost:3000/api/auth/session'), new Response('{}'));
    expect(session.headers.getSetCookie()).toEqual([]);
  });
});
