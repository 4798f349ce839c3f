/** The documents of an entry, with the format and size a link must state. */
import { statSync } from 'node:fs';
import { describeDocument, documentHref, documentSourceFile } from './documents';
import type { DocumentRef } from './data-types';

export interface ListedDocument { title: string; href: string; description: string; sourcePath: string; /** How to get the same information without the document. */ accessibleAlternative?: string }

export function listDocuments(collection: string, entryId: string, entryFile: string, documents: readonly DocumentRef[] = []): ListedDocument[] {
  return documents.map((document) => {
    const sourcePath = documentSourceFile(entryFile.split('\\').join('/'), document.file);
    return {
      title: document.title,
      href: documentHref(collection, entryId, document.file),
      description: describeDocument(document.file, statSync(sourcePath).size),
      sourcePath,
      ...(document.accessibleAlternative?.trim() ? { accessibleAlternative: document.accessibleAlternative.trim() } : {}),
    };
  });
}
