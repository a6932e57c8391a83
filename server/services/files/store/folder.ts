import 'server-only';
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { access, mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { assertStoreKey, StoredFileMissing, type FileStore } from './types';

/**
 * Files in a local folder: `<root>/ab/abcdef…` (two-letter fan-out keeps folders small), written to
 * `<root>/incoming/` first and renamed once complete, so a half-written file never has a real name.
 */
export function folderStore(root: string): FileStore {
  const pathOf = (key: string) => {
    assertStoreKey(key);
    return path.join(root, key.slice(0, 2), key);
  };
  return {
    kind: 'folder',
    async put(body) {
      // An error the stream raises before the pipeline starts must not crash the process: the pipeline rethrows it.
      body.on('error', () => {});
      const incoming = path.join(root, 'incoming');
      await mkdir(incoming, { recursive: true });
      const temporary = path.join(incoming, randomUUID());
      const hash = createHash('sha256');
      let size = 0;
      const measure = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          hash.update(chunk);
          size += chunk.length;
          done(null, chunk);
        },
      });
      try {
        await pipeline(body, measure, createWriteStream(temporary, { flags: 'wx' }));
        const key = hash.digest('hex');
        await mkdir(path.dirname(pathOf(key)), { recursive: true });
        await rename(temporary, pathOf(key));
        return { key, size };
      } catch (error) {
        await rm(temporary, { force: true });
        throw error;
      }
    },
    async get(key) {
      const file = pathOf(key);
      try {
        await access(file);
      } catch {
        throw new StoredFileMissing(key);
      }
      return createReadStream(file) as Readable;
    },
    async has(key) {
      try {
        await access(pathOf(key));
        return true;
      } catch {
        return false;
      }
    },
    async remove(key) {
      await rm(pathOf(key), { force: true });
    },
  };
}
