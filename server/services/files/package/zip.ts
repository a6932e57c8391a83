import 'server-only';
import { crc32 } from 'node:zlib';
import { PassThrough, type Readable } from 'node:stream';

/**
 * A ZIP written as a stream: entries stored (not compressed: photos, video and PDFs barely shrink,
 * and stored entries let anyone check them with any tool), each followed by a data descriptor so
 * its CRC is computed while it streams. No ZIP64: a package stays under 4 GiB (checked by the caller).
 */
export type ZipEntry = { name: string; body: () => Promise<Readable> | Readable | Buffer };

const dosTime = (date: Date) => ((date.getHours() << 11) | (date.getMinutes() << 5) | Math.floor(date.getSeconds() / 2)) & 0xffff;
const dosDate = (date: Date) => (((date.getFullYear() - 1980) << 9) | ((date.getMonth() + 1) << 5) | date.getDate()) & 0xffff;

export function zipStream(entries: ZipEntry[]): Readable {
  const out = new PassThrough();
  void (async () => {
    const now = new Date();
    const central: Buffer[] = [];
    let offset = 0;
    const write = async (chunk: Buffer) => {
      offset += chunk.length;
      if (!out.write(chunk)) await new Promise((resolve) => out.once('drain', resolve));
    };
    for (const entry of entries) {
      const name = Buffer.from(entry.name, 'utf8');
      const headerOffset = offset;
      const local = Buffer.alloc(30);
      local.writeUInt32LE(0x04034b50, 0);
      local.writeUInt16LE(20, 4);
      local.writeUInt16LE(0x0808, 6); // data descriptor follows; names are UTF-8
      local.writeUInt16LE(0, 8); // stored
      local.writeUInt16LE(dosTime(now), 10);
      local.writeUInt16LE(dosDate(now), 12);
      local.writeUInt16LE(name.length, 26);
      await write(Buffer.concat([local, name]));
      let crc = 0;
      let size = 0;
      const body = await entry.body();
      for await (const chunk of Buffer.isBuffer(body) ? [body] : (body as AsyncIterable<Buffer>)) {
        crc = crc32(chunk, crc);
        size += chunk.length;
        await write(chunk);
      }
      if (offset > 0xffffffff) throw new Error('An evidence package is limited to 4 GiB');
      const descriptor = Buffer.alloc(16);
      descriptor.writeUInt32LE(0x08074b50, 0);
      descriptor.writeUInt32LE(crc >>> 0, 4);
      descriptor.writeUInt32LE(size, 8);
      descriptor.writeUInt32LE(size, 12);
      await write(descriptor);
      const record = Buffer.alloc(46);
      record.writeUInt32LE(0x02014b50, 0);
      record.writeUInt16LE(20, 4);
      record.writeUInt16LE(20, 6);
      record.writeUInt16LE(0x0808, 8);
      record.writeUInt16LE(0, 10);
      record.writeUInt16LE(dosTime(now), 12);
      record.writeUInt16LE(dosDate(now), 14);
      record.writeUInt32LE(crc >>> 0, 16);
      record.writeUInt32LE(size, 20);
      record.writeUInt32LE(size, 24);
      record.writeUInt16LE(name.length, 28);
      record.writeUInt32LE(headerOffset, 42);
      central.push(Buffer.concat([record, name]));
    }
    const directory = Buffer.concat(central);
    const directoryOffset = offset;
    await write(directory);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(entries.length, 8);
    end.writeUInt16LE(entries.length, 10);
    end.writeUInt32LE(directory.length, 12);
    end.writeUInt32LE(directoryOffset, 16);
    await write(end);
    out.end();
  })().catch((error: unknown) => out.destroy(error as Error));
  return out;
}
