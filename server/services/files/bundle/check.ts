import 'server-only';
import { createHash } from 'node:crypto';
import { buffer } from 'node:stream/consumers';
import { readZipDirectory, type ZipFileEntry } from './read-zip';

/** A bundle refused as a whole, with the JSON pointer (or bundle path) of what failed. */
export class BundleRefused extends Error {
  constructor(
    readonly pointer: string,
    message: string,
  ) {
    super(`${pointer}: ${message}`);
  }
}

type Attachment = { sha256: string; size: number };
const maxCollectionBytes = 512 * 1024 * 1024;

/**
 * Opens an exchange bundle (exchange format version 2: `collection.json` and `files/<sha256>`) and
 * checks every file before anything is written: each attachment a record names must be in the
 * bundle with that SHA-256 and size, and each file in `files/` must hash to its name. The first
 * failure refuses the whole bundle, naming its pointer. Files are hashed as streams.
 */
export async function checkBundle(zipPath: string) {
  const zip = await readZipDirectory(zipPath);
  const collectionEntry = zip.entries.get('collection.json');
  if (!collectionEntry) throw new BundleRefused('collection.json', 'missing from the bundle');
  if (collectionEntry.size > maxCollectionBytes) throw new BundleRefused('collection.json', 'too large');
  let collection: { incidents?: { attachments?: Attachment[] }[] };
  try {
    collection = JSON.parse((await buffer(await zip.open(collectionEntry))).toString('utf8')) as typeof collection;
  } catch {
    throw new BundleRefused('collection.json', 'is not valid JSON');
  }
  const files = new Map<string, ZipFileEntry>();
  for (const [name, entry] of zip.entries) {
    if (!name.startsWith('files/') || name.endsWith('/')) continue;
    const sha256 = name.slice('files/'.length);
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new BundleRefused(name, 'a file in files/ is named by its SHA-256 in lowercase hexadecimal');
    const hash = createHash('sha256');
    let size = 0;
    for await (const chunk of await zip.open(entry)) {
      hash.update(chunk as Buffer);
      size += (chunk as Buffer).length;
    }
    if (hash.digest('hex') !== sha256) throw new BundleRefused(name, 'its bytes do not match its SHA-256');
    files.set(sha256, { ...entry, size });
  }
  (collection.incidents ?? []).forEach((incident, i) =>
    (incident.attachments ?? []).forEach((attachment, j) => {
      const pointer = `/incidents/${i}/attachments/${j}`;
      const file = files.get(attachment.sha256);
      if (!file) throw new BundleRefused(pointer, `files/${attachment.sha256} is not in the bundle`);
      if (file.size !== attachment.size) throw new BundleRefused(pointer, `the file has ${file.size} bytes, the record says ${attachment.size}`);
    }),
  );
  return { collection, files, open: (sha256: string) => zip.open(files.get(sha256)!) };
}
