// Documents are served from content/, and only while their entry is public:
// a withdrawn or scheduled review's documents are not in the built site.
import { readFileSync } from 'node:fs';
import type { APIRoute } from 'astro';
import { getPublicReviews, getReports } from '../../../../content/site-content';
import { listDocuments } from '../../../../content/entry-documents';
import { documentFormatOf } from '../../../../content/documents';
import type { DocumentRef, Entry } from '../../../../content/data-types';

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
  return new Response(readFileSync(sourcePath), {
    headers: { 'Content-Type': documentFormatOf(extension)?.mediaType ?? 'application/octet-stream' },
  });
};
