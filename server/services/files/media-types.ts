import 'server-only';
import { fileTypeFromBuffer } from 'file-type';

/** How many leading bytes are kept to sniff the type (office documents name their parts within the first zip entries). */
export const sniffBytes = 64 * 1024;

const images = ['image/jpeg', 'image/png', 'image/gif', 'image/webp', 'image/tiff', 'image/heic', 'image/heif', 'image/avif', 'image/bmp'];
const office = [
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
  'application/vnd.oasis.opendocument.presentation',
  // Legacy .doc, .xls and .ppt are compound files; file-type names the container.
  'application/x-cfb',
  'application/rtf',
];
const allowed = new Set([...images, 'application/pdf', ...office, 'text/plain']);

/** Images, PDF, audio, video, office documents and plain text; never HTML, SVG, scripts or executables. */
export function isAllowedMediaType(mediaType: string): boolean {
  return allowed.has(mediaType) || /^(audio|video)\/[a-z0-9.+-]+$/.test(mediaType);
}

/** Images the browser may show inline (the public copy and the workspace preview). */
export const inlineImageTypes = new Set(['image/jpeg', 'image/png', 'image/gif', 'image/webp']);

/**
 * The real type of a file from its first bytes. Text has no signature: bytes that decode as UTF-8
 * with no NUL and no markup at the start count as plain text.
 */
export async function sniffMediaType(head: Buffer): Promise<string | null> {
  const found = await fileTypeFromBuffer(head);
  if (found) return found.mime;
  if (head.length === 0 || head.includes(0)) return null;
  let text: string;
  try {
    // A multi-byte character cut at the end of the sniffed head is not a reason to refuse.
    text = new TextDecoder('utf-8', { fatal: true }).decode(head.length === sniffBytes ? head.subarray(0, head.length - 4) : head);
  } catch {
    return null;
  }
  if (/^\s*</.test(text)) return null;
  return 'text/plain';
}
