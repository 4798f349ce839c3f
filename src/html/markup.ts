/**
 * Markup written once, drawn twice: a block of the site's markup (a warning,
 * who to call, the contact details, a summary list, the page's heading) is a
 * plain tree of elements built with `h` (src/html/blocks.ts). The site's
 * Astro components serialise it with `renderHtml` (`set:html`), and the CMS
 * previews turn it into React elements with `toElements` (cms/previews.ts;
 * the editor components' previews take the serialised HTML, through
 * src/cms/preview-html.ts), so the preview shows exactly the site's markup.
 *
 * Content is data: every text and attribute value is escaped when
 * serialised, as Astro escapes an expression (`&<>'"` in text, `&"` in an
 * attribute). The only HTML taken as it is, `raw`, is HTML already made safe
 * by its maker: what Astro rendered for a component's slot, or the preview's
 * escaped Markdown (src/cms/preview-html.ts).
 */

export type AttributeValue = string | number | boolean | null | undefined;
export type Attributes = Readonly<Record<string, AttributeValue>>;

export interface MarkupElement {
  readonly tag: string;
  readonly attributes: Attributes;
  readonly children: readonly MarkupNode[];
}

/** HTML made safe by whoever made it (Astro's rendering of a slot, the preview's escaped Markdown). */
export interface RawHtml {
  readonly rawHtml: string;
}

/** Something only one renderer draws in place: a React node in the CMS preview (the body's editor widget). */
export interface Embedded {
  readonly embedded: unknown;
}

export type MarkupNode = MarkupElement | RawHtml | Embedded | string | number | false | null | undefined | readonly MarkupNode[];

/** An element: `h('p', { class: 'govuk-body' }, 'Text')`. A null, undefined or false child is left out. */
export function h(tag: string, attributes: Attributes | null, ...children: MarkupNode[]): MarkupElement {
  if (!/^[a-z][a-z0-9]*$/.test(tag)) throw new Error(`"${tag}" is not an HTML element name`);
  for (const name of Object.keys(attributes ?? {})) {
    if (!/^[a-z][a-z0-9-]*$/.test(name) || /^on/.test(name))
      throw new Error(`<${tag}>: "${name}" is not an attribute a block may have (lower case, no event handlers)`);
  }
  return { tag, attributes: attributes ?? {}, children };
}

export const raw = (html: string): RawHtml => ({ rawHtml: html });

export const embedded = (value: unknown): Embedded => ({ embedded: value });

const isRaw = (node: MarkupNode): node is RawHtml => typeof node === 'object' && node !== null && 'rawHtml' in node;
const isEmbedded = (node: MarkupNode): node is Embedded => typeof node === 'object' && node !== null && 'embedded' in node;

/** Elements that have no end tag. */
const VOID_ELEMENTS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

/** Text as Astro escapes an expression's value. */
export function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/'/g, '&#39;').replace(/"/g, '&quot;');
}

/** An attribute's value as Astro escapes it (always in double quotes). */
export function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
}

function attributesHtml(attributes: Attributes): string {
  let html = '';
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    html += value === true ? ` ${name}` : ` ${name}="${escapeAttribute(String(value))}"`;
  }
  return html;
}

/** The tree as HTML, with no whitespace of its own between elements. */
export function renderHtml(node: MarkupNode): string {
  if (node === null || node === undefined || node === false) return '';
  if (typeof node === 'string') return escapeText(node);
  if (typeof node === 'number') return String(node);
  if (Array.isArray(node)) return (node as readonly MarkupNode[]).map(renderHtml).join('');
  if (isRaw(node)) return node.rawHtml;
  if (isEmbedded(node)) throw new Error('An embedded node is drawn only by the CMS preview; the site gives HTML (raw) in its place.');
  const element = node as MarkupElement;
  const open = `<${element.tag}${attributesHtml(element.attributes)}>`;
  return VOID_ELEMENTS.has(element.tag) ? open : `${open}${element.children.map(renderHtml).join('')}</${element.tag}>`;
}

/** React's createElement, or anything with its shape. */
export type CreateElement<T> = (type: string, props: Record<string, unknown> | null, ...children: unknown[]) => T;

/** React's names for the attributes whose DOM property differs from the attribute. */
const REACT_NAMES: Readonly<Record<string, string>> = {
  class: 'className',
  for: 'htmlFor',
  maxlength: 'maxLength',
  autocomplete: 'autoComplete',
  enterkeyhint: 'enterKeyHint',
  tabindex: 'tabIndex',
};

function reactProps(attributes: Attributes, key: number | undefined): Record<string, unknown> {
  const props: Record<string, unknown> = key === undefined ? {} : { key };
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    // A bare aria-* or data-* attribute is empty, as in the HTML (React would write "true").
    props[REACT_NAMES[name] ?? name] = value === true && (name.startsWith('aria-') || name.startsWith('data-')) ? '' : value;
  }
  return props;
}

/** What toElements gives: an element, a text, nothing, or a list of them (all React nodes). */
export type Drawn<T> = T | string | null | Drawn<T>[];

const flatten = (nodes: readonly MarkupNode[]): MarkupNode[] =>
  nodes.flatMap((node) => (Array.isArray(node) ? flatten(node as readonly MarkupNode[]) : [node]));

/**
 * The tree as React elements (pass React's createElement). An element with
 * raw HTML among its children takes them all as its inner HTML, so they must
 * not include an embedded node.
 */
export function toElements<T>(node: MarkupNode, create: CreateElement<T>, key?: number): Drawn<T> {
  if (node === null || node === undefined || node === false) return null;
  if (typeof node === 'string') return node;
  if (typeof node === 'number') return String(node);
  // Several nodes side by side: their elements, keyed by position.
  if (Array.isArray(node)) return flatten(node as readonly MarkupNode[]).map((child, index) => toElements(child, create, index));
  if (isRaw(node)) throw new Error('Raw HTML is drawn only as the inner HTML of its element; put it inside one.');
  if (isEmbedded(node)) return node.embedded as T;
  const element = node as MarkupElement;
  const children = flatten(element.children);
  const props = reactProps(element.attributes, key);
  if (children.some(isRaw)) {
    if (children.some(isEmbedded)) throw new Error(`<${element.tag}>: raw HTML and an embedded node cannot share an element`);
    return create(element.tag, { ...props, dangerouslySetInnerHTML: { __html: renderHtml(children) } });
  }
  if (VOID_ELEMENTS.has(element.tag)) return create(element.tag, props);
  return create(element.tag, props, ...children.map((child, index) => toElements(child, create, index)));
}
