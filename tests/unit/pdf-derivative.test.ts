/**
 * The public copy of a PDF: rebuilt from its pages into a new document, so that nothing of the
 * original's metadata (Info dictionary, XMP, page metadata, comment authors) survives, not even as
 * an unreferenced object inside a compressed object stream. And black boxes cannot be burned into a
 * PDF's content: asking for them is refused, never silently ignored.
 */
import { describe, expect, it } from 'vitest';
import { PDFDocument, PDFName, PDFString, StandardFonts } from 'pdf-lib';
import { makeDerivative } from '@/server/services/files/derivative';
import { everyTextOf } from '../support/pdf-text';

const name = 'Aigul Confidentialova';

/** A complaint as a word processor writes it: the author's name in every metadata place a PDF has. */
async function aComplaintNaming(person: string): Promise<Buffer> {
  const document = await PDFDocument.create();
  const page = document.addPage([300, 200]);
  page.drawText('Decision of the city court', { x: 20, y: 150, size: 12, font: await document.embedFont(StandardFonts.Helvetica) });
  document.setAuthor(person);
  document.setTitle(`Complaint of ${person}`);
  document.setSubject(`Statement by ${person}`);
  document.setKeywords([person, 'complaint']);
  document.setCreator(`Word (licensed to ${person})`);
  document.setProducer(`${person}'s laptop`);
  const xmp = `<?xpacket begin=""?><x:xmpmeta xmlns:x="adobe:ns:meta/"><dc:creator>${person}</dc:creator></x:xmpmeta><?xpacket end="w"?>`;
  const { context } = document;
  // Document XMP compressed (as most producers write it), page XMP plain, and a sticky note signed by the person.
  document.catalog.set(PDFName.of('Metadata'), context.register(context.flateStream(xmp, { Type: 'Metadata', Subtype: 'XML' })));
  page.node.set(PDFName.of('Metadata'), context.register(context.stream(xmp, { Type: 'Metadata', Subtype: 'XML' })));
  const note = context.obj({ Type: 'Annot', Subtype: 'Text', Rect: [10, 10, 30, 30], T: PDFString.of(person), Contents: PDFString.of(`Checked by ${person}`) });
  page.node.set(PDFName.of('Annots'), context.obj([context.register(note)]));
  // pdf-lib's default: dictionaries inside compressed object streams, where a raw byte search finds nothing.
  return Buffer.from(await document.save());
}

describe('the public copy of a PDF', () => {
  it('keeps the pages and drops every name the metadata carried, compressed or not', async () => {
    const original = await aComplaintNaming(name);
    expect(everyTextOf(original)).toContain(name); // the original really carries the name (the check can see it)

    const copy = await makeDerivative(original, 'application/pdf', []);

    expect(copy.mediaType).toBe('application/pdf');
    const text = everyTextOf(copy.bytes);
    for (const part of [name, 'Aigul', 'Confidentialova', 'xmpmeta', '/Author', '/Title', '/Keywords', '/Metadata', '/Info']) expect(text).not.toContain(part);
    expect(copy.bytes.includes('Aigul')).toBe(false);
    const reopened = await PDFDocument.load(copy.bytes, { updateMetadata: false });
    expect([reopened.getAuthor(), reopened.getTitle(), reopened.getSubject(), reopened.getKeywords(), reopened.getCreator(), reopened.getProducer()]).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    expect(reopened.getPageCount()).toBe(1);
    expect(reopened.getPage(0).getSize()).toEqual({ width: 300, height: 200 });
    // The page itself is still there: its text is drawn with the font it came with.
    expect(text).toContain('Helvetica');
  });

  it('refuses black boxes on a PDF instead of publishing it unredacted', async () => {
    const original = await aComplaintNaming(name);
    await expect(makeDerivative(original, 'application/pdf', [{ x: 0, y: 0, width: 0.5, height: 0.5 }])).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      problem: { code: 'file.pdfRedactionUnsupported' },
    });
  });
});
