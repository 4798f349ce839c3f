/**
 * What a built HTML page holds that a Content Security Policy must allow, or
 * that no page of this site should hold at all, read with an HTML parser
 * (parse5, the parser of the HTML standard) rather than patterns, so that a
 * comment, an attribute's text or a script's own text is never mistaken for
 * an element.
 *
 * The build (src/integrations/security-headers.ts) refuses a page with any
 * inline code that is not on the reviewed list in security-policy.ts, any
 * style attribute or event handler, any element that loads another site
 * into the page or changes where its links go, and any address whose scheme
 * could run code.
 */
import { parse } from 'parse5';
import { unsafeAddress } from './content-safety-rules';

export interface InlineCode {
  /** Text of inline <script> elements that run (not JSON data blocks). */
  scripts: string[];
  /** Text of <style> elements. */
  styles: string[];
  /** style="..." attributes: a strict style-src blocks them, and hashes cannot allow them here. */
  styleAttributes: string[];
  /** onclick="..." and the like: blocked, and never allowed. */
  eventHandlers: string[];
}

export interface PageScan extends InlineCode {
  /** Elements and addresses no page may have, each with why. */
  unsafe: string[];
}

interface HtmlNode {
  nodeName: string;
  tagName?: string;
  value?: string;
  attrs?: { name: string; value: string }[];
  childNodes?: HtmlNode[];
  content?: HtmlNode;
  sourceCodeLocation?: { startTag?: { startOffset: number; endOffset: number }; startOffset: number; endOffset: number } | null;
}

const SCRIPT_TYPES = new Set(['', 'module', 'importmap', 'speculationrules', 'text/javascript', 'application/javascript', 'text/ecmascript', 'application/ecmascript']);

/** Elements that load or run another document in the page, or change where every link goes. */
const UNSAFE_ELEMENTS: Readonly<Record<string, string>> = {
  iframe: 'shows another document inside the page',
  frame: 'shows another document inside the page',
  object: 'loads and runs something in the page',
  embed: 'loads and runs something in the page',
  applet: 'loads and runs something in the page',
  base: 'changes where every link on the page goes',
};

/** Attributes that hold an address. */
const ADDRESS_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'poster', 'data', 'cite', 'background', 'xlink:href', 'ping']);

function text(node: HtmlNode): string {
  return (node.childNodes ?? []).map((child) => child.value ?? '').join('');
}

/** Reads a built page. */
export function scanBuiltPage(html: string): PageScan {
  const found: PageScan = { scripts: [], styles: [], styleAttributes: [], eventHandlers: [], unsafe: [] };
  const document = parse(html, { sourceCodeLocationInfo: true }) as unknown as HtmlNode;
  const startTag = (node: HtmlNode) => {
    const location = node.sourceCodeLocation?.startTag;
    return location ? html.slice(location.startOffset, location.endOffset) : `<${node.tagName ?? node.nodeName}>`;
  };
  const visit = (node: HtmlNode) => {
    const tag = node.tagName;
    if (tag) {
      const attributes = new Map((node.attrs ?? []).map((attribute) => [attribute.name.toLowerCase(), attribute.value]));
      if (tag === 'script' && !attributes.has('src') && SCRIPT_TYPES.has((attributes.get('type') ?? '').trim().toLowerCase())) found.scripts.push(text(node));
      if (tag === 'style') found.styles.push(text(node));
      if (attributes.has('style')) found.styleAttributes.push(startTag(node));
      if ([...attributes.keys()].some((name) => name.startsWith('on'))) found.eventHandlers.push(startTag(node));
      const why = UNSAFE_ELEMENTS[tag];
      if (why) found.unsafe.push(`<${tag}>, which ${why}: ${startTag(node)}`);
      if (tag === 'meta' && attributes.has('http-equiv') && attributes.get('http-equiv')!.toLowerCase() !== 'content-security-policy') {
        found.unsafe.push(`a <meta http-equiv="${attributes.get('http-equiv')}">, which changes how the browser treats the page: ${startTag(node)}`);
      }
      for (const [name, value] of attributes) {
        const addresses = name === 'srcset' ? value.split(',').map((candidate) => candidate.trim().split(/\s+/)[0] ?? '') : ADDRESS_ATTRIBUTES.has(name) ? [value] : [];
        for (const address of addresses) {
          if (unsafeAddress(address)) found.unsafe.push(`an address that could run code (${name}="${address.slice(0, 60)}"): ${startTag(node)}`);
        }
      }
    }
    for (const child of node.childNodes ?? []) visit(child);
    if (node.content) visit(node.content);
  };
  visit(document);
  return found;
}
