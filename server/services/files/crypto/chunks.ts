import 'server-only';
import { createCipheriv, createDecipheriv } from 'node:crypto';
import { Transform } from 'node:stream';

/**
 * Chunked AES-256-GCM for files of any size, read and written as streams.
 *
 * Layout: an 8-byte header ("HRDF" + version 1 + chunk size in KiB, 3 bytes), then chunks of up to
 * `chunkSize` bytes of ciphertext, each followed by its 16-byte tag. Every file has its own random
 * key, so nonces can be counters: nonce = chunk index (8 bytes) + a last-chunk flag (4 bytes).
 * Moving a chunk changes its index, so its tag fails; cutting the file at a chunk boundary leaves
 * a final chunk not sealed as last, so that fails too; the header is authenticated as AAD.
 */
export const defaultChunkSize = 64 * 1024;
const tagLength = 16;
const headerLength = 8;
const magic = Buffer.from('HRDF');

export class FileDecryptionError extends Error {
  constructor(message = 'The stored file does not decrypt: it was altered, cut short, or the key is wrong') {
    super(message);
  }
}

function headerFor(chunkSize: number): Buffer {
  const header = Buffer.alloc(headerLength);
  magic.copy(header, 0);
  header.writeUInt8(1, 4);
  header.writeUIntBE(chunkSize / 1024, 5, 3);
  return header;
}

function nonceFor(index: number, last: boolean): Buffer {
  const nonce = Buffer.alloc(12);
  nonce.writeBigUInt64BE(BigInt(index), 0);
  nonce.writeUInt32BE(last ? 1 : 0, 8);
  return nonce;
}

function seal(key: Buffer, header: Buffer, index: number, last: boolean, plain: Buffer): Buffer {
  const cipher = createCipheriv('aes-256-gcm', key, nonceFor(index, last));
  cipher.setAAD(header);
  return Buffer.concat([cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
}

function open(key: Buffer, header: Buffer, index: number, last: boolean, sealed: Buffer): Buffer {
  if (sealed.length < tagLength) throw new FileDecryptionError();
  const decipher = createDecipheriv('aes-256-gcm', key, nonceFor(index, last));
  decipher.setAAD(header);
  decipher.setAuthTag(sealed.subarray(sealed.length - tagLength));
  try {
    return Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - tagLength)), decipher.final()]);
  } catch {
    throw new FileDecryptionError();
  }
}

/** Collects bytes until `size` are there; hands out exact slices without copying the whole stream. */
class ByteQueue {
  private parts: Buffer[] = [];
  length = 0;
  push(chunk: Buffer) {
    this.parts.push(chunk);
    this.length += chunk.length;
  }
  take(size: number): Buffer {
    const all = this.parts.length === 1 ? this.parts[0]! : Buffer.concat(this.parts, this.length);
    const taken = all.subarray(0, size);
    const rest = all.subarray(size);
    this.parts = rest.length ? [rest] : [];
    this.length = rest.length;
    return Buffer.from(taken);
  }
}

export function encryptStream(key: Buffer, chunkSize = defaultChunkSize): Transform {
  if (key.length !== 32) throw new Error('A file key is 32 bytes');
  const header = headerFor(chunkSize);
  const queue = new ByteQueue();
  let index = 0;
  let wroteHeader = false;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      if (!wroteHeader) {
        this.push(header);
        wroteHeader = true;
      }
      queue.push(chunk);
      // Keep at least one byte back: only the flush knows which chunk is the last.
      while (queue.length > chunkSize) this.push(seal(key, header, index++, false, queue.take(chunkSize)));
      done();
    },
    flush(done) {
      if (!wroteHeader) this.push(header);
      this.push(seal(key, header, index, true, queue.take(queue.length)));
      done();
    },
  });
}

export function decryptStream(key: Buffer): Transform {
  const queue = new ByteQueue();
  let header: Buffer | null = null;
  let sealedSize = 0;
  let index = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      queue.push(chunk);
      try {
        if (!header) {
          if (queue.length < headerLength) return done();
          header = queue.take(headerLength);
          if (!header.subarray(0, 4).equals(magic) || header.readUInt8(4) !== 1) throw new FileDecryptionError('Not an encrypted evidence file');
          sealedSize = header.readUIntBE(5, 3) * 1024 + tagLength;
        }
        while (queue.length > sealedSize) this.push(open(key, header, index++, false, queue.take(sealedSize)));
        done();
      } catch (error) {
        done(error as Error);
      }
    },
    flush(done) {
      try {
        if (!header) throw new FileDecryptionError();
        this.push(open(key, header, index, true, queue.take(queue.length)));
        done();
      } catch (error) {
        done(error as Error);
      }
    },
  });
}

/** Ciphertext size for a given plaintext size: what the store holds. */
export function encryptedSize(plainSize: number, chunkSize = defaultChunkSize): number {
  const chunks = Math.max(1, Math.ceil(plainSize / chunkSize));
  return headerLength + plainSize + chunks * tagLength;
}
