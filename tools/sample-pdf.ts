/**
 * A small, valid PDF writer for the project's own sample documents: one or
 * more A4 pages of plain text in Helvetica, with a title and language in the
 * document's metadata. Not for real publications, which come from the
 * partnership as accessible PDFs.
 */

export interface SamplePdf {
  title: string;
  lines: readonly string[];
}

const PAGE_WIDTH = 595;
const PAGE_HEIGHT = 842;
const MARGIN = 56;
const LINE_HEIGHT = 16;
const LINES_PER_PAGE = Math.floor((PAGE_HEIGHT - 2 * MARGIN) / LINE_HEIGHT);

/** PDF strings: escape backslashes and brackets; keep to Latin-1. */
function pdfString(text: string): string {
  const latin1 = text
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[–—]/g, '-')
    .replace(/[^\x20-\xff]/g, '?');
  return `(${latin1.replace(/\\/g, '\\\\').replace(/\(/g, '\\(').replace(/\)/g, '\\)')})`;
}

/** Wraps text to about `width` characters a line. */
export function wrap(text: string, width = 88): string[] {
  if (text === '') return [''];
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && (line + ' ' + word).length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

export function makePdf({ title, lines }: SamplePdf): Buffer {
  const wrapped = lines.flatMap((line) => wrap(line));
  const pages: string[][] = [];
  for (let index = 0; index < wrapped.length; index += LINES_PER_PAGE) pages.push(wrapped.slice(index, index + LINES_PER_PAGE));
  if (pages.length === 0) pages.push(['']);

  // Objects: 1 catalog, 2 pages, 3 font, 4 info, then a page and its content stream for each page.
  const objects: string[] = [];
  const pageIds = pages.map((_, index) => 5 + index * 2);
  objects[1] = `<< /Type /Catalog /Pages 2 0 R /Lang ${pdfString('en-GB')} /ViewerPreferences << /DisplayDocTitle true >> >>`;
  objects[2] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pages.length} >>`;
  objects[3] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>';
  objects[4] = `<< /Title ${pdfString(title)} /Author ${pdfString('Southend Safeguarding Partnership')} /Producer ${pdfString('Safeguarding Southend sample documents')} >>`;
  pages.forEach((pageLines, index) => {
    const pageId = pageIds[index]!;
    const text = pageLines
      .map((line, lineIndex) => {
        const size = index === 0 && lineIndex === 0 ? 16 : 11;
        return `BT /F1 ${size} Tf ${MARGIN} ${PAGE_HEIGHT - MARGIN - lineIndex * LINE_HEIGHT} Td ${pdfString(line)} Tj ET`;
      })
      .join('\n');
    objects[pageId] =
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${PAGE_WIDTH} ${PAGE_HEIGHT}] /Resources << /Font << /F1 3 0 R >> >> /Contents ${pageId + 1} 0 R >>`;
    objects[pageId + 1] = `<< /Length ${Buffer.byteLength(text, 'latin1')} >>\nstream\n${text}\nendstream`;
  });

  let pdf = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  for (let id = 1; id < objects.length; id += 1) {
    offsets[id] = Buffer.byteLength(pdf, 'latin1');
    pdf += `${id} 0 obj\n${objects[id]}\nendobj\n`;
  }
  const xref = Buffer.byteLength(pdf, 'latin1');
  pdf += `xref\n0 ${objects.length}\n0000000000 65535 f \n`;
  for (let id = 1; id < objects.length; id += 1) pdf += `${String(offsets[id]).padStart(10, '0')} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length} /Root 1 0 R /Info 4 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}
