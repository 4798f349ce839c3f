/**
 * HTML compared as a browser reads it: parsed by parse5 and written out
 * again, so that what differs only in how it is written (`hidden` or
 * `hidden=""`, `&#39;` or `'`, `<br />` or `<br>`) is the same, and without
 * the whitespace-only text between elements that Astro's compressed output
 * keeps from its templates. Also finds elements by class in a page.
 */
import { parse, parseFragment, serialize, serializeOuter, type DefaultTreeAdapterMap } from 'parse5';

type ParentNode = DefaultTreeAdapterMap['parentNode'];
type ChildNode = DefaultTreeAdapterMap['childNode'];
type Element = DefaultTreeAdapterMap['element'];

const isElement = (node: ChildNode): node is Element => 'tagName' in node;

function dropBlankText(node: ParentNode): void {
  node.childNodes = node.childNodes.filter((child) => !(child.nodeName === '#text' && 'value' in child && /^\s*$/.test(child.value)));
  for (const child of node.childNodes) if (isElement(child)) dropBlankText(child);
}

/** The HTML of a fragment, normalised. */
export function normalisedHtml(html: string): string {
  const fragment = parseFragment(html);
  dropBlankText(fragment);
  return serialize(fragment);
}

function* elements(node: ParentNode): Generator<Element> {
  for (const child of node.childNodes) {
    if (!isElement(child)) continue;
    yield child;
    yield* elements(child);
  }
}

const classesOf = (element: Element): string[] => (element.attrs.find((attribute) => attribute.name === 'class')?.value ?? '').split(/\s+/);

/** The outer HTML, normalised, of every element of a page (or fragment) that has the class. */
export function elementsWithClass(html: string, className: string, options: { fragment?: boolean } = {}): string[] {
  const tree = options.fragment ? parseFragment(html) : parse(html);
  dropBlankText(tree);
  return [...elements(tree)].filter((element) => classesOf(element).includes(className)).map((element) => serializeOuter(element));
}
