/** Documents: where they live, and how a link to one describes it. */
import { DOCUMENT_FORMATS } from './content-model';

export function documentFormat(file: string): string {
  const extension = file.split('.').pop()?.toLowerCase() ?? '';
  return (DOCUMENT_FORMATS as Record<string, string>)[extension] ?? extension.toUpperCase();
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
