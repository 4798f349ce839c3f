/**
 * Entries' document folders on disk. A review or report keeps its documents
 * in a folder of its own name beside it (content/reviews/adult-b.mdx, and
 * content/reviews/adult-b/report.pdf; see documents.ts). Here: which entry
 * names a document (the CMS backend's guard refuses to delete those), and
 * which files in document folders no entry names (unused uploads, listed by
 * `npm run lint:content`).
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { COLLECTIONS, type Collection, type Field } from './model';
import { ENTRY_EXTENSION, entryDocuments, readRawEntry, type RawEntry } from './files';

function hasDocumentField(fields: readonly Field[]): boolean {
  return fields.some((field) => field.kind === 'document' || (field.kind === 'object-list' && hasDocumentField(field.fields)));
}

/** The collections whose entries have documents (reviews, reports). */
export function documentCollections(): Collection[] {
  return COLLECTIONS.filter((collection) => collection.type === 'entries' && hasDocumentField(collection.fields));
}

/** Whether `name` is a file the CMS lists among an entry's documents: not hidden, not an entry. */
export function isDocumentFileName(name: string): boolean {
  return !name.startsWith('.') && !name.toLowerCase().endsWith(ENTRY_EXTENSION);
}

export interface DocumentUser {
  /** The entry file, relative to the project: content/reviews/adult-b.mdx */
  entry: string;
  /** The entry's title, as the CMS lists it. */
  title: string;
}

/**
 * The entry on disk that names the document at `path` (relative to the
 * project, content/<collection>/<entry>/<file>), or undefined. Only the
 * entry of that folder can name it: a document field holds a file name in
 * its entry's own folder.
 */
export function documentUser(root: string, path: string): DocumentUser | undefined {
  const match = /^content\/([^/]+)\/([^/]+)\/([^/]+)$/.exec(path);
  if (!match) return undefined;
  const [, folder, entryName, file] = match as unknown as [string, string, string, string];
  const collection = documentCollections().find((candidate) => candidate.folder === folder);
  if (!collection) return undefined;
  const entry = `content/${folder}/${entryName}${ENTRY_EXTENSION}`;
  if (!existsSync(join(root, entry))) return undefined;
  let data: Record<string, unknown>;
  try {
    data = readRawEntry(join(root, entry), root).data;
  } catch {
    // An entry that cannot be read may still name it: keep the document.
    return { entry, title: entryName };
  }
  if (!entryDocuments(collection, data).some(({ value }) => value === file)) return undefined;
  return { entry, title: typeof data.title === 'string' && data.title.trim() ? data.title.trim() : entryName };
}

export interface UnusedDocument {
  /** content/reviews/adult-e/report.pdf */
  file: string;
  /** The entry whose folder it is in, when that entry still exists. */
  entry?: string;
}

/** Every file in an entry's document folder that no entry names: in the folder of an entry that does not name it, or of an entry that is gone. */
export function unusedDocuments(root: string, entries: readonly RawEntry[]): UnusedDocument[] {
  const unused: UnusedDocument[] = [];
  for (const collection of documentCollections()) {
    const base = join(root, 'content', collection.folder);
    if (!existsSync(base)) continue;
    for (const folderName of readdirSync(base).sort()) {
      if (folderName.startsWith('.') || !statSync(join(base, folderName)).isDirectory()) continue;
      const entryFile = `content/${collection.folder}/${folderName}${ENTRY_EXTENSION}`;
      const entry = entries.find((candidate) => candidate.file === entryFile);
      // An entry that could not be read is reported by the content check; its documents are not called unused.
      if (!entry && existsSync(join(root, entryFile))) continue;
      const named = new Set(entry ? entryDocuments(collection, entry.data).map(({ value }) => value) : []);
      const walk = (relativeFolder: string) => {
        for (const name of readdirSync(join(root, relativeFolder)).sort()) {
          if (name.startsWith('.')) continue;
          const path = `${relativeFolder}/${name}`;
          if (statSync(join(root, path)).isDirectory()) walk(path);
          else if (!(relativeFolder === `content/${collection.folder}/${folderName}` && named.has(name))) unused.push({ file: path, ...(entry ? { entry: entryFile } : {}) });
        }
      };
      walk(`content/${collection.folder}/${folderName}`);
    }
  }
  return unused;
}
