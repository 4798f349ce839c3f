import { describe, expect, it } from 'vitest';
import {
  describeDocument,
  documentFormat,
  documentHref,
  documentSourceFile,
  entryDocumentFolder,
  formatBytes,
} from '../../src/content/documents';
import { telHref } from '../../src/site/phone';

describe('document links say their format and size', () => {
  it('names formats people know', () => {
    expect(documentFormat('report.pdf')).toBe('PDF');
    expect(documentFormat('briefing.DOCX')).toBe('Word document');
  });
  it('writes sizes as GOV.UK does', () => {
    expect(formatBytes(512)).toBe('512 bytes');
    expect(formatBytes(2048)).toBe('2 KB');
    expect(formatBytes(1_258_291)).toBe('1.2 MB');
    expect(formatBytes(15 * 1024 * 1024)).toBe('15 MB');
  });
  it('describes a document as "PDF, 1.2 MB"', () => expect(describeDocument('a.pdf', 1_258_291)).toBe('PDF, 1.2 MB'));
  it('gives each document an address under its entry', () => {
    expect(documentHref('reviews', 'child-a', 'child-a-report.pdf')).toBe('/documents/reviews/child-a/child-a-report.pdf');
  });
  it("keeps an entry's documents in a folder of its name, beside it", () => {
    expect(entryDocumentFolder('content/reviews/child-a.mdx')).toBe('content/reviews/child-a');
    expect(documentSourceFile('content/reviews/child-a.mdx', 'child-a-report.pdf')).toBe('content/reviews/child-a/child-a-report.pdf');
    expect(documentSourceFile('/site/content/reports/annual-2019.mdx', 'report.pdf')).toBe('/site/content/reports/annual-2019/report.pdf');
  });
});

describe('phone links', () => {
  it('makes international tel: links from UK numbers', () => {
    expect(telHref('01702 534706')).toBe('tel:+441702534706');
    expect(telHref('0808 800 5000')).toBe('tel:+448088005000');
    expect(telHref('999')).toBe('tel:999');
  });
});

describe('documents on the dev server', () => {
  it("sends a document's address to the route that serves it, as the build publishes it", async () => {
    const { devDocumentRoute } = await import('../../src/content/documents');
    expect(devDocumentRoute('/documents/reviews/adult-b/adult-b-report.pdf')).toBe('/documents/reviews/adult-b/adult-b-report.pdf/');
    expect(devDocumentRoute('/documents/reports/annual-2019/report.docx?download=1')).toBe(
      '/documents/reports/annual-2019/report.docx/?download=1',
    );
    for (const other of [
      '/documents/reviews/adult-b/adult-b-report.pdf/',
      '/documents/reviews/adult-b/',
      '/reviews/adult-b/',
      '/documents/reviews/a/b/c.pdf',
      '/images/a.png',
    ])
      expect(devDocumentRoute(other), other).toBeUndefined();
  });
});
