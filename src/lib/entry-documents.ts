/** The documents of an entry, with the format and size a link must state. */
import { statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describeDocument, documentHref } from './documents';
import type { DocumentRef } from './types';

export interface ListedDocument { title: string; href: string; description: string; sourcePath: string; /** How to get the same information without the document. */ accessibleAlternative?: string }

export function listDocuments(collection: string, entryId: string, entryFile: string, documents: readonly DocumentRef[] = []): ListedDocument[] {
  return documents.map((document) => {
    const sourcePath = join(dirname(entryFile), document.file);
    return {
      title: document.title,
      href: documentHref(collection, entryId, document.file),
      description: describeDocument(document.file, statSync(sourcePath).size),
      sourcePath,
      ...(document.accessibleAlternative?.trim() ? { accessibleAlternative: document.accessibleAlternative.trim() } : {}),
    };
  });
}
