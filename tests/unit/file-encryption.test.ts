import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { describe, expect, it } from 'vitest';
import { decryptStream, encryptedSize, encryptStream, FileDecryptionError } from '@/server/services/files/crypto/chunks';
import { KeyUnwrapError, unwrapKey, wrapKey } from '@/server/services/files/crypto/wrap';

const chunkSize = 1024; // small chunks so that a few KiB make several
const encrypt = (key: Buffer, plain: Buffer) => buffer(Readable.from([plain]).pipe(encryptStream(key, chunkSize)));
const decrypt = (key: Buffer, sealed: Buffer) => buffer(Readable.from(splitInto(sealed, 333)).pipe(decryptStream(key)));
/** Arrives in odd pieces, as over a network. */
const splitInto = (bytes: Buffer, size: number) => Array.from({ length: Math.ceil(bytes.length / size) }, (_, i) => bytes.subarray(i * size, (i + 1) * size));
const sealedChunk = chunkSize + 16;

describe('evidence files are encrypted in authenticated chunks', () => {
  it('round-trips files of every awkward size, and hides the bytes', async () => {
    const key = randomBytes(32);
    for (const size of [0, 1, chunkSize - 1, chunkSize, chunkSize + 1, 3 * chunkSize, 5000]) {
      const plain = randomBytes(size);
      const sealed = await encrypt(key, plain);
      expect(sealed.length).toBe(encryptedSize(size, chunkSize));
      expect(await decrypt(key, sealed)).toEqual(plain);
    }
    const text = Buffer.from('Photograph of the burnt car, Zhanaozen. '.repeat(100));
    expect((await encrypt(key, text)).includes(Buffer.from('burnt car'))).toBe(false);
  });

  it('refuses a wrong key, a flipped bit, reordered chunks and a file cut at a chunk boundary', async () => {
    const key = randomBytes(32);
    const sealed = await encrypt(key, randomBytes(3 * chunkSize + 10));
    await expect(decrypt(randomBytes(32), sealed)).rejects.toBeInstanceOf(FileDecryptionError);

    const flipped = Buffer.from(sealed);
    flipped[100] = flipped[100]! ^ 1;
    await expect(decrypt(key, flipped)).rejects.toBeInstanceOf(FileDecryptionError);

    const header = sealed.subarray(0, 8);
    const chunk = (i: number) => sealed.subarray(8 + i * sealedChunk, 8 + (i + 1) * sealedChunk);
    const swapped = Buffer.concat([header, chunk(1), chunk(0), sealed.subarray(8 + 2 * sealedChunk)]);
    await expect(decrypt(key, swapped)).rejects.toBeInstanceOf(FileDecryptionError);

    const truncated = sealed.subarray(0, 8 + 2 * sealedChunk);
    await expect(decrypt(key, truncated)).rejects.toBeInstanceOf(FileDecryptionError);
    await expect(decrypt(key, Buffer.alloc(0))).rejects.toBeInstanceOf(FileDecryptionError);
  });

  it('wraps keys bound to what they belong to', () => {
    const kek = randomBytes(32);
    const key = randomBytes(32);
    const wrapped = wrapKey(kek, key, 'evidence-file:a');
    expect(unwrapKey(kek, wrapped, 'evidence-file:a')).toEqual(key);
    expect(() => unwrapKey(kek, wrapped, 'evidence-file:b')).toThrow(KeyUnwrapError);
    expect(() => unwrapKey(randomBytes(32), wrapped, 'evidence-file:a')).toThrow(KeyUnwrapError);
  });
});
