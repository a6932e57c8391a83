import 'server-only';
import { createReadStream, createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { Readable } from 'node:stream';
import type { Db } from '@/db/client';
import { BackupKeyError, backupDecrypter, backupEncrypter, type EncryptedTo } from './encryption';
import { writeSnapshot } from './snapshot';

/**
 * Writes an encrypted backup of the whole database to `file`, streamed end to end (database cursor
 * → text → age → file), so memory stays flat. The file appears under its name only once complete:
 * until then it is `file.partial`, removed if anything fails, so a backup that exists is whole.
 */
export async function writeEncryptedBackup(db: Db, file: string): Promise<{ counts: Record<string, number>; encryptedTo: EncryptedTo }> {
  const { encrypter, encryptedTo } = backupEncrypter();
  const plain = new TransformStream<Uint8Array, Uint8Array>(undefined, { highWaterMark: 16 });
  const writer = plain.writable.getWriter();
  const encoder = new TextEncoder();
  const encrypted = await encrypter.encrypt(plain.readable);
  const partial = `${file}.partial`;
  const written = Readable.fromWeb(encrypted as unknown as import('node:stream/web').ReadableStream<Uint8Array>).pipe(createWriteStream(partial, { mode: 0o600 }));
  const finished = new Promise<void>((resolve, reject) => {
    written.on('finish', resolve);
    written.on('error', reject);
  });
  try {
    const counts = await writeSnapshot(db, async (text) => {
      await writer.ready;
      await writer.write(encoder.encode(text));
    });
    await writer.close();
    await finished;
    await rename(partial, file);
    return { counts, encryptedTo };
  } catch (error) {
    await writer.abort(error).catch(() => {});
    written.destroy();
    await rm(partial, { force: true });
    throw error;
  }
}

/** The decrypted lines of a backup file, read as a stream. A wrong key or passphrase fails before the first line. */
export async function* readEncryptedBackup(file: string): AsyncGenerator<string> {
  const decrypter = backupDecrypter();
  const source = Readable.toWeb(createReadStream(file)) as unknown as ReadableStream<Uint8Array>;
  let plain: ReadableStream<Uint8Array>;
  try {
    plain = await decrypter.decrypt(source);
  } catch (error) {
    throw new BackupKeyError(`This backup cannot be decrypted with the key or passphrase given (${(error as Error).message}).`);
  }
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let rest = '';
  try {
    for await (const chunk of plain as unknown as AsyncIterable<Uint8Array>) {
      rest += decoder.decode(chunk, { stream: true });
      const lines = rest.split('\n');
      rest = lines.pop()!;
      yield* lines;
    }
  } catch (error) {
    if (error instanceof BackupKeyError) throw error;
    throw new BackupKeyError(`The backup is damaged or was cut short: ${(error as Error).message}`);
  }
  rest += decoder.decode();
  if (rest) yield rest;
}
