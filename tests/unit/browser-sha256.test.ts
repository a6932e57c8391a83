import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Sha256, sha256OfFile } from '@/app/(workspace)/_evidence/sha256';

describe('the browser’s incremental SHA-256', () => {
  it('agrees with the server’s for every length around a block and in pieces of any size', async () => {
    for (const size of [0, 1, 55, 56, 63, 64, 65, 119, 120, 1000, 100_000]) {
      const bytes = randomBytes(size);
      const expected = createHash('sha256').update(bytes).digest('hex');
      expect(new Sha256().update(bytes).hex()).toBe(expected);
      const pieces = new Sha256();
      for (let at = 0; at < size; at += 37) pieces.update(bytes.subarray(at, at + 37));
      expect(pieces.hex()).toBe(expected);
    }
    const file = new Blob([randomBytes(9 * 1024 * 1024 + 3)]);
    const bytes = Buffer.from(await file.arrayBuffer());
    expect(await sha256OfFile(file)).toBe(createHash('sha256').update(bytes).digest('hex'));
  });
});
