/** Documents: where they live, and how a link to one describes it. */
import { DOCUMENT_FORMATS } from './model';

/** A document format by its file extension ("pdf"), if documents may have it. */
export function documentFormatOf(extension: string): { name: string; mediaType: string } | undefined {
  return Object.hasOwn(DOCUMENT_FORMATS, extension) ? DOCUMENT_FORMATS[extension as keyof typeof DOCUMENT_FORMATS] : undefined;
}

export function documentFormat(file: string): string {
  const extension = file.split('.').pop()?.toLowerCase() ?? '';
  return documentFormatOf(extension)?.name ?? extension.toUpperCase();
}

/** "850 KB", "1.2 MB": sizes as GOV.UK writes them (1 KB = 1,024 bytes). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  const kilobytes = bytes / 1024;
  if (kilobytes < 1024) return `${Math.max(1, Math.round(kilobytes))} KB`;
  const megabytes = kilobytes / 1024;
  return `${megabytes < 10 ? megabytes.toFixed(1) : Math.round(megabytes)} MB`;
}

/** "PDF, 1.2 MB" */
export function describeDocument(file: string, bytes: number): string {
  return `${documentFormat(file)}, ${formatBytes(bytes)}`;
}

/** The public address of a document: /documents/<collection>/<entry>/<file name>. */
export function documentHref(collection: string, entryId: string, file: string): string {
  return `/documents/${collection}/${entryId}/${file}`;
}

/**
 * The folder an entry's documents live in: beside the entry, with its name
 * (content/reviews/adult-b.mdx keeps its documents in content/reviews/adult-b/).
 * A document field names the file only. Paths with forward slashes.
 */
export function entryDocumentFolder(entryFile: string): string {
  return entryFile.replace(/\.[^./]*$/, '');
}

/** Where a document an entry names is kept: content/reviews/adult-b/report.pdf. */
export function documentSourceFile(entryFile: string, file: string): string {
  return `${entryDocumentFolder(entryFile)}/${file}`;
}

const DOCUMENT_ADDRESS = /^\/documents\/[^/]+\/[^/]+\/[^/]+\.[A-Za-z0-9]+$/;

/**
 * The dev server's address of the route that serves a document
 * (src/pages/documents/[collection]/[entry]/[file].ts), or undefined for any
 * other request. With trailingSlash: 'always', the dev server matches that
 * route only as /documents/.../report.pdf/, while the build writes the file
 * report.pdf itself. The route decides, in both, which documents are public.
 */
export function devDocumentRoute(url: string): string | undefined {
  const [pathname = '', query] = url.split(/\?(.*)/s, 2);
  if (!DOCUMENT_ADDRESS.test(pathname)) return undefined;
  return `${pathname}/${query !== undefined ? `?${query}` : ''}`;
}
