/**
 * The content linter: what axe cannot see because it is in the words an
 * editor writes. It reads every file in content/ as written and reports, with
 * file, line and what to do: headings that skip a level or a second level 1
 * heading, link text that does not say where it goes ("click here", "here",
 * "read more", a bare web address), missing or file-name alternative text,
 * documents without a title or an accessible alternative, tables without a
 * header row (all errors), tables without a caption, procedures past their
 * review date, an accessibility statement not reviewed for a year,
 * abbreviations used on a page before it says what they stand for (in the
 * fields the build does not write out), all-capitals words the glossary does
 * not know, and uploaded documents no entry names (warnings).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { entrySlug, paddedBody, readAndCheckContent, readGlossary, type RawEntry } from './files';
import { unusedDocuments, type UnusedDocument } from './document-folders';
import type { ContentProblem } from './schemas';
import { parseAndCheckBody, parseBody } from './safety';
import type { SafetyNode } from './safety-rules';
import { linkDefinitions, literalExpressionText } from './tree';
import { displayDate, isRealIsoDate, type IsoDate } from '../rules/dates';
import { statementWarnings } from '../site/accessibility-statement';
import { expansionAdvice, unexplainedAbbreviations, unknownCapitals, usePattern, visibleText, type Abbreviation, type TextPiece } from './abbreviations';
import { PAGE_TEXT_ORDER, wordsIn } from './page-text';
import { SentenceFinder, normaliseText, reviewSentences } from '../rules/withdrawn-check';

export { PAGE_TEXT_ORDER } from './page-text';

export type Severity = 'error' | 'warning';

export interface LintFinding {
  file: string;
  /** 1-based line in the file. */
  line: number;
  severity: Severity;
  /** A short name for the rule, for tests and reports. */
  rule: LintRule;
  message: string;
}

export type LintRule =
  | 'heading-level-1'
  | 'heading-skips-level'
  | 'heading-empty'
  | 'link-text'
  | 'link-bare-url'
  | 'link-empty-target'
  | 'image-alt'
  | 'document-title'
  | 'document-alternative'
  | 'document-unused'
  | 'table-header'
  | 'table-caption'
  | 'procedure-review-due'
  | 'statement-review-due'
  | 'abbreviation-not-expanded'
  | 'abbreviation-unknown'
  | 'briefing-repeats-review'
  | 'unsafe-content'
  | 'content-model';

/** Link text that does not say where a link goes (compared in lower case, without punctuation). */
export const VAGUE_LINK_TEXT = [
  'click here', 'click', 'click this link', 'here', 'this', 'this link', 'link', 'this page',
  'read more', 'more', 'learn more', 'more info', 'more information', 'see more', 'go', 'go here', 'continue',
] as const;

/** Alternative text that says nothing about the picture. */
const GENERIC_ALT = ['image', 'picture', 'photo', 'photograph', 'graphic', 'icon', 'logo', 'img', 'alt', 'alt text', 'chart', 'diagram', 'screenshot'];

const FILE_EXTENSIONS = 'png|jpe?g|gif|svg|webp|avif|bmp|tiff?|heic|pdf|docx?|xlsx?|pptx?|odt|ods|odp|csv|txt|html?';
const FILE_NAME = new RegExp(`^[^\\s]+\\.(${FILE_EXTENSIONS})$`, 'i');
/** Camera and scanner names: IMG_1234, DSC01234, Screenshot 2026-01-01 at 10.00.00, image001. */
const CAMERA_NAME = /^(img|dsc|dscn|pxl|scan|image|photo|screenshot|screen shot)[\s_-]?\d[\w\s.-]*$/i;

export function isFileNameLike(text: string): boolean {
  const value = text.trim();
  if (FILE_NAME.test(value) || CAMERA_NAME.test(value)) return true;
  // One "word" with underscores or several hyphens and digits, like report_final_v2 or 2026-01-10-briefing.
  return !/\s/.test(value) && (/_/.test(value) || /^[\w-]*\d[\w-]*-[\w-]*$/.test(value)) && value.length > 3;
}

function normaliseLinkText(text: string): string {
  return text
    .replace(/[*_`~]/g, '')
    .replace(/[\u2018\u2019\u201c\u201d"'().,:;!?\u2026>\u2192-]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

function looksLikeUrl(text: string): boolean {
  return /^(https?:\/\/|www\.)\S+$/i.test(text.trim());
}

/** What is wrong with a link's text, or null when it says where it goes. */
export function linkTextProblem(text: string): { rule: LintRule; message: string } | null {
  const plain = text.replace(/<[^>]+>/g, '').replace(/[*_`~]/g, '').trim();
  if (plain === '') {
    return { rule: 'link-text', message: 'a link has no text, so a screen reader can only read out its address. Write what the reader will find there.' };
  }
  if (looksLikeUrl(plain)) {
    return {
      rule: 'link-bare-url',
      message: `the link text is a web address ("${shorten(plain)}"). Screen readers read it out letter by letter. Write what the reader will find there instead, for example [Working Together to Safeguard Children on GOV.UK](${shorten(plain)}).`,
    };
  }
  if ((VAGUE_LINK_TEXT as readonly string[]).includes(normaliseLinkText(plain))) {
    return {
      rule: 'link-text',
      message: `the link text "${plain}" does not say where the link goes. People using a screen reader often hear a list of the links on a page, and "${plain}" tells them nothing. Put the link on words that describe the destination, for example "read the [Working Together 2018 guidance on GOV.UK](https://www.gov.uk/...)".`,
    };
  }
  if (isFileNameLike(plain)) {
    return { rule: 'link-text', message: `the link text "${plain}" is a file name. Write what the document is, for example "Annual report 2019 to 2020 (PDF)".` };
  }
  return null;
}

/** What is wrong with an image's alternative text, or null. */
export function altTextProblem(alt: string | null): string | null {
  if (alt === null) return 'an image has no alternative text. Describe what the image shows, or what it tells the reader, in a short sentence.';
  const value = alt.trim();
  if (value === '') {
    return 'an image has empty alternative text, so screen reader users are told nothing about it. Describe what the image shows, or what it tells the reader. If it adds nothing to the page, remove the image.';
  }
  if (isFileNameLike(value)) return `the alternative text "${value}" is a file name. Replace it with a short description of what the image shows.`;
  if (GENERIC_ALT.includes(value.toLowerCase().replace(/[.:]$/, ''))) {
    return `the alternative text "${value}" only says it is an image. Describe what the image shows, or what it tells the reader.`;
  }
  return null;
}

function shorten(text: string, length = 60): string {
  return text.length > length ? `${text.slice(0, length - 3)}...` : text;
}

/** A node of a body's syntax tree (mdast, from the safety check's parser): only what the linter reads. */
interface LintNode extends SafetyNode {
  /** A heading's level. */
  depth?: number;
  /** An image's alternative text. */
  alt?: string | null;
  /** A reference's or a definition's name, as the parser normalises it. */
  identifier?: string;
  children?: LintNode[];
}

/** Nodes whose words a reader never sees as words of the page: code, {comments and expressions}, imports, link definitions. */
const UNREAD = new Set(['code', 'inlineCode', 'mdxFlowExpression', 'mdxTextExpression', 'mdxjsEsm', 'definition', 'html']);

/** The words a node shows: its text and code, and an image's alternative text (what a screen reader reads for it). */
function wordsOf(node: LintNode): string {
  if (node.type === 'text' || node.type === 'inlineCode') return String(node.value ?? '');
  if (node.type === 'image' || node.type === 'imageReference') return node.alt ?? '';
  if (node.type === 'break') return ' ';
  if (node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression') return '';
  return (node.children ?? []).map(wordsOf).join('');
}

function isElement(node: LintNode): boolean {
  return node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement';
}

/** An element's attribute as text: written in quotes, or a literal in braces ({"..."}); null when absent or not literal text. */
function attributeText(node: LintNode, name: string): string | null {
  const attribute = node.attributes?.find((candidate) => candidate.type === 'mdxJsxAttribute' && candidate.name?.toLowerCase() === name);
  if (!attribute) return null;
  const { value } = attribute;
  if (typeof value === 'string') return value;
  if (value === null || value === undefined) return null;
  return literalExpressionText(String((value as { value?: unknown }).value ?? ''));
}

function hasDescendant(node: LintNode, test: (child: LintNode) => boolean): boolean {
  return (node.children ?? []).some((child) => test(child) || hasDescendant(child, test));
}

interface BodyContext { file: string; bodyLine: number }

/**
 * Checks an MDX or Markdown body. Lines are reported as lines of the file.
 * The body is read by the parser the safety check and the compiler use
 * (content-safety.ts); a body that parser cannot read has no findings here,
 * as the content check reports why it cannot be read.
 */
export function lintBody(body: string, context: BodyContext): LintFinding[] {
  let tree: SafetyNode;
  try {
    tree = parseBody(body);
  } catch {
    return [];
  }
  return lintBodyTree(tree, { file: context.file, lineOffset: context.bodyLine - 1 });
}

/**
 * Checks a body's syntax tree, in the order it is written: headings
 * (Markdown and <h1>-<h6>), links (Markdown, reference, web addresses written
 * bare, and <a>), images (Markdown, <img> and <Figure>) and tables (Markdown,
 * in a <Table> or not, and <table>). Code, comments and link definitions are
 * not read. A file's line is the tree's line plus `lineOffset` (0 for a tree
 * parsed with the frontmatter's lines left blank, as the content check does).
 */
export function lintBodyTree(tree: SafetyNode, context: { file: string; lineOffset: number }): LintFinding[] {
  const findings: LintFinding[] = [];
  const add = (node: LintNode, severity: Severity, rule: LintRule, message: string) =>
    findings.push({ file: context.file, line: (node.position?.start.line ?? 1) + context.lineOffset, severity, rule, message });

  let previousLevel = 1; // the page title is the level 1 heading
  const heading = (node: LintNode, level: number) => {
    const words = wordsOf(node).trim();
    if (level === 1) {
      add(node, 'error', 'heading-level-1', `"# ${words}" is a level 1 heading, but the page title is already the page's only level 1 heading. Make it a level 2 heading ("## ${words}"), or a lower level if it belongs under another heading.`);
    } else if (level > previousLevel + 1) {
      const expected = previousLevel + 1;
      add(node, 'error', 'heading-skips-level', `the heading "${words}" is level ${level}, but the heading before it is level ${previousLevel}${previousLevel === 1 ? ' (the page title)' : ''}, so level ${expected} is skipped. Screen reader users move around a page by its headings, and a skipped level makes them think something is missing. Make it a level ${expected} heading ("${'#'.repeat(expected)} ${words}").`);
    }
    if (words === '') add(node, 'error', 'heading-empty', 'a heading has no text. Write the heading, or remove the "#" marks.');
    previousLevel = level;
  };

  const link = (node: LintNode, text: string, target: string) => {
    const problem = linkTextProblem(text);
    if (problem) add(node, 'error', problem.rule, problem.message);
    const href = target.trim();
    if (href === '' || href === '#') {
      add(node, 'error', 'link-empty-target', `the link "${text.trim() || '(no text)'}" does not go anywhere (its address is "${href}"). Add the full address of the page it should open, or remove the link.`);
    }
  };
  const image = (node: LintNode, alt: string | null) => {
    const problem = altTextProblem(alt);
    if (problem) add(node, 'error', 'image-alt', problem);
  };

  const definitions = linkDefinitions(tree);

  const visit = (node: LintNode, inTableComponent: boolean) => {
    if (UNREAD.has(node.type)) return;
    const name = isElement(node) ? (node.name ?? '') : '';
    if (node.type === 'heading') heading(node, node.depth ?? 1);
    else if (/^h[1-6]$/i.test(name)) heading(node, Number(name[1]));
    else if (node.type === 'link') link(node, wordsOf(node), node.url ?? '');
    else if (node.type === 'linkReference') link(node, wordsOf(node), definitions.get(node.identifier ?? '') ?? '');
    else if (name.toLowerCase() === 'a') link(node, wordsOf(node), attributeText(node, 'href') ?? '');
    else if (node.type === 'image' || node.type === 'imageReference') image(node, node.alt ?? '');
    else if (name.toLowerCase() === 'img' || name === 'Figure') image(node, attributeText(node, 'alt'));
    else if (node.type === 'table') {
      // The first row is the header row, and needs words in it. A caption comes from the Table component around the table (content-tables.ts).
      const header = node.children?.[0];
      if (header && (header.children ?? []).every((cell) => wordsOf(cell).trim() === '')) {
        add(node, 'error', 'table-header', 'this table\'s first row is empty, so it has no header row. Put the name of each column in the first row, so screen readers can say which column a cell is in.');
      }
      if (!inTableComponent) {
        add(node, 'warning', 'table-caption', 'this table has no caption. Put it in a Table with a caption that says what it shows (the Table button in the editor, or <Table caption="..."> on the line before the table and </Table> on the line after it). Screen readers read the caption out before the table, and it names the table\'s scroll box on a small screen.');
      }
    } else if (name === 'table') {
      // HTML tables need <th> cells. (In lower case: <Table> is the component, above.)
      if (!hasDescendant(node, (child) => isElement(child) && child.name?.toLowerCase() === 'th')) {
        add(node, 'error', 'table-header', 'this table has no header cells (<th>). Make its first row the header row, with the name of each column, so screen readers can say which column a cell is in.');
      }
    }
    for (const child of node.children ?? []) visit(child, inTableComponent || name === 'Table');
  };
  visit(tree as LintNode, false);
  return sortByLine(findings);
}

function sortByLine(findings: LintFinding[]): LintFinding[] {
  return findings.sort((a, b) => a.line - b.line);
}

/** Finds the line of the frontmatter that holds `value` (after `key:`), from `fromLine` on. */
function frontmatterLine(text: string, key: string, value: string, fromLine = 1): number {
  const lines = text.split(/\r?\n/);
  for (let index = Math.max(0, fromLine - 1); index < lines.length; index += 1) {
    const line = lines[index]!;
    if (line.includes(`${key}:`) && (value === '' || line.includes(value))) return index + 1;
  }
  for (let index = 0; index < lines.length; index += 1) if (lines[index]!.includes(`${key}:`)) return index + 1;
  return 1;
}

interface LintableEntry extends Pick<RawEntry, 'collection' | 'file' | 'data' | 'body' | 'bodyLine'> {
  /** The whole file, to find the line of a field. Read from disk when not given. */
  text?: string;
  absolutePath?: string;
}

interface DocumentItem { title?: unknown; file?: unknown; accessibleAlternative?: unknown }

/**
 * Checks one entry: its body, its documents and links, and a procedure's
 * review date. `tree`, when given, is the body's syntax tree as the content
 * check parsed it (the frontmatter's lines left blank), so the body is not
 * parsed again.
 */
export function lintEntry(entry: LintableEntry, today: IsoDate, options: { bodyIsSafe?: boolean; tree?: SafetyNode } = {}): LintFinding[] {
  const text = entry.text ?? (entry.absolutePath ? readFileSync(entry.absolutePath, 'utf8') : '');
  // A body that is not safe MDX is not read any further: the content check (checkRawEntry) reports it.
  // (lintContent has checked already and says so; an entry on its own is checked here.)
  let { bodyIsSafe: safe, tree } = options;
  if (entry.body && (safe === undefined || (safe && !tree))) {
    const checked = parseAndCheckBody(paddedBody(entry), { collection: entry.collection });
    safe ??= checked.problems.length === 0;
    tree = checked.tree;
  }
  const findings: LintFinding[] = entry.body && safe && tree ? lintBodyTree(tree, { file: entry.file, lineOffset: 0 }) : [];
  const add = (line: number, severity: Severity, rule: LintRule, message: string) => findings.push({ file: entry.file, line, severity, rule, message });

  const documents = Array.isArray(entry.data.documents) ? (entry.data.documents as DocumentItem[]) : [];
  let searchFrom = 1;
  documents.forEach((document, position) => {
    const file = typeof document?.file === 'string' ? document.file : '';
    const title = typeof document?.title === 'string' ? document.title.trim() : '';
    const line = frontmatterLine(text, 'file', file, searchFrom);
    searchFrom = line + 1;
    const name = `document ${position + 1}${file ? ` (${file})` : ''}`;
    if (title === '') {
      add(line, 'error', 'document-title', `${name} has no title. Fill in "Document title" with what the document is, for example "Learning briefing": it becomes the link text.`);
    } else if (isFileNameLike(title) || title.toLowerCase() === file.toLowerCase()) {
      add(line, 'error', 'document-title', `${name} is titled "${title}", which is a file name. Write what the document is, for example "Learning briefing": it becomes the link text.`);
    }
    const alternative = typeof document?.accessibleAlternative === 'string' ? document.accessibleAlternative.trim() : '';
    if (alternative === '') {
      add(line, 'error', 'document-alternative', `${name}${title ? ` ("${title}")` : ''} has no accessible alternative noted, and every document needs one. Documents such as PDFs often do not work with screen readers or magnifiers. Fill in "Accessible alternative" with how someone who cannot use the document gets the same information, for example "The learning briefing on this page gives the findings and the learning." or "Email SSPA@southend.gov.uk for a large print, audio or accessible Word version."`);
    }
  });

  const links = Array.isArray(entry.data.links) ? (entry.data.links as { title?: unknown; url?: unknown }[]) : [];
  let linkFrom = 1;
  for (const link of links) {
    const title = typeof link?.title === 'string' ? link.title : '';
    const url = typeof link?.url === 'string' ? link.url : '';
    const line = frontmatterLine(text, 'url', url, linkFrom);
    linkFrom = line + 1;
    const problem = linkTextProblem(title);
    if (problem) add(line, 'error', problem.rule, `in "Links": ${problem.message}`);
  }

  const reviewDue = entry.data.reviewDue;
  if (entry.collection === 'procedures' && typeof reviewDue === 'string' && isRealIsoDate(reviewDue) && reviewDue < today) {
    add(frontmatterLine(text, 'reviewDue', reviewDue), 'warning', 'procedure-review-due', `"${String(entry.data.title ?? entry.file)}" was due for review on ${displayDate(reviewDue)}. Its page tells readers it may be out of date. When it has been reviewed, update "Last reviewed" and "Review due".`);
  }
  if (entry.collection === 'accessibility') {
    for (const warning of statementWarnings(entry.data, today)) add(frontmatterLine(text, warning.field, warning.value), 'warning', 'statement-review-due', warning.message);
  }
  return findings;
}

/** Every finding in content/, errors first, then by file and line. */
export function lintContent(root: string, today: IsoDate): LintFinding[] {
  // What the build refuses (file names, encoding, fields, unsafe bodies, images), then what a reader would notice.
  const trees = new Map<RawEntry, SafetyNode>();
  const { entries, problems } = readAndCheckContent(root, { trees });
  const findings: LintFinding[] = problems.map((problem) => ({
    file: problem.file,
    line: problem.line ?? fieldLine(root, problem.file, problem.field),
    severity: 'error',
    rule: isUnsafeBody(problem) ? 'unsafe-content' : 'content-model',
    message: problem.line === undefined ? `field "${problem.field}" ${problem.message}` : problem.message,
  }));
  const unsafeFiles = new Set(problems.filter(isUnsafeBody).map((problem) => problem.file));
  findings.push(...entries.flatMap((entry) => lintEntry(entry, today, { bodyIsSafe: !unsafeFiles.has(entry.file), tree: trees.get(entry) })));
  const glossary = readGlossary(root, entries);
  const readable = entries.map((entry) => (unsafeFiles.has(entry.file) ? { ...entry, body: '' } : entry));
  findings.push(...lintAbbreviations(readable, glossary));
  findings.push(...readable.flatMap((entry) => lintUnknownAbbreviations(entry, glossary)));
  findings.push(...unusedDocuments(root, entries).map(unusedDocumentFinding));
  findings.push(...lintBriefingRepeats(entries));
  return sortFindings(findings);
}

/**
 * An upload no entry names: a document replaced or removed in the CMS, or
 * one whose entry was deleted (the CMS deletes only the entry's file, so a
 * report is never lost by accident). A warning: someone decides.
 */
export function unusedDocumentFinding(document: UnusedDocument): LintFinding {
  const folder = document.file.replace(/\/[^/]*$/, '');
  const why = document.entry
    ? `is in the document folder of ${document.entry}, but that entry does not name it (it was replaced or removed there)`
    : `is in ${folder}/, but there is no entry ${folder}.mdx any more (the entry was deleted; its documents are kept)`;
  return {
    file: document.file,
    line: 1,
    severity: 'warning',
    rule: 'document-unused',
    message: `Unused upload: this file ${why}, so the site does not publish it. If the partnership must keep it (reports are kept to answer requests), move it to the records store first; then delete it${document.entry ? `, or choose it again in the entry's "File" field` : ''}.`,
  };
}

/** A problem the safe MDX check found in a body (checkRawEntry gives those a line). */
function isUnsafeBody(problem: ContentProblem): boolean {
  return problem.field === 'body' && problem.line !== undefined;
}

/** The line of a top-level field in a file, or 1. */
function fieldLine(root: string, file: string, field: string): number {
  const key = field.replace(/[[.].*$/, '');
  try {
    const lines = readFileSync(join(root, file), 'utf8').split(/\r?\n/);
    const index = lines.findIndex((line) => line.startsWith(`${key}:`));
    return index < 0 ? 1 : index + 1;
  } catch {
    return 1;
  }
}

export function sortFindings(findings: readonly LintFinding[]): LintFinding[] {
  return [...findings].sort((a, b) =>
    (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1) || a.file.localeCompare(b.file) || a.line - b.line);
}

/** The report an editor reads: a line per problem, with file, line and what to do. */
export function formatFindings(findings: readonly LintFinding[]): string {
  const errors = findings.filter((finding) => finding.severity === 'error');
  const warnings = findings.filter((finding) => finding.severity === 'warning');
  const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
  const out = [`Content check: ${plural(errors.length, 'error')}, ${plural(warnings.length, 'warning')}.`];
  const line = (finding: LintFinding) => `  ${finding.file}, line ${finding.line}: ${finding.message}`;
  if (errors.length > 0) out.push('', 'Errors: these must be fixed before the change can be published.', ...errors.map(line));
  if (warnings.length > 0) out.push('', 'Warnings: these do not stop publishing, but need attention.', ...warnings.map(line));
  if (errors.length === 0 && warnings.length === 0) out.push('Nothing to fix.');
  return out.join('\n');
}


/** The threshold levels share one page (/threshold/), in order of level; every other entry has its own. */
function pagesOf(entries: readonly LintableEntry[]): LintableEntry[][] {
  const level = (entry: LintableEntry) => (typeof entry.data.level === 'number' ? entry.data.level : 0);
  const threshold = entries.filter((entry) => entry.collection === 'threshold').sort((a, b) => level(a) - level(b));
  const others = entries.filter((entry) => entry.collection !== 'threshold').map((entry) => [entry]);
  return threshold.length > 0 ? [threshold, ...others] : others;
}

/** The line holding `words` in a field at the top of a file (a list's items follow its key), or the field's own line. */
function valueLine(text: string, key: string, words: string): number {
  const lines = text.split(/\r?\n/);
  const start = lines.findIndex((line) => line.startsWith(`${key}:`));
  if (start < 0) return 1;
  for (let index = start; index < lines.length && (index === start || !/^[A-Za-z]\w*:/.test(lines[index]!)); index += 1) {
    if (lines[index]!.includes(words)) return index + 1;
  }
  return start + 1;
}


/**
 * The words a body stands for in the abbreviation check: the build writes
 * out the first use on the page of each abbreviation in a body
 * (src/html/mark-abbreviations.ts), so a body is "Full name (ABBR)" for each
 * one it uses, and explains it for any field shown after it.
 */
function asExplainedByTheBuild(body: string, glossary: readonly Abbreviation[]): string {
  const text = visibleText(body);
  return glossary.filter((abbreviation) => usePattern(abbreviation).test(text)).map((abbreviation) => `${abbreviation.expansion} (${abbreviation.short})`).join('\n');
}

/**
 * Abbreviations the glossary knows, used on a page before the page says
 * what they stand for, in a field the build shows as written (a summary, a
 * list): a warning at the first use, in the field's line. Bodies need none:
 * the build writes out each abbreviation where a body first uses it.
 */
export function lintAbbreviations(entries: readonly LintableEntry[], glossary: readonly Abbreviation[]): LintFinding[] {
  const findings: LintFinding[] = [];
  for (const page of pagesOf(entries)) {
    const pieces: (TextPiece & { entry: LintableEntry; field: string })[] = [];
    for (const entry of page) {
      for (const field of PAGE_TEXT_ORDER[entry.collection]) {
        const text = field === 'body' ? asExplainedByTheBuild(entry.body ?? '', glossary) : wordsIn(entry.data[field]).join('\n');
        if (text.trim() !== '') pieces.push({ text, where: `${entry.file} ${field}`, entry, field });
      }
    }
    for (const use of unexplainedAbbreviations(pieces, glossary)) {
      const piece = pieces[use.piece]!;
      const { entry } = piece;
      let line: number;
      if (piece.field === 'body') {
        line = entry.bodyLine + piece.text.slice(0, use.index).split('\n').length - 1;
      } else {
        const text = entry.text ?? (entry.absolutePath ? readFileSync(entry.absolutePath, 'utf8') : '');
        line = valueLine(text, piece.field, use.written);
      }
      const where = piece.field === 'body' ? '' : `in "${piece.field}": `;
      findings.push({ file: entry.file, line, severity: 'warning', rule: 'abbreviation-not-expanded', message: `${where}${expansionAdvice(use)}` });
    }
  }
  return findings;
}

/** Fields whose values are addresses, file names or settings, not words a reader reads. */
const NOT_WORDS = new Set(['url', 'file', 'email', 'phone', 'exitUrl', 'adultsContactPage', 'childrenOnlineForm', 'adultsOnlineForm', 'src']);

/**
 * All-capitals words of 2 to 6 letters that the glossary does not know (as
 * a term or another spelling), in an entry's body and fields: a warning at
 * each word's first line in the entry, saying what to do.
 */
export function lintUnknownAbbreviations(entry: LintableEntry, glossary: readonly Abbreviation[]): LintFinding[] {
  const findings: LintFinding[] = [];
  const reported = new Set<string>();
  const report = (word: string, line: number, where: string) => {
    if (reported.has(word)) return;
    reported.add(word);
    findings.push({
      file: entry.file, line, severity: 'warning', rule: 'abbreviation-unknown',
      message: `${where}"${word}" looks like an abbreviation, but the glossary does not know it. Add it to the glossary (Glossary in the CMS: the term, what it stands for and what it means), so the site can explain it where a page first uses it; or write it differently, for example in full.`,
    });
  };
  const text = entry.text ?? (entry.absolutePath ? readFileSync(entry.absolutePath, 'utf8') : '');
  const visit = (value: unknown, key: string, top: string) => {
    if (NOT_WORDS.has(key)) return;
    if (typeof value === 'string') for (const { word } of unknownCapitals(value, glossary)) report(word, valueLine(text, top, word), `in "${top}": `);
    else if (Array.isArray(value)) value.forEach((item) => visit(item, key, top));
    else if (value && typeof value === 'object') for (const [name, item] of Object.entries(value)) visit(item, name, top);
  };
  for (const [key, value] of Object.entries(entry.data)) visit(value, key, key);
  if (entry.body) {
    const body = visibleText(entry.body);
    for (const { word, index } of unknownCapitals(body, glossary)) report(word, entry.bodyLine + body.slice(0, index).split('\n').length - 1, '');
  }
  return findings;
}

/**
 * A learning briefing stays on the site after its review is withdrawn, and
 * nothing of the review's own text may stay with it: a sentence the
 * briefing copied from its review would show it, and would no longer count
 * as the review's own in the build's check (src/rules/withdrawn-check.ts,
 * which leaves out sentences another file has). A warning for each.
 */
export function lintBriefingRepeats(entries: readonly LintableEntry[]): LintFinding[] {
  const findings: LintFinding[] = [];
  // What a reader sees of each entry, normalised once, however many briefings look at it.
  const seen = new Map<LintableEntry, string>();
  const textOf = (entry: LintableEntry) => {
    if (!seen.has(entry)) seen.set(entry, normaliseText(`${JSON.stringify(entry.data)} ${visibleText(entry.body)}`));
    return seen.get(entry)!;
  };
  for (const briefing of entries.filter((entry) => entry.collection === 'briefings')) {
    const review = entries.find((entry) => entry.collection === 'reviews' && entrySlug(entry) === String(briefing.data.review));
    if (!review) continue;
    const finder = new SentenceFinder(reviewSentences(String(review.data.summary ?? ''), review.body));
    const repeated = finder.foundIn(textOf(briefing));
    if (repeated.size === 0) continue;
    // A sentence other entries have too (the sample content note every review has) is not this review's own.
    const elsewhere = new Set(entries.filter((entry) => entry !== review && entry !== briefing).flatMap((entry) => [...finder.foundIn(textOf(entry))]));
    for (const sentence of repeated) {
      if (elsewhere.has(sentence)) continue;
      findings.push({
        file: briefing.file,
        line: 1,
        severity: 'warning',
        rule: 'briefing-repeats-review',
        message: `repeats a sentence of its review, ${review.file} ("${shorten(sentence, 70)}"). The briefing stays on the site when the review leaves it, and the review's own words must leave with it: say it in the briefing's own words.`,
      });
    }
  }
  return findings;
}
