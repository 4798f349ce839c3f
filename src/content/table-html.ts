/**
 * Tables in authored content, as the site shows them. MDX renders a
 * Markdown table through src/components/ScrollTable.astro, and a table
 * inside the Table component (content-model.ts, BODY_BLOCKS) through
 * src/components/table/Table.astro; both give their HTML to
 * contentTableHtml() below, which reads it with an HTML parser (parse5) and
 * writes it back:
 *
 * - with a visible <caption>, when the editor gave one;
 * - with scope="col" on the header row's cells, and, when the first column
 *   is headings, each row's first cell as <th scope="row">;
 * - inside a scroll box (.sg-table-wrap) named by the caption, so a wide
 *   table scrolls in its own box, never the page (WCAG 1.4.10).
 *
 * The scroll box is a tab stop in the HTML (tabindex="0"), so that without
 * JavaScript a keyboard user can always reach a box that scrolls and scroll
 * it (WCAG 2.1.1): a needless tab stop costs one key press, a box that cannot
 * be reached hides part of the table. With JavaScript,
 * src/scripts/scroll-boxes.ts keeps the tab stop only while the box
 * overflows (src/site/scroll-box.ts).
 */
import { slugify } from '../rules/listing';
import { typographicApostrophes } from './typography';
import { defaultTreeAdapter as adapter, html as spec, parseFragment, serialize, type DefaultTreeAdapterTypes } from 'parse5';

type Element = DefaultTreeAdapterTypes.Element;
type Node = DefaultTreeAdapterTypes.Node;

export interface ContentTableOptions {
  /** Shown above the table, and the name of its scroll box. */
  caption?: string;
  /** The first cell of each body row names the row: it becomes <th scope="row">. */
  firstCellIsHeader?: boolean;
}

/** The id of a caption: "table-" and the caption's words, so it says what it is and cannot be a heading's. */
export function captionId(caption: string): string {
  return `table-${slugify(caption) || 'caption'}`;
}

function isElement(node: Node): node is Element {
  return 'tagName' in node;
}

function elements(node: Node, tagName: string): Element[] {
  const found: Element[] = [];
  const walk = (current: Node) => {
    if (isElement(current) && current.tagName === tagName) found.push(current);
    for (const child of 'childNodes' in current ? current.childNodes : []) walk(child);
  };
  walk(node);
  return found;
}

function childElements(node: Element, tagName?: string): Element[] {
  return node.childNodes.filter((child): child is Element => isElement(child) && (tagName === undefined || child.tagName === tagName));
}

function setAttribute(element: Element, name: string, value: string): void {
  const existing = element.attrs.find((attribute) => attribute.name === name);
  if (existing) existing.value = value;
  else element.attrs.push({ name, value });
}

function hasClass(element: Element, name: string): boolean {
  return element.attrs.some((attribute) => attribute.name === 'class' && attribute.value.split(/\s+/).includes(name));
}

function addClass(element: Element, name: string): void {
  const current = element.attrs.find((attribute) => attribute.name === 'class')?.value.split(/\s+/).filter(Boolean) ?? [];
  if (!current.includes(name)) setAttribute(element, 'class', [...current, name].join(' '));
}

function text(node: Node): string {
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterTypes.TextNode).value;
  return ('childNodes' in node ? node.childNodes : []).map((child) => text(child)).join('');
}

/** The rows of a table's body: the <tr> of each <tbody>, or the rows after the header when there is none. */
function bodyRows(table: Element): Element[] {
  const bodies = childElements(table, 'tbody');
  if (bodies.length > 0) return bodies.flatMap((body) => childElements(body, 'tr'));
  return childElements(table, 'tr').slice(1);
}

function headerCells(table: Element): Element[] {
  const head = childElements(table, 'thead')[0];
  const firstRow = head ? childElements(head, 'tr')[0] : childElements(table, 'tr')[0];
  return firstRow ? childElements(firstRow, 'th') : [];
}

/**
 * `html` with its one table given its caption and headers and put inside a
 * scroll box (in place of the scroll box it was in, if any; anything else in
 * `html` stays as it was). Throws when `html` holds no table or more than
 * one: the content check (content-tables.ts) refuses such a Table before the
 * build renders it.
 */
export function contentTableHtml(html: string, options: ContentTableOptions = {}): string {
  const fragment = parseFragment(html);
  const tables = elements(fragment, 'table');
  if (tables.length !== 1) throw new Error(`A content table must hold one table; this holds ${tables.length}.`);
  const table = tables[0]!;
  addClass(table, 'govuk-table');

  for (const old of childElements(table, 'caption')) adapter.detachNode(old);
  const caption = options.caption?.trim() ?? '';
  const id = captionId(caption);
  if (caption) {
    const element = adapter.createElement('caption', spec.NS.HTML, [
      { name: 'class', value: 'govuk-table__caption govuk-table__caption--s' },
      { name: 'id', value: id },
    ]);
    adapter.insertText(element, typographicApostrophes(caption));
    const first = table.childNodes[0];
    if (first) adapter.insertBefore(table, element, first);
    else adapter.appendChild(table, element);
  }

  const headers = headerCells(table);
  for (const cell of headers) if (!cell.attrs.some((attribute) => attribute.name === 'scope')) setAttribute(cell, 'scope', 'col');
  if (options.firstCellIsHeader) {
    for (const row of bodyRows(table)) {
      const first = childElements(row)[0];
      if (!first) continue;
      if (first.tagName === 'td') {
        first.tagName = 'th';
        first.nodeName = 'th';
      }
      setAttribute(first, 'scope', 'row');
    }
  }

  // Without a caption (the content check warns), the box is named by the table's columns.
  const columns = headers.map((cell) => text(cell).replace(/\s+/g, ' ').trim()).filter(Boolean);
  const name = caption
    ? { name: 'aria-labelledby', value: id }
    : { name: 'aria-label', value: columns.length > 0 ? `Table: ${columns.join(', ')}` : 'Table' };
  const box = adapter.createElement('div', spec.NS.HTML, [
    { name: 'class', value: 'sg-table-wrap' },
    { name: 'role', value: 'group' },
    name,
    { name: 'tabindex', value: '0' },
  ]);
  // The new box takes the place of the old one (or of the table); the table moves into it.
  const parent = table.parentNode;
  const replaced = parent && isElement(parent) && parent.tagName === 'div' && hasClass(parent, 'sg-table-wrap') ? parent : table;
  adapter.insertBefore(replaced.parentNode ?? fragment, box, replaced);
  adapter.detachNode(replaced);
  adapter.detachNode(table);
  adapter.appendChild(box, table);
  return serialize(fragment);
}
