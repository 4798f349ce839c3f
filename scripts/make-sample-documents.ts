/**
 * Writes the sample reviews' PDF documents (each in its review's own folder,
 * content/reviews/<review>/), made
 * by the project from each sample review's own summary, themes and body, and
 * clearly marked as samples. Run: npx tsx scripts/make-sample-documents.ts
 * It writes only the PDF files each sample review lists; it never changes an
 * entry.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { readAllEntries } from '../src/content/files.ts';
import { documentSourceFile } from '../src/content/documents.ts';
import { makePdf } from '../tools/sample-pdf.ts';

const root = process.cwd();
for (const entry of readAllEntries(root)) {
  if (entry.collection !== 'reviews' || entry.data.sample !== true) continue;
  const data = entry.data as {
    title: string;
    type: string;
    published: string;
    summary: string;
    themes?: string[];
    documents?: { title: string; file: string }[];
  };
  for (const document of data.documents ?? []) {
    const plainBody = entry.body.split('\n').map((line) =>
      line
        .replace(/^#+\s*/, '')
        .replace(/<\/?[A-Za-z][^>]*>/g, '')
        .replace(/\[([^\]]+)\]\([^)]+\)/g, '$1')
        .replace(/\*\*/g, '')
        .trim(),
    );
    const pdf = makePdf({
      title: `${data.title}: ${document.title} (sample)`,
      lines: [
        `${data.title}: ${document.title}`,
        `${data.type}. Published ${data.published}.`,
        '',
        'SAMPLE DOCUMENT. This is not a real review. It was made by the Safeguarding Southend website project to show how published reviews and their documents work.',
        '',
        'Summary',
        data.summary,
        '',
        ...(data.themes?.length ? ['Learning themes', ...data.themes.map((theme) => `- ${theme}`), ''] : []),
        ...plainBody,
      ],
    });
    const path = documentSourceFile(entry.absolutePath, document.file);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, pdf);
    console.log(`${path.slice(root.length + 1)} (${pdf.length} bytes)`);
  }
}
