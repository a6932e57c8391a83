/** Both file stores behind one interface: the local folder and S3-compatible storage (s3rver started here). */
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { folderStore } from '@/server/services/files/store/folder';
import { StoredFileMissing, type FileStore } from '@/server/services/files/store/types';
import { startS3 } from '../support/s3';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

function contract(name: string, open: () => { store: FileStore; listIncoming: () => Promise<number> }) {
  describe(name, () => {
    it('names stored bytes by their SHA-256 and gives them back', async () => {
      const { store } = open();
      // More than one 8 MiB part, so S3 takes the multipart path.
      const bytes = randomBytes(9 * 1024 * 1024 + 17);
      const { key, size } = await store.put(Readable.from(chunksOf(bytes)));
      expect(key).toBe(sha256(bytes));
      expect(size).toBe(bytes.length);
      expect(await store.has(key)).toBe(true);
      // Compared by hash: a deep comparison of 9 MiB is very slow in the test runner.
      expect(sha256(await buffer(await store.get(key)))).toBe(key);
      await store.remove(key);
      expect(await store.has(key)).toBe(false);
      await expect(store.get(key)).rejects.toBeInstanceOf(StoredFileMissing);
      await store.remove(key); // removing twice is fine: a purge may be retried
    });

    it('stores a small file in one piece, and refuses a name that is not a hash', async () => {
      const { store } = open();
      const bytes = Buffer.from('a short statement');
      const { key } = await store.put(Readable.from([bytes]));
      expect(await buffer(await store.get(key))).toEqual(bytes);
      await expect(store.get('../../etc/passwd')).rejects.toThrow(/SHA-256/);
    });

    it('keeps nothing of an upload that fails half-way', async () => {
      const { store, listIncoming } = open();
      const failing = new Readable({ read() {} });
      failing.push(randomBytes(1024));
      setTimeout(() => failing.destroy(new Error('connection lost')), 10);
      await expect(store.put(failing)).rejects.toThrow('connection lost');
      expect(await listIncoming()).toBe(0);
    });
  });
}

function* chunksOf(bytes: Buffer, size = 64 * 1024) {
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

const folder = mkdtempSync(path.join(os.tmpdir(), 'hrd-files-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
contract('a local folder', () => ({
  store: folderStore(folder),
  listIncoming: async () => readdirSync(path.join(folder, 'incoming')).length,
}));

let s3: Awaited<ReturnType<typeof startS3>>;
beforeAll(async () => {
  s3 = await startS3();
});
afterAll(async () => s3?.stop());
contract('S3-compatible storage', () => ({
  store: s3.store,
  listIncoming: async () => {
    const bucketFolder = readdirSync(s3.directory, { recursive: true }).map(String);
    return bucketFolder.filter((entry) => entry.includes('incoming') && !entry.endsWith('incoming')).length;
  },
}));
