import 'server-only';
import type { Readable } from 'node:stream';
import { zipStream } from '../package/zip';

/**
 * Writes an exchange bundle: `collection.json` (the exchange document) and each attachment's bytes
 * at `files/<sha256>` (once, however many records name it). The originals stream one at a time.
 */
export function writeBundle(collection: unknown, files: { sha256: string; open: () => Promise<Readable> }[]): Readable {
  const unique = [...new Map(files.map((file) => [file.sha256, file])).values()];
  return zipStream([
    { name: 'collection.json', body: () => Buffer.from(JSON.stringify(collection, null, 2)) },
    ...unique.map((file) => ({ name: `files/${file.sha256}`, body: file.open })),
  ]);
}
