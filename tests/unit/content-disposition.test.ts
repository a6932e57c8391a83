/**
 * Security review, item 10 (already held; pinned here): a file's name, chosen by whoever uploaded
 * it, never reaches the Content-Disposition header raw: an ASCII fallback with anything that could
 * end the header, the quoted string or the parameter replaced, and the real name per RFC 6266 / 5987.
 */
import { describe, expect, it } from 'vitest';
import { attachmentDisposition } from '@/server/http/content-disposition';

describe('attachmentDisposition', () => {
  it('keeps line breaks, quotes, semicolons and non-ASCII letters out of the header as written', () => {
    const header = attachmentDisposition('evil"\r\nSet-Cookie: a=b; x=.pdf Әлия/..\\%', 'attachment');
    expect(header).not.toMatch(/[\r\n]/);
    expect(header).toBe(`attachment; filename="evil___Set-Cookie: a=b_ x=.pdf _____..__"; filename*=UTF-8''evil%22%0D%0ASet-Cookie%3A%20a%3Db%3B%20x%3D.pdf%20%D3%98%D0%BB%D0%B8%D1%8F%2F..%5C%25`);
  });

  it('names an empty or all-unsafe title "file" in the fallback', () => {
    expect(attachmentDisposition('', 'inline')).toBe(`inline; filename="file"; filename*=UTF-8''`);
  });
});
