import 'server-only';
import { createHash } from 'node:crypto';
import { Readable, Transform } from 'node:stream';
import type { Db } from '@/db/client';
import { translator, type TranslateParams } from '@/common/i18n';
import { sayProblem, type Problem, type ProblemCode } from '@/common/i18n/problems';
import { encryptStream } from './crypto/chunks';
import { newFileKey } from './crypto/file-keys';
import { isAllowedMediaType, sniffBytes, sniffMediaType } from './media-types';
import type { FileStore } from './store/types';

export type UploadRefusal = 'too_large' | 'hash_mismatch' | 'type_not_allowed' | 'empty';

const problemOf: Record<UploadRefusal, ProblemCode> = {
  too_large: 'file.tooLarge',
  hash_mismatch: 'file.hashMismatch',
  type_not_allowed: 'file.typeNotAllowed',
  empty: 'file.empty',
};

const english = translator('en');

/**
 * A refused upload: the reason (for the HTTP status), the problem code the browser words in the
 * uploader's language, and the English wording for logs and the command line.
 */
export class UploadRefused extends Error {
  readonly problem: Problem;
  constructor(
    readonly reason: UploadRefusal,
    params?: TranslateParams,
  ) {
    super(sayProblem(english, problemOf[reason], params));
    this.problem = params ? { code: problemOf[reason], params } : { code: problemOf[reason] };
  }
}

/** The limit as people read it (200 MB). */
export const tooLarge = (maxBytes: number) => new UploadRefused('too_large', { maximum: Math.round(maxBytes / 1024 / 1024) });

/** What ingest knows once the bytes are safely stored: enough for the file's row. */
export type IngestedFile = { sha256: string; size: number; mediaType: string; storageKey: string; wrappedKey: string; keyVersion: number };

/**
 * Streams an upload into the store, encrypted, while hashing the original, counting it against the
 * limit and keeping its first bytes to sniff the type. Nothing is kept when any check fails: the
 * stored ciphertext is removed before the refusal is thrown. The caller writes the row.
 */
export async function ingestFile(params: {
  db: Db;
  store: FileStore;
  masterKey: Buffer;
  organizationId: string;
  fileId: string;
  body: Readable;
  maxBytes: number;
  /** The SHA-256 the uploader's browser computed; the upload is refused unless ours matches. */
  expectedSha256: string;
}): Promise<IngestedFile> {
  const { key, wrappedKey, keyVersion } = await params.db.transaction((tx) =>
    newFileKey(tx, params.masterKey, params.organizationId, params.fileId),
  );
  const hash = createHash('sha256');
  const head: Buffer[] = [];
  let headBytes = 0;
  let size = 0;
  const inspect = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      if (size > params.maxBytes) {
        return done(tooLarge(params.maxBytes));
      }
      hash.update(chunk);
      if (headBytes < sniffBytes) {
        const part = chunk.subarray(0, sniffBytes - headBytes);
        head.push(Buffer.from(part));
        headBytes += part.length;
      }
      done(null, chunk);
    },
  });
  const encrypted = params.body.pipe(inspect).pipe(encryptStream(key));
  // A failure upstream (too large, a broken connection) must reach the store's reader.
  params.body.on('error', (error) => encrypted.destroy(error));
  inspect.on('error', (error) => encrypted.destroy(error));
  const stored = await params.store.put(encrypted);
  try {
    const sha256 = hash.digest('hex');
    if (size === 0) throw new UploadRefused('empty');
    if (sha256 !== params.expectedSha256.toLowerCase()) {
      throw new UploadRefused('hash_mismatch');
    }
    const mediaType = await sniffMediaType(Buffer.concat(head, headBytes));
    if (!mediaType || !isAllowedMediaType(mediaType)) {
      throw new UploadRefused('type_not_allowed');
    }
    return { sha256, size, mediaType, storageKey: stored.key, wrappedKey, keyVersion };
  } catch (error) {
    await params.store.remove(stored.key);
    throw error;
  }
}

export function readableFrom(body: ReadableStream<Uint8Array>): Readable {
  return Readable.fromWeb(body as import('node:stream/web').ReadableStream<Uint8Array>);
}
