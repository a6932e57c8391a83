import { describe, expect, it } from 'vitest';
import { csvCell, csvLine } from '@/server/public/csv-line';
import { periodBounds, publicFilters } from '@/server/public/filters';
import { decodeCursor, encodeCursor } from '@/server/public/incidents';
import { clientAddressOf } from '@/server/public/client-address';
import { clientAddress } from '@/server/public/rate-limit';
import { likePattern } from '@/server/public/where';

describe('public CSV cells', () => {
  it('defuses formulas and quotes what needs quoting', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    for (const start of ['=', '+', '-', '@', '\t', '\r']) expect(csvCell(`${start}1`).replace(/^"/, '').startsWith(`'${start}`)).toBe(true);
    // Spreadsheets skip leading spaces before a formula, so the guard looks past them too.
    expect(csvCell('  =1+1')).toBe("'  =1+1");
    expect(csvCell(' @SUM(A1)')).toBe("' @SUM(A1)");
    expect(csvCell('\n-1')).toBe(`"'\n-1"`);
    expect(csvCell('a-b = c')).toBe('a-b = c');
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a, b')).toBe('"a, b"');
    expect(csvCell('line\nbreak')).toBe('"line\nbreak"');
    expect(csvCell(null)).toBe('');
    expect(csvLine(['a', 'b'])).toBe('a,b\r\n');
  });

  it('keeps numbers as numbers: a western or southern coordinate stays negative', () => {
    expect(csvCell(-51.17)).toBe('-51.17');
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell(0)).toBe('0');
    expect(csvLine(['Aktau', 43.65, -51.17, 12])).toBe('Aktau,43.65,-51.17,12\r\n');
    // The same characters as text are still guarded: only a real number escapes the quote.
    expect(csvCell('-51.17')).toBe("'-51.17");
  });
});

describe('public filters', () => {
  it('reads partial dates as periods and refuses unreal ones', () => {
    expect(periodBounds('2017')).toEqual({ first: '2017-01-01', last: '2017-12-31' });
    expect(periodBounds('2016-02')).toEqual({ first: '2016-02-01', last: '2016-02-29' });
    expect(periodBounds('2017-05-25')).toEqual({ first: '2017-05-25', last: '2017-05-25' });
    for (const bad of ['2017-13', '2017-02-29', '17', '2017/05', 'yesterday']) expect(periodBounds(bad)).toBeNull();
  });

  it('refuses unknown parameters and a range that runs backwards', () => {
    expect(publicFilters.safeParse({ colour: 'red' }).success).toBe(false);
    expect(publicFilters.safeParse({ from: '2018', to: '2017' }).success).toBe(false);
    expect(publicFilters.safeParse({ from: '2017', to: '2017', type: 'judicial_harassment' }).success).toBe(true);
  });

  it('treats LIKE wildcards in a search as plain characters', () => {
    expect(likePattern('50%_a\\b')).toBe('%50\\%\\_a\\\\b%');
  });

  it('gives out cursors that round-trip and refuses forged ones', () => {
    const cursor = { d: '2017-05-01', id: '0b8f3a52-56a4-4b7c-9a39-3f1c2f0e9d11' };
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
    expect(decodeCursor('junk')).toBeNull();
    expect(decodeCursor(Buffer.from(JSON.stringify({ d: "2017'; --", id: 'x' })).toString('base64url'))).toBeNull();
  });
});

describe('the address of a request', () => {
  it('with no proxy configured (the default), is the connection’s own address and ignores forwarded headers', () => {
    const forged = { 'x-forwarded-for': '198.51.100.77', 'x-real-ip': '198.51.100.78' };
    expect(clientAddress(new Request('http://x', { headers: { ...forged, 'x-hrd-peer-address': '203.0.113.9' } }))).toBe('203.0.113.9');
    expect(clientAddress(new Request('http://x', { headers: forged }))).toBe('unknown');
    expect(clientAddressOf('198.51.100.77', '198.51.100.78', 0, '203.0.113.9')).toBe('203.0.113.9');
  });

  it('behind N trusted proxies, takes the address the outermost trusted one saw, never what the client wrote first', () => {
    expect(clientAddressOf('forged, 203.0.113.9', null, 1, '10.0.0.1')).toBe('203.0.113.9');
    expect(clientAddressOf('forged, 203.0.113.9, 10.0.0.2', null, 2, '10.0.0.1')).toBe('203.0.113.9');
    expect(clientAddressOf('203.0.113.9', null, 3, '10.0.0.1')).toBe('203.0.113.9');
    // Without the peer stamp, `next start` put the peer last in X-Forwarded-For.
    expect(clientAddressOf('forged, 203.0.113.9, 10.0.0.1', null, 2)).toBe('203.0.113.9');
    expect(clientAddressOf(null, ' 198.51.100.4 ', 1)).toBe('198.51.100.4');
  });
});
