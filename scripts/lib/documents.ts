/** Renders plain text into real PDF and DOCX files, for the demo corpus and for tests of their extraction. */
import { Document, Packer, Paragraph, TextRun } from 'docx';
import { PDFDocument, StandardFonts } from 'pdf-lib';

const PAGE = { width: 595, height: 842, margin: 56, fontSize: 10, leading: 14 };

/** Wraps a line to fit the page width, measured with the font itself. */
function wrap(line: string, fits: (text: string) => boolean): string[] {
  if (fits(line)) return [line];
  const out: string[] = [];
  let current = '';
  for (const word of line.split(' ')) {
    const candidate = current ? `${current} ${word}` : word;
    if (current && !fits(candidate)) {
      out.push(current);
      current = word;
    } else current = candidate;
  }
  if (current) out.push(current);
  return out;
}

/** A text PDF (Helvetica, A4), one text line per PDF line so extraction gives the lines back. */
export async function textToPdf(text: string): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const usable = PAGE.width - 2 * PAGE.margin;
  const fits = (candidate: string) => font.widthOfTextAtSize(candidate, PAGE.fontSize) <= usable;
  let page = pdf.addPage([PAGE.width, PAGE.height]);
  let y = PAGE.height - PAGE.margin;
  for (const line of text.split('\n').flatMap((raw) => (raw.trim() ? wrap(raw, fits) : ['']))) {
    if (y < PAGE.margin) {
      page = pdf.addPage([PAGE.width, PAGE.height]);
      y = PAGE.height - PAGE.margin;
    }
    if (line) page.drawText(line, { x: PAGE.margin, y, size: PAGE.fontSize, font });
    y -= PAGE.leading;
  }
  return pdf.save();
}

/** A DOCX with one paragraph per line of text. */
export async function textToDocx(text: string): Promise<Buffer> {
  const doc = new Document({
    sections: [{ children: text.split('\n').map((line) => new Paragraph({ children: [new TextRun(line)] })) }],
  });
  return Packer.toBuffer(doc);
}
