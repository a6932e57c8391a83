import { describe, expect, it } from 'vitest';
import { safeRedirect } from '@/server/auth/redirect';
import { contentSecurityPolicy, isPublicPath, newNonce } from '@/server/http/security-headers';
import { isOwnOrigin } from '@/server/http/request-guard';
import { withoutBadCallbacks } from '@/server/http/auth-callback-guard';
import { auditListInput } from '@/common/inputs/audit';
import { searchTextOf } from '@/common/inputs/text';

const baseUrl = 'https://hrd.example.org';

describe('where next-auth may send someone', () => {
  it('keeps paths and addresses of this app', () => {
    expect(safeRedirect({ url: '/incidents?page=2', baseUrl })).toBe('https://hrd.example.org/incidents?page=2');
    expect(safeRedirect({ url: 'https://hrd.example.org/cases', baseUrl })).toBe('https://hrd.example.org/cases');
  });

  it('sends anything malformed or elsewhere to the start page instead of failing', () => {
    for (const url of ['http://[', 'https://evil.example/x', '//evil.example', '/\\evil.example', 'javascript:alert(1)', '%', '', 'http://hrd.example.org:99999']) {
      expect(safeRedirect({ url, baseUrl }), url).toBe(baseUrl);
    }
  });
});

describe('crafted inputs that answered 500', () => {
  it('an audit date the database cannot hold is a field error', () => {
    const result = auditListInput.safeParse({ from: '0000-01-01' });
    expect(result.success).toBe(false);
    expect(auditListInput.safeParse({ from: '2026-01-01' }).success).toBe(true);
  });

  it('a NUL in search text from the address bar is dropped', () => {
    expect(searchTextOf('\u0000')).toBe('');
    expect(searchTextOf('Nur\u0000bek')).toBe('Nurbek');
  });
});

describe('security headers and origins', () => {
  it('allows scripts only with the nonce, never inline or eval in production, and no framing', () => {
    const nonce = newNonce();
    expect(nonce).not.toBe(newNonce());
    const csp = contentSecurityPolicy(nonce, { https: true, development: false });
    const scripts = csp.split('; ').find((d) => d.startsWith('script-src'))!;
    expect(scripts).toContain(`'nonce-${nonce}'`);
    expect(scripts).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
  });

  it('marks only the public pages and the open-data API as public', () => {
    expect(['/dashboard', '/public/incidents', '/api/public/v1/stats'].every(isPublicPath)).toBe(true);
    expect(['/incidents', '/persons', '/admin/audit', '/api/trpc/incident.list', '/sign-in', '/set-password'].some(isPublicPath)).toBe(false);
  });

  it('recognises this app’s own origin and no other', () => {
    expect(isOwnOrigin('https://hrd.example.org', 'hrd.example.org', undefined)).toBe(true);
    expect(isOwnOrigin('http://127.0.0.1:3204', null, 'http://127.0.0.1:3204')).toBe(true);
    expect(isOwnOrigin('https://hrd.example.org.evil.example', 'hrd.example.org', undefined)).toBe(false);
    expect(isOwnOrigin('null', 'hrd.example.org', undefined)).toBe(false);
  });
});

describe('callback addresses next-auth would refuse with a 500', () => {
  it('are dropped from the query and the cookie; good ones stay', () => {
    const cleaned = withoutBadCallbacks(new URL('http://hrd.test/api/auth/signin?callbackUrl=http%3A%2F%2F%5B&x=1'), 'a=1; next-auth.callback-url=http%3A%2F%2F%5B; b=2');
    expect(cleaned?.url.search).toBe('?x=1');
    expect(cleaned?.cookie).toBe('a=1; b=2');
    expect(withoutBadCallbacks(new URL('http://hrd.test/api/auth/signin?callbackUrl=%2Fincidents'), 'next-auth.callback-url=http%3A%2F%2Fhrd.test%2Fcases')).toBeNull();
  });
});
