import 'server-only';
import { PDFDocument, PDFName } from 'pdf-lib';
import sharp from 'sharp';
import type { RedactionBox } from '@/db/schema';

/** Kinds of file that get a public copy: the ones whose metadata we can remove for certain. */
export function canMakePublicCopy(mediaType: string): boolean {
  return mediaType === 'application/pdf' || ['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'image/tiff', 'image/heic', 'image/heif', 'image/avif'].includes(mediaType);
}

export type Derivative = { bytes: Buffer; mediaType: string };

/**
 * The public copy of an original. Images are decoded and re-encoded by sharp, which writes no
 * EXIF, XMP, IPTC or ICC data unless asked (so no camera, author or GPS position), after turning
 * them upright and painting the reviewer's black boxes into the pixels. PDFs are re-saved by
 * pdf-lib without their document information dictionary and XMP metadata stream.
 */
export async function makeDerivative(original: Buffer, mediaType: string, redactions: RedactionBox[]): Promise<Derivative> {
  if (mediaType === 'application/pdf') return { bytes: await strippedPdf(original), mediaType };
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

async function strippedPdf(original: Buffer): Promise<Buffer> {
  const document = await PDFDocument.load(original, { updateMetadata: false, ignoreEncryption: false });
  document.catalog.delete(PDFName.of('Metadata'));
  // The trailer's Info dictionary holds title, author, creator, producer and dates.
  document.context.trailerInfo.Info = undefined;
  return Buffer.from(await document.save({ updateFieldAppearances: false }));
}
