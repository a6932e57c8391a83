import 'server-only';
import type { Readable } from 'node:stream';

/**
 * Where the (already encrypted) bytes of evidence files live. Content-addressed: an object's name
 * is the SHA-256 of the bytes stored under it, so a store can be checked and copied without the
 * database. Names are hashes of ciphertext, never of the original, so the folder or the bucket
 * reveals neither the files nor their published fingerprints.
 */
export type FileStore = {
  readonly kind: 'folder' | 's3';
  /** Streams the bytes in (never holding the whole file) and names them by their SHA-256. */
  put(body: Readable): Promise<{ key: string; size: number }>;
  /** The bytes under a name; throws StoredFileMissing when there are none. */
  get(key: string): Promise<Readable>;
  has(key: string): Promise<boolean>;
  /** Removing a missing object is not an error (a purge may be retried). */
  remove(key: string): Promise<void>;
};

export class StoredFileMissing extends Error {
  constructor(key: string) {
    super(`No stored file named ${key}`);
  }
}

/** A store key is a lowercase SHA-256 in hex: anything else is refused before touching a path or a bucket. */
export function assertStoreKey(key: string): void {
  if (!/^[0-9a-f]{64}$/.test(key)) throw new Error('A stored file is named by a SHA-256 in hex');
}
