import { createHash } from 'node:crypto';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { BundleRefused, checkBundle } from '@/server/services/files/bundle/check';
import { writeBundle } from '@/server/services/files/bundle/write';

const folder = mkdtempSync(path.join(os.tmpdir(), 'hrd-bundle-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

async function bundle(name: string, collection: unknown, files: { sha256: string; bytes: Buffer }[]) {
  const file = path.join(folder, name);
  await pipeline(writeBundle(collection, files.map((f) => ({ sha256: f.sha256, open: async () => Readable.from([f.bytes]) }))), createWriteStream(file));
  return file;
}

const photo = Buffer.from('a photograph of the burnt car');
const decision = Buffer.from('%PDF-1.4 decision of the court');
const collection = (attachments: { sha256: string; size: number }[]) => ({
  format_version: 2,
  incidents: [{ ref: 'inc:1', attachments: attachments.map((a) => ({ ...a, filename: 'x', media_type: 'image/jpeg' })) }],
});

describe('exchange bundles (format version 2)', () => {
  it('reads back a bundle it wrote: the collection and every file, checked', async () => {
    const files = [
      { sha256: sha256(photo), bytes: photo },
      { sha256: sha256(decision), bytes: decision },
    ];
    const file = await bundle('good.zip', collection(files.map((f) => ({ sha256: f.sha256, size: f.bytes.length }))), files);
    const opened = await checkBundle(file);
    expect([...opened.files.keys()].sort()).toEqual(files.map((f) => f.sha256).sort());
    const back = Buffer.concat(await (await opened.open(sha256(decision))).toArray());
    expect(back.equals(decision)).toBe(true);
  });

  it('refuses the whole bundle, naming the pointer, when a file does not match its SHA-256, is missing or has another size', async () => {
    const tampered = await bundle('tampered.zip', collection([{ sha256: sha256(photo), size: photo.length }]), [{ sha256: sha256(photo), bytes: Buffer.from('a photograph of the burnt car!') }]);
    await expect(checkBundle(tampered)).rejects.toThrow(new BundleRefused(`files/${sha256(photo)}`, 'its bytes do not match its SHA-256'));

    const missing = await bundle('missing.zip', collection([{ sha256: sha256(decision), size: decision.length }]), []);
    await expect(checkBundle(missing)).rejects.toMatchObject({ pointer: '/incidents/0/attachments/0' });

    const wrongSize = await bundle('size.zip', collection([{ sha256: sha256(photo), size: 3 }]), [{ sha256: sha256(photo), bytes: photo }]);
    await expect(checkBundle(wrongSize)).rejects.toMatchObject({ pointer: '/incidents/0/attachments/0' });

    const notZip = path.join(folder, 'plain.json');
    await pipeline(Readable.from([Buffer.from('{}')]), createWriteStream(notZip));
    await expect(checkBundle(notZip)).rejects.toThrow(/Not a ZIP file/);
  });
});
