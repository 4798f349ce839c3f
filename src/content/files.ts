/**
 * Reading content files as their authors wrote them. Frontmatter is parsed
 * with YAML's core schema, so 2026-02-30 stays the text "2026-02-30" (and is
 * reported) instead of quietly becoming 2 March.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import yaml from 'js-yaml';
import { COLLECTIONS, type Collection, type CollectionName, type Field } from './model';
import { ContentError, DOCUMENT_PATTERN, ENTRY_NAME_PATTERN, checkEntry, type ContentProblem } from './schemas';
import { documentSourceFile, entryDocumentFolder } from './documents';
import { checkBodyImages } from './images';
import { parseAndCheckBody } from './safety';
import type { SafetyNode } from './safety-rules';
import { checkTableTree } from './tables';
import { findDuplicate, needsItsOwn, uniqueFields, type OtherEntry } from './unique-values';
import { reservedEntrySlugs, reservedPageSlugs } from '../site/sections';
import { glossaryAbbreviation, type Abbreviation } from './abbreviations';
import { compareTerms } from '../rules/glossary-order';

/** Addresses the site's own templates use, which a page may not take. */
export const RESERVED_PAGE_SLUGS: readonly string[] = reservedPageSlugs();

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/;

export interface RawEntry {
  collection: CollectionName;
  /** Path relative to the project root, with forward slashes. */
  file: string;
  absolutePath: string;
  data: Record<string, unknown>;
  body: string;
  /** Line in the file where the body starts (1-based). */
  bodyLine: number;
}

/** An entry's file name without its extension: its address on the site, and what a relation field names ("child-a-practice-review"). */
export function entrySlug(entry: Pick<RawEntry, 'file'>): string {
  return entry.file.replace(/^.*\//, '').replace(/\.mdx?$/, '');
}

export function parseYaml(text: string, file: string): Record<string, unknown> {
  let data: unknown;
  try {
    data = yaml.load(text, { schema: yaml.CORE_SCHEMA, filename: file });
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new Error(`${file}: the settings at the top of the file could not be read (${reason}). Check for a missing colon, quote or indentation.`);
  }
  if (data === undefined || data === null) return {};
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw new Error(`${file}: expected named fields at the top of the file, such as "title: ...".`);
  }
  return data as Record<string, unknown>;
}

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * A content file's text. It must be UTF-8 (what the CMS and every editor
 * write); a byte-order mark at the start, which some editors add, is ignored.
 */
export function readContentText(absolutePath: string, file: string): string {
  try {
    return UTF8.decode(readFileSync(absolutePath));
  } catch (error) {
    if (error instanceof TypeError) {
      throw new ContentError([{ file, field: '(file)', message: 'is not saved as UTF-8 text (save it again as UTF-8: in most editors, "Save with encoding", then UTF-8)' }]);
    }
    throw error;
  }
}

/** Splits a .mdx file into frontmatter data and body, or reads a .yaml file. */
export function readRawEntry(absolutePath: string, root: string): Omit<RawEntry, 'collection'> {
  const file = relative(root, absolutePath).split(sep).join('/');
  const text = readContentText(absolutePath, file);
  if (/\.ya?ml$/.test(absolutePath)) {
    return { file, absolutePath, data: parseYaml(text, file), body: '', bodyLine: 1 };
  }
  const match = FRONTMATTER.exec(text);
  if (!match) {
    return { file, absolutePath, data: {}, body: text, bodyLine: 1 };
  }
  const bodyLine = match[0].split('\n').length - (match[0].endsWith('\n') ? 1 : 0) + 1;
  return { file, absolutePath, data: parseYaml(match[1] ?? '', file), body: text.slice(match[0].length), bodyLine };
}

export function collectionFolder(root: string, collection: Collection): string {
  return join(root, 'content', collection.folder);
}

/** The one extension entries are read from: every body is MDX, checked by content-safety.ts. */
export const ENTRY_EXTENSION = '.mdx';

export function entryPattern(collection: Collection): string {
  return collection.type === 'settings' ? (collection.file ?? '*.yaml') : `*${ENTRY_EXTENSION}`;
}

function isEntryFile(collection: Collection, name: string): boolean {
  return collection.type === 'settings' ? name === collection.file : name.endsWith(ENTRY_EXTENSION);
}

/**
 * Files in a collection's folder that the site would not read: another
 * extension (content/pages/privacy.md), or a second file with an entry's
 * name. Each is an error, so nothing an editor wrote is silently ignored or
 * silently replaces something else. Folders are entries' document folders
 * (content/reviews/<entry>/, see documents.ts; `npm run lint:content` lists
 * those no entry uses) and hidden files (.gitkeep) are not entries.
 */
export function checkCollectionFiles(root: string, only?: CollectionName): ContentProblem[] {
  const problems: ContentProblem[] = [];
  // Collections that share a folder (the settings files) are read together.
  const folders = new Map<string, Collection[]>();
  for (const collection of COLLECTIONS) folders.set(collection.folder, [...(folders.get(collection.folder) ?? []), collection]);
  for (const [folderName, collections] of folders) {
    if (only && !collections.some((collection) => collection.name === only)) continue;
    const folder = join(root, 'content', folderName);
    if (!existsSync(folder)) continue;
    const read = (name: string) => collections.some((collection) => isEntryFile(collection, name));
    const names = readdirSync(folder).filter((name) => !name.startsWith('.') && !statSync(join(folder, name)).isDirectory()).sort();
    const stemOf = (name: string) => name.replace(/\.[^.]*$/, '').toLowerCase();
    const settings = collections.every((collection) => collection.type === 'settings');
    const expected = settings
      ? `only ${collections.map((collection) => collection.file).join(' and ')} ${collections.length === 1 ? 'is' : 'are'} read here`
      : `only ${ENTRY_EXTENSION} files are read here`;
    for (const name of names) {
      if (read(name)) continue;
      const entry = names.find((other) => other !== name && read(other) && stemOf(other) === stemOf(name));
      problems.push({
        file: `content/${folderName}/${name}`,
        field: '(file name)',
        message: entry
          ? `has the same name as content/${folderName}/${entry}, which is the one the site reads; ${expected}. Move anything you need from ${name} into ${entry}, then delete ${name}.`
          : `would be ignored: ${expected}. ${settings ? 'Move its settings into one of those files, or delete it.' : `Rename it to ${name.replace(/\.[^.]*$/, '')}${ENTRY_EXTENSION}, or delete it.`}`,
      });
    }
  }
  return problems;
}

/**
 * The settings files that are not there (content/settings/site.yaml...):
 * every page needs them. The build stops at its first page that reads one;
 * the dev server shows this on every page instead, until the file is back.
 */
export function missingSettingsFiles(root: string): ContentProblem[] {
  return COLLECTIONS.filter((collection: Collection) => collection.type === 'settings' && collection.file && !existsSync(join(root, 'content', collection.folder, collection.file)))
    .map((collection: Collection) => ({
      file: `content/${collection.folder}/${collection.file!}`,
      field: '',
      message: `is missing. The site needs it (${collection.labelSingular}): put the file back as it was last published.`,
    }));
}

/**
 * Every entry file of every collection (or of `only`), as written. A file that
 * cannot be read stops it with every such file named, unless `unreadable` is
 * given: then their problems go there and the readable entries come back.
 */
export function readAllEntries(root: string, only?: CollectionName, unreadable?: ContentProblem[]): RawEntry[] {
  const entries: RawEntry[] = [];
  const problems: ContentProblem[] = [];
  for (const collection of COLLECTIONS) {
    if (only && collection.name !== only) continue;
    const folder = collectionFolder(root, collection);
    if (!existsSync(folder)) continue;
    for (const name of readdirSync(folder).sort()) {
      if (!isEntryFile(collection, name)) continue;
      try {
        entries.push({ collection: collection.name, ...readRawEntry(join(folder, name), root) });
      } catch (error) {
        if (!(error instanceof ContentError)) throw error;
        problems.push(...error.problems);
      }
    }
  }
  // Every file that cannot be read is named at once, not only the first.
  if (unreadable) unreadable.push(...problems);
  else if (problems.length > 0) throw new ContentError(problems);
  return entries;
}

function documentFields(fields: readonly Field[], data: unknown, path: string): { field: string; value: string }[] {
  if (!data || typeof data !== 'object') return [];
  const found: { field: string; value: string }[] = [];
  for (const field of fields) {
    const value = (data as Record<string, unknown>)[field.name];
    if (field.kind === 'document' && typeof value === 'string') found.push({ field: `${path}${field.name}`, value });
    if (field.kind === 'object-list' && Array.isArray(value)) {
      value.forEach((item, index) => found.push(...documentFields(field.fields, item, `${path}${field.name}[${index + 1}].`)));
    }
  }
  return found;
}

/** The documents an entry names: file names in its own document folder (documents.ts entryDocumentFolder). */
export function entryDocuments(collection: Collection, data: unknown): { field: string; value: string }[] {
  return documentFields(collection.fields, data, '');
}

/**
 * The body checks (safe MDX, then tables) of each body one build has
 * checked, by collection, first line and text: a pure function of those, so
 * the collections' loader (content-loader.ts) reuses what the check at the
 * start of the build (src/integrations/content-check.ts) found instead of
 * parsing every body a second time. Kept on globalThis because Astro loads
 * the integration and the loader as separate copies of this module in the
 * one process; kept only by a build (startBuildBodyChecks), where the rules'
 * code cannot change between the two: the dev server checks each time.
 */
const BUILD_BODY_CHECKS = Symbol.for('safeguarding-southend.build-body-checks');
type BodyChecks = Map<string, ContentProblem[]>;
const buildBodyChecks = () => (globalThis as { [BUILD_BODY_CHECKS]?: BodyChecks })[BUILD_BODY_CHECKS];

/** From now on in this process (a build), each body's checks are kept and reused for the same text. */
export function startBuildBodyChecks(): void {
  (globalThis as { [BUILD_BODY_CHECKS]?: BodyChecks })[BUILD_BODY_CHECKS] ??= new Map();
}

/** A checked body's key: its collection, file and the text parsed (the frontmatter's lines left blank). */
function bodyCheckKey(collection: CollectionName, file: string, text: string): string {
  return JSON.stringify([collection, file, text]);
}

/**
 * The safe-MDX problems this build's content check found in exactly this
 * text of this file (the frontmatter's lines blank), if it checked it; so the
 * MDX compiler (safe-mdx-processor.ts) does not parse the same body a third
 * time. Undefined outside a build, or for text the check did not see.
 */
export function keptBodySafety(collection: CollectionName, file: string, text: string): ContentProblem[] | undefined {
  return buildBodyChecks()?.get(bodyCheckKey(collection, file, text))?.filter((problem) => problem.field === 'body').map((problem) => ({ ...problem }));
}

/** A body with its frontmatter's lines left blank, so a line in it is the file's line. */
export function paddedBody(entry: Pick<RawEntry, 'body' | 'bodyLine'>): string {
  return `${'\n'.repeat(entry.bodyLine - 1)}${entry.body}`;
}

/**
 * Problems of a body: unsafe MDX (content-safety.ts), then tables in a body
 * that is safe to read further, then its images (content-images.ts), all
 * from the one syntax tree the safety check parses.
 */
function checkBody(entry: RawEntry, root: string, trees?: Map<RawEntry, SafetyNode>): ContentProblem[] {
  const kept = buildBodyChecks();
  const text = paddedBody(entry);
  const key = kept ? bodyCheckKey(entry.collection, entry.file, text) : '';
  const found = kept?.get(key);
  if (found) return found.map((problem) => ({ ...problem }));
  const problems: ContentProblem[] = [];
  // Checked with the frontmatter's lines left blank, so lines (and the lines the parser's own
  // messages name) are the file's.
  const { problems: unsafe, tree } = parseAndCheckBody(text, { collection: entry.collection });
  if (tree) trees?.set(entry, tree);
  for (const problem of unsafe) problems.push({ file: entry.file, field: 'body', line: problem.line, message: problem.message });
  // Tables' captions and contents, in a body that is safe to read further.
  if (tree && unsafe.length === 0) for (const problem of checkTableTree(tree)) problems.push({ file: entry.file, field: 'table', line: problem.line, message: problem.message });
  // Images too (read as text, never run); what the safety check already says about them is not said twice.
  const images = tree ? checkBodyImages(entry, root, tree) : [];
  problems.push(...(unsafe.length === 0 ? images : images.filter((problem) => !/^is (an HTML image|written in \{braces\})/.test(problem.message))));
  kept?.set(key, problems.map((problem) => ({ ...problem })));
  return problems;
}

/** Checks one entry: its fields, and that the documents it names exist. Its body's syntax tree goes in `trees`, when given (the content linter reads it further). */
export function checkRawEntry(entry: RawEntry, trees?: Map<RawEntry, SafetyNode>): ContentProblem[] {
  const collection = COLLECTIONS.find((candidate) => candidate.name === entry.collection)!;
  const problems = checkEntry(entry.collection, entry.file, entry.data);
  const name = entry.file.replace(/^.*\//, '');
  if (collection.type === 'entries' && !/^[a-z0-9]+(-[a-z0-9]+)*\.mdx$/.test(name)) {
    problems.push({ file: entry.file, field: '(file name)', message: 'becomes the page address, so it must use only lower-case letters, numbers and single hyphens, for example child-j-review.mdx' });
  }
  if (collection.type === 'entries') {
    problems.push(...checkBody(entry, resolve(entry.absolutePath, ...entry.file.split('/').map(() => '..')), trees));
  }
  for (const { field, value } of entryDocuments(collection, entry.data)) {
    // A name that is not a plain file name is already reported by the schema, and is never looked up.
    if (!DOCUMENT_PATTERN.test(value)) continue;
    if (!existsSync(documentSourceFile(entry.absolutePath, value))) {
      problems.push({ file: entry.file, field, message: `names "${value}", but there is no such file in ${entryDocumentFolder(entry.file)}/, where this entry's documents are kept. Upload it in the CMS (File, then Choose), or correct the name.` });
    }
  }
  return problems;
}

/** Rules across entries of a collection. */
export function checkAcrossEntries(entries: readonly RawEntry[]): ContentProblem[] {
  const problems: ContentProblem[] = [];
  // Fields marked unique in the content model: a bulletin's number, a threshold level.
  for (const collection of COLLECTIONS) {
    for (const field of uniqueFields(collection)) {
      const seen: OtherEntry[] = [];
      for (const entry of entries.filter((candidate) => candidate.collection === collection.name)) {
        const value = entry.data[field.name];
        if (value === undefined) continue;
        const other = findDuplicate(field.name, value, seen);
        if (other) problems.push({ file: entry.file, field: field.name, message: `is ${String(value)}, the same as ${other.slug}; ${needsItsOwn(field, collection.labelSingular)}` });
        else seen.push({ slug: entry.file, data: entry.data });
      }
    }
  }
  const current = entries.filter((entry) => entry.collection === 'strategy' && entry.data.current === true);
  if (current.length > 1) {
    for (const entry of current.slice(1)) {
      problems.push({ file: entry.file, field: 'current', message: `is ticked, and so is ${current[0]!.file}; only one strategy may be current` });
    }
  }
  for (const entry of entries) {
    const slug = entrySlug(entry);
    if (reservedEntrySlugs(entry.collection).includes(slug)) {
      problems.push({ file: entry.file, field: '(file name)', message: `would take the address of the section's page "${slug}", which the site already uses; choose another file name` });
    }
  }
  for (const entry of entries.filter((candidate) => candidate.collection === 'pages')) {
    const slug = entrySlug(entry);
    if (RESERVED_PAGE_SLUGS.includes(slug)) {
      problems.push({ file: entry.file, field: '(file name)', message: `would take the address /${slug}/, which the site already uses; choose another file name` });
    }
  }
  problems.push(...checkRelations(entries));
  return problems;
}

/** The collections an entry of `collection` names by a relation field (a briefing's review): the cross-entry check needs them read too. */
export function relatedCollections(collection: Collection): CollectionName[] {
  return [...new Set(collection.fields.flatMap((field) => (field.kind === 'relation' ? [field.collection] : [])))];
}

/**
 * Relation fields (a briefing's review) name an entry that exists: its file
 * name, without .mdx, in the related collection. A name that does not fit
 * the field's pattern is already reported by the schema.
 */
export function checkRelations(entries: readonly RawEntry[]): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const slugsOf = (name: CollectionName) =>
    entries.filter((entry) => entry.collection === name).map(entrySlug);
  for (const collection of COLLECTIONS) {
    for (const field of collection.fields) {
      if (field.kind !== 'relation') continue;
      const target = COLLECTIONS.find((candidate) => candidate.name === field.collection)!;
      const slugs = slugsOf(field.collection);
      for (const entry of entries.filter((candidate) => candidate.collection === collection.name)) {
        const value = entry.data[field.name];
        if (typeof value !== 'string' || !ENTRY_NAME_PATTERN.test(value.trim()) || slugs.includes(value.trim())) continue;
        const known = slugs.length > 0 ? `the ${target.label.toLowerCase()} are: ${slugs.join(', ')}` : `there are no ${target.label.toLowerCase()} yet`;
        problems.push({
          file: entry.file,
          field: field.name,
          message: `is "${value}", but there is no content/${target.folder}/${value.trim()}.mdx; expected the file name of one of the ${target.label.toLowerCase()}, without .mdx (${known})`,
        });
      }
    }
  }
  return problems;
}

/** Every entry that can be read, and every problem in content/, from one read of it; each body's syntax tree goes in `trees`, when given. */
export function readAndCheckContent(root: string, options: { trees?: Map<RawEntry, SafetyNode> } = {}): { entries: RawEntry[]; problems: ContentProblem[] } {
  const unreadable: ContentProblem[] = [];
  const entries = readAllEntries(root, undefined, unreadable);
  return { entries, problems: [...checkCollectionFiles(root), ...unreadable, ...entries.flatMap((entry) => checkRawEntry(entry, options.trees)), ...checkAcrossEntries(entries)] };
}

/**
 * The entries a build's content check read, every one of them fit, kept for
 * what wants them before Astro's loaders read them again: the share images'
 * prediction (src/integrations/share-images.ts). On globalThis, like the body
 * checks above; taken once, so they are not held for the rest of the build.
 */
const CHECKED_ENTRIES = Symbol.for('safeguarding-southend.checked-entries');
type CheckedEntries = { root: string; entries: readonly RawEntry[] };
const checkedHolder = () => globalThis as { [CHECKED_ENTRIES]?: CheckedEntries };

export function keepCheckedEntries(root: string, entries: readonly RawEntry[]): void {
  checkedHolder()[CHECKED_ENTRIES] = { root: resolve(root), entries };
}

/** The entries kept for `root` by this build's content check (then forgotten), or undefined. */
export function takeCheckedEntries(root: string): readonly RawEntry[] | undefined {
  const kept = checkedHolder()[CHECKED_ENTRIES];
  delete checkedHolder()[CHECKED_ENTRIES];
  return kept?.root === resolve(root) ? kept.entries : undefined;
}

/** Every problem in content/, for the build, the linter and the tests. */
export function checkAllContent(root: string): ContentProblem[] {
  return readAndCheckContent(root).problems;
}

/**
 * The glossary (content/glossary/), as the abbreviations it explains: the
 * one list the content linter, the tests and the tools read. (The site's
 * pages read the same files through Astro's collection, site-content.ts
 * getAbbreviations, with the same glossaryAbbreviation.) An entry whose
 * term or expansion is missing is left out: the content check reports it.
 */
export function readGlossary(root: string, entries: readonly RawEntry[] = readAllEntries(root, 'glossary')): Abbreviation[] {
  return entries
    .filter((entry) => entry.collection === 'glossary' && typeof entry.data.term === 'string' && typeof entry.data.expansion === 'string')
    .map((entry) => {
      const list = (value: unknown) => (Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : undefined);
      return glossaryAbbreviation(entrySlug(entry), {
        term: String(entry.data.term).trim(),
        expansion: String(entry.data.expansion).trim(),
        aliases: list(entry.data.aliases),
        otherExpansions: list(entry.data.otherExpansions),
        wellKnown: entry.data.wellKnown === true,
      });
    })
    .sort((a, b) => compareTerms(a.short, b.short));
}
