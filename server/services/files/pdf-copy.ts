import 'server-only';
import { PDFArray, PDFDict, PDFDocument, PDFName, type PDFObject, PDFStream } from 'pdf-lib';

/**
 * Keys that carry who made or touched a PDF rather than what its pages show: XMP and private
 * application data (on pages, images and fonts alike), scripts run on opening a page, and the
 * page's annotations (comments and stamps carry their author's name in /T, and their text).
 */
const pageOnly = ['Annots', 'AA', 'Thumb', 'B'].map((key) => PDFName.of(key));
const anywhere = ['Metadata', 'PieceInfo', 'LastModified'].map((key) => PDFName.of(key));

/**
 * The public copy of a PDF: its pages copied into a NEW document, which has no Info dictionary and
 * no XMP. Re-saving the original is not enough: pdf-lib writes every object it loaded, referenced
 * or not, so the old Info dictionary and XMP stream would survive (inside a compressed object
 * stream, where a byte search does not find them). The copy has no object streams either, so that
 * anyone checking it can read its dictionaries as they are.
 */
export async function publicPdf(original: Buffer): Promise<Buffer> {
  const source = await PDFDocument.load(original, { updateMetadata: false, ignoreEncryption: false });
  // Stripped in the source before copying, so the copier never follows a reference into them.
  for (const [, object] of source.context.enumerateIndirectObjects()) strip(object);
  for (const page of source.getPages()) for (const key of pageOnly) page.node.delete(key);

  const copy = await PDFDocument.create({ updateMetadata: false });
  for (const page of await copy.copyPages(source, source.getPageIndices())) copy.addPage(page);
  copy.context.trailerInfo.Info = undefined;
  return Buffer.from(await copy.save({ useObjectStreams: false, updateFieldAppearances: false }));
}

/** Removes the metadata keys from a dictionary or stream and from the direct dictionaries inside it. */
function strip(object: PDFObject): void {
  const dict = object instanceof PDFStream ? object.dict : object;
  if (dict instanceof PDFDict) {
    for (const key of anywhere) dict.delete(key);
    for (const value of dict.values()) strip(value);
  } else if (dict instanceof PDFArray) {
    for (const value of dict.asArray()) strip(value);
  }
}
