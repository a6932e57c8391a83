import 'server-only';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';

/**
 * Reads a ZIP from disk by its central directory, one entry at a time as a stream (never the whole
 * archive in memory). Stored and deflated entries; no ZIP64, no encryption. Names are data: they
 * are matched, never joined to a path.
 */
export type ZipFileEntry = { name: string; method: number; compressedSize: number; size: number; localHeaderOffset: number };

export class BadZip extends Error {}

export async function readZipDirectory(file: string): Promise<{ entries: Map<string, ZipFileEntry>; open: (entry: ZipFileEntry) => Promise<Readable> }> {
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    const tailLength = Math.min(size, 22 + 0xffff);
    const tail = Buffer.alloc(tailLength);
    await handle.read(tail, 0, tailLength, size - tailLength);
    const end = tail.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    if (end < 0) throw new BadZip('Not a ZIP file (no end of central directory)');
    const count = tail.readUInt16LE(end + 10);
    const directorySize = tail.readUInt32LE(end + 12);
    const directoryOffset = tail.readUInt32LE(end + 16);
    if (directoryOffset + directorySize > size || count === 0xffff) throw new BadZip('Unsupported or damaged ZIP file (ZIP64 or bad offsets)');
    const directory = Buffer.alloc(directorySize);
    await handle.read(directory, 0, directorySize, directoryOffset);
    const entries = new Map<string, ZipFileEntry>();
    let at = 0;
    for (let i = 0; i < count; i++) {
      if (directory.readUInt32LE(at) !== 0x02014b50) throw new BadZip('Damaged ZIP central directory');
      const flags = directory.readUInt16LE(at + 8);
      const method = directory.readUInt16LE(at + 10);
      const nameLength = directory.readUInt16LE(at + 28);
      const extraLength = directory.readUInt16LE(at + 30);
      const commentLength = directory.readUInt16LE(at + 32);
      const name = directory.toString('utf8', at + 46, at + 46 + nameLength);
      if (flags & 1) throw new BadZip(`${name} is encrypted`);
      if (method !== 0 && method !== 8) throw new BadZip(`${name} uses an unsupported compression method`);
      if (entries.has(name)) throw new BadZip(`${name} appears twice`);
      entries.set(name, {
        name,
        method,
        compressedSize: directory.readUInt32LE(at + 20),
        size: directory.readUInt32LE(at + 24),
        localHeaderOffset: directory.readUInt32LE(at + 42),
      });
      at += 46 + nameLength + extraLength + commentLength;
    }
    return {
      entries,
      open: async (entry) => {
        const local = Buffer.alloc(30);
        const reader = await open(file, 'r');
        try {
          await reader.read(local, 0, 30, entry.localHeaderOffset);
        } finally {
          await reader.close();
        }
        if (local.readUInt32LE(0) !== 0x04034b50) throw new BadZip(`Damaged ZIP entry ${entry.name}`);
        const start = entry.localHeaderOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
        if (entry.compressedSize === 0) return Readable.from([]);
        const raw = createReadStream(file, { start, end: start + entry.compressedSize - 1 });
        return entry.method === 8 ? raw.pipe(createInflateRaw()) : raw;
      },
    };
  } finally {
    await handle.close();
  }
}
