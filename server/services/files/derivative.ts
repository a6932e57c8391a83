import 'server-only';
import sharp from 'sharp';
import type { RedactionBox } from '@/db/schema';
import { badRequest } from '../../errors';
import { publicPdf } from './pdf-copy';

/** Kinds of file that get a public copy: the ones whose metadata we can remove for certain. */
export function canMakePublicCopy(mediaType: string): boolean {
  return mediaType === 'application/pdf' || ['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'image/tiff', 'image/heic', 'image/heif', 'image/avif'].includes(mediaType);
}

/**
 * Refuses a public copy that cannot be made as asked, before the original is read: a kind whose
 * metadata we cannot remove, or black boxes on a PDF (they cannot be burned into its content, and
 * publishing it without them would show what the reviewer meant to hide).
 */
export function assertPublicCopyPossible(mediaType: string, redactions: RedactionBox[]): void {
  if (!canMakePublicCopy(mediaType)) throw badRequest('file.publicKindUnsupported');
  if (mediaType === 'application/pdf' && redactions.length > 0) throw badRequest('file.pdfRedactionUnsupported');
}

export type Derivative = { bytes: Buffer; mediaType: string };

/**
 * The public copy of an original. Images are decoded and re-encoded by sharp, which writes no
 * EXIF, XMP, IPTC or ICC data unless asked (so no camera, author or GPS position), after turning
 * them upright and painting the reviewer's black boxes into the pixels. PDFs are rebuilt from
 * their pages into a new document without metadata (pdf-copy.ts); they take no black boxes.
 */
export async function makeDerivative(original: Buffer, mediaType: string, redactions: RedactionBox[]): Promise<Derivative> {
  assertPublicCopyPossible(mediaType, redactions);
  if (mediaType === 'application/pdf') return { bytes: await publicPdf(original), mediaType };
  const upright = await sharp(original, { failOn: 'error' }).rotate().toBuffer({ resolveWithObject: true });
  const { width, height } = upright.info;
  const boxes = redactions.map((box) => {
    const left = Math.floor(box.x * width);
    const top = Math.floor(box.y * height);
    return {
      input: { create: { width: Math.max(1, Math.min(width - left, Math.ceil(box.width * width))), height: Math.max(1, Math.min(height - top, Math.ceil(box.height * height))), channels: 3 as const, background: '#000000' } },
      left,
      top,
    };
  });
  const image = sharp(upright.data).composite(boxes);
  // PNG stays PNG (screenshots keep their text sharp); every other image becomes a JPEG.
  if (mediaType === 'image/png') return { bytes: await image.png().toBuffer(), mediaType: 'image/png' };
  return { bytes: await image.jpeg({ quality: 90 }).toBuffer(), mediaType: 'image/jpeg' };
}
