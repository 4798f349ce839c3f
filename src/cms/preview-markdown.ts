/**
 * The Markdown in a CMS preview (the text of a warning or an inset, a
 * table), read by micromark, the parser MDX is built on, with GitHub's
 * tables, and written out as escaped HTML. Browser-safe: no Node.
 *
 * Read as MDX reads Markdown: no HTML (it is shown as the text it is), no
 * <https://...> links and no indented code. Only web, mail and phone links,
 * and the site's own paths, become links; anything else is shown as its
 * words. Every piece of text is escaped.
 */
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import type { Nodes, Parents, PhrasingContent, Table } from 'mdast';
import { escapeText } from '../html/markup';

/** What MDX leaves out of Markdown (micromark-extension-mdx-md). */
const AS_MDX = ['autolink', 'codeIndented', 'htmlFlow', 'htmlText'];
/** Markdown's blocks other than paragraphs: text on one line of MDX is inline, so none of these start there. */
const BLOCKS = ['blockQuote', 'codeFenced', 'definition', 'headingAtx', 'list', 'setextUnderline', 'table', 'thematicBreak'];

function parse(markdown: string, inline: boolean) {
  return fromMarkdown(markdown.replace(/\r\n?/g, '\n'), {
    extensions: [gfm(), { disable: { null: inline ? [...AS_MDX, ...BLOCKS] : AS_MDX } }],
    mdastExtensions: [gfmFromMarkdown()],
  });
}

/** Only web, mail and phone links, and the site's own paths, are links in a preview. */
function safeHref(href: string): string | undefined {
  return /^(https?:|mailto:|tel:|\/|#)/i.test(href.trim()) ? href.trim() : undefined;
}

/** Where each reference link goes ([text][name] with its "[name]: address" line). */
type Definitions = ReadonlyMap<string, string>;

function definitionsOf(tree: Nodes): Map<string, string> {
  const found = new Map<string, string>();
  const visit = (node: Nodes) => {
    if (node.type === 'definition' && !found.has(node.identifier)) found.set(node.identifier, node.url);
    if ('children' in node) for (const child of node.children) visit(child);
  };
  visit(tree);
  return found;
}

function childrenHtml(node: Parents, definitions: Definitions, tight = false): string {
  return node.children.map((child) => nodeHtml(child, definitions, tight)).join('');
}

function linkHtml(href: string | undefined, inner: string): string {
  const safe = safeHref(href ?? '');
  return safe ? `<a href="${escapeText(safe)}">${inner}</a>` : inner;
}

/** A node as HTML; `tight` is a list item's paragraph, shown without <p> as in a tight list. */
function nodeHtml(node: Nodes, definitions: Definitions, tight = false): string {
  switch (node.type) {
    case 'root':
    case 'blockquote':
      return childrenHtml(node, definitions);
    case 'paragraph':
      return tight ? childrenHtml(node, definitions) : `<p>${childrenHtml(node, definitions)}</p>`;
    case 'heading':
      return `<p>${childrenHtml(node, definitions)}</p>`;
    case 'list': {
      const tag = node.ordered ? 'ol' : 'ul';
      return `<${tag}>${node.children.map((item) => `<li>${childrenHtml(item, definitions, !(node.spread || item.spread))}</li>`).join('')}</${tag}>`;
    }
    case 'text':
    case 'html':
      return escapeText(node.value);
    case 'inlineCode':
      return `<code>${escapeText(node.value)}</code>`;
    case 'code':
      return `<pre><code>${escapeText(node.value)}</code></pre>`;
    case 'strong':
      return `<strong>${childrenHtml(node, definitions)}</strong>`;
    case 'emphasis':
      return `<em>${childrenHtml(node, definitions)}</em>`;
    case 'delete':
      return `<del>${childrenHtml(node, definitions)}</del>`;
    case 'break':
      return '<br>';
    case 'thematicBreak':
      return '<hr>';
    case 'link':
      return linkHtml(node.url, childrenHtml(node, definitions));
    case 'linkReference':
      return linkHtml(definitions.get(node.identifier), childrenHtml(node, definitions));
    case 'image':
    case 'imageReference':
      return escapeText(node.alt ?? '');
    case 'definition':
      return '';
    default:
      return 'children' in node ? childrenHtml(node as Parents, definitions) : '';
  }
}

/** Text on one line, as MDX reads it inside a component: links, **bold**, *italic* or _italic_, `code`, \escapes; never a block. */
export function markdownInlineHtml(markdown: string): string {
  const tree = parse(markdown, true);
  const definitions = definitionsOf(tree);
  return tree.children
    .map((child) => (child.type === 'paragraph' ? childrenHtml(child, definitions) : nodeHtml(child, definitions)))
    .join('\n\n');
}

/** Text on several lines: paragraphs and lists, and the inline Markdown in them. */
export function markdownBlocksHtml(markdown: string): string {
  const tree = parse(markdown, false);
  return nodeHtml(tree, definitionsOf(tree));
}

/** A Markdown table's cells: the header row's, the other rows', and each column's alignment; empty when the text holds no table. */
export function markdownTable(markdown: string): { head: string[]; body: string[][]; align: ('left' | 'right' | 'center' | '')[] } {
  const tree = parse(markdown.trim(), false);
  const definitions = definitionsOf(tree);
  const table = tree.children.find((child): child is Table => child.type === 'table');
  if (!table) return { head: [], body: [], align: [] };
  const cells = (row: Table['children'][number]) =>
    row.children.map((cell) => cell.children.map((child: PhrasingContent) => nodeHtml(child, definitions)).join(''));
  const [head, ...body] = table.children;
  return { head: head ? cells(head) : [], body: body.map(cells), align: (table.align ?? []).map((align) => align ?? '') };
}
