// Documents are served from content/, and only while their entry is public:
// a withdrawn or scheduled review's documents are not in the built site.
import { readFileSync } from 'node:fs';
import type { APIRoute } from 'astro';
import { getPublicReviews, getReports } from '../../../../lib/site-content';
import { listDocuments } from '../../../../lib/entry-documents';
import type { DocumentRef, Entry } from '../../../../lib/types';

const MIME: Record<string, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  doc: 'application/msword',
  odt: 'application/vnd.oasis.opendocument.text',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  odp: 'application/vnd.oasis.opendocument.presentation',
};

function paths(collection: string, entries: Entry<{ documents?: DocumentRef[] }>[]) {
  return entries.flatMap((entry) =>
    listDocuments(collection, entry.id, entry.filePath!, entry.data.documents).map((document) => ({
      params: { collection, entry: entry.id, file: document.href.split('/').pop()! },
      props: { sourcePath: document.sourcePath },
    })),
  );
}

export async function getStaticPaths() {
  return [...paths('reviews', await getPublicReviews()), ...paths('reports', await getReports())];
}

export const GET: APIRoute = ({ props }) => {
  const sourcePath = (props as { sourcePath: string }).sourcePath;
  const extension = sourcePath.split('.').pop() ?? '';
  return new Response(readFileSync(sourcePath), { headers: { 'Content-Type': MIME[extension] ?? 'application/octet-stream' } });
};
