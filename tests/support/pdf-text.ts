import { inflateSync } from 'node:zlib';

/**
 * Every text a PDF carries where a reader (or a forensic tool) could find it: the raw bytes, each
 * stream inflated (object streams hold the dictionaries of a modern PDF, compressed), and each hex
 * string decoded, as UTF-16 when it starts with a byte-order mark (pdf-lib writes the Info
 * dictionary's values that way), as Latin-1 otherwise. A name absent from this text is absent from
 * the file in any spelling a PDF tool would show.
 */
export function everyTextOf(pdf: Uint8Array): string {
  const raw = Buffer.from(pdf).toString('latin1');
  const parts = [raw];
  for (const match of raw.matchAll(/stream\r?\n([\s\S]*?)\r?\n?endstream/g)) {
    try {
      parts.push(inflateSync(Buffer.from(match[1]!, 'latin1')).toString('latin1'));
    } catch {
      // Not a Flate stream (or already plain): its bytes are in the raw text above.
    }
  }
  const texts = parts.join('\n');
  const decoded = [...texts.matchAll(/<([0-9A-Fa-f\s]{4,})>/g)].map((match) => hexText(match[1]!.replace(/\s/g, '')));
  return [texts, ...decoded].join('\n');
}

function hexText(hex: string): string {
  const bytes = Buffer.from(hex.length % 2 ? `${hex}0` : hex, 'hex');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return Buffer.from(bytes.subarray(2)).swap16().toString('utf16le');
  return bytes.toString('latin1');
}
