/**
 * What a built HTML page holds that a Content Security Policy must allow, or
 * that no page of this site should hold at all, read with an HTML parser
 * (parse5's tokenizer, the tokenizer of the HTML standard, through
 * src/html/tokens.ts) rather than patterns, so that a
 * comment, an attribute's text or a script's own text is never mistaken for
 * an element.
 *
 * The build (src/integrations/security-headers.ts) refuses a page with any
 * inline code that is not on the reviewed list in security-policy.ts, any
 * style attribute or event handler, any element that loads another site
 * into the page or changes where its links go, and any address whose scheme
 * could run code.
 */
import { readHtml, type HtmlHandler, type StartTag } from '../html/tokens';
import { unsafeAddress } from '../content/safety-rules';

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

const SCRIPT_TYPES = new Set([
  '',
  'module',
  'importmap',
  'speculationrules',
  'text/javascript',
  'application/javascript',
  'text/ecmascript',
  'application/ecmascript',
]);

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

/** A page's scan, and the policy its <meta http-equiv="Content-Security-Policy"> element gives, if it has one. */
export interface PageScanWithPolicy extends PageScan {
  metaPolicy?: string;
}

/**
 * The scan's callbacks for one page (`html` is the page's text, for quoting
 * its tags), and the scan when the page has been read: one reader of the
 * walk over built pages (src/html/built-pages.ts).
 */
export function pageScanner(html: string): { handler: HtmlHandler; result: () => PageScanWithPolicy } {
  const found: PageScanWithPolicy = { scripts: [], styles: [], styleAttributes: [], eventHandlers: [], unsafe: [] };
  const source = (tag: StartTag) => html.slice(tag.start, tag.end);
  const handler: HtmlHandler = {
    startTag(tag) {
      const { name, attributes } = tag;
      if (attributes.has('style')) found.styleAttributes.push(source(tag));
      if ([...attributes.keys()].some((attribute) => attribute.startsWith('on'))) found.eventHandlers.push(source(tag));
      const why = UNSAFE_ELEMENTS[name];
      if (why) found.unsafe.push(`<${name}>, which ${why}: ${source(tag)}`);
      const httpEquiv = attributes.get('http-equiv');
      if (name === 'meta' && httpEquiv !== undefined) {
        if (httpEquiv.toLowerCase() !== 'content-security-policy')
          found.unsafe.push(`a <meta http-equiv="${httpEquiv}">, which changes how the browser treats the page: ${source(tag)}`);
        else if (found.metaPolicy === undefined) found.metaPolicy = attributes.get('content') ?? '';
      }
      for (const [attribute, value] of attributes) {
        const addresses =
          attribute === 'srcset'
            ? value.split(',').map((candidate) => candidate.trim().split(/\s+/)[0] ?? '')
            : ADDRESS_ATTRIBUTES.has(attribute)
              ? [value]
              : [];
        for (const address of addresses) {
          if (unsafeAddress(address))
            found.unsafe.push(`an address that could run code (${attribute}="${address.slice(0, 60)}"): ${source(tag)}`);
        }
      }
    },
    elementText(tag, text) {
      if (tag.name === 'script' && !tag.attributes.has('src') && SCRIPT_TYPES.has((tag.attributes.get('type') ?? '').trim().toLowerCase()))
        found.scripts.push(text);
      if (tag.name === 'style') found.styles.push(text);
    },
  };
  return { handler, result: () => found };
}

/** Reads a built page. */
export function scanBuiltPage(html: string): PageScan {
  const { handler, result } = pageScanner(html);
  readHtml(html, handler);
  const { scripts, styles, styleAttributes, eventHandlers, unsafe } = result();
  return { scripts, styles, styleAttributes, eventHandlers, unsafe };
}
