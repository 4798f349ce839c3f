/**
 * HTML read as the browser reads it, one tag at a time: parse5's tokenizer
 * (the tokenizer of the HTML standard, the one parse5's tree builder uses),
 * without building a tree. Every reader of built pages goes through here
 * (src/html/built-pages.ts), never through regular expressions, so that an
 * attribute value holding ">", a comment holding a tag, an upper-case tag or
 * an unquoted attribute reads as it does in a browser.
 *
 * As parse5's own SAX parser does, the tokenizer is told when an element's
 * text is raw (script, style, textarea, title...), so a "<" in a script is
 * never taken for a tag; and inside <svg> and <math>, where <style> and
 * <title> are ordinary elements, it is not.
 */
import { Tokenizer, TokenizerMode, type Token } from 'parse5';

/** A start tag: its name (lower case), its attributes (names lower case, entities decoded, the first of a repeated name kept) and where it is. */
export interface StartTag {
  name: string;
  attributes: ReadonlyMap<string, string>;
  /** Offsets in the page's text: the tag is html.slice(start, end). */
  start: number;
  end: number;
  selfClosing: boolean;
}

export interface EndTag {
  name: string;
  start: number;
  end: number;
}

/** What a reader of a page asks to be told. Every callback is optional. */
export interface HtmlHandler {
  startTag?(tag: StartTag): void;
  endTag?(tag: EndTag): void;
  /** The whole text of a <script> or <style> element (in SVG too), after its start tag's callback. */
  elementText?(tag: StartTag, text: string): void;
  /** Text outside tags and comments (script and style text excluded), in pieces as the tokenizer finds them. */
  text?(text: string): void;
}

/** Elements whose text the tokenizer reads raw, in HTML (not in SVG or MathML). */
const RAW_STATE: Readonly<Record<string, number>> = {
  script: TokenizerMode.SCRIPT_DATA,
  style: TokenizerMode.RAWTEXT,
  xmp: TokenizerMode.RAWTEXT,
  iframe: TokenizerMode.RAWTEXT,
  noembed: TokenizerMode.RAWTEXT,
  noframes: TokenizerMode.RAWTEXT,
  // As a browser with scripting on (and parse5 by default) reads it.
  noscript: TokenizerMode.RAWTEXT,
  textarea: TokenizerMode.RCDATA,
  title: TokenizerMode.RCDATA,
  plaintext: TokenizerMode.PLAINTEXT,
};

/** Elements whose whole text is handed to elementText. */
const TEXT_ELEMENTS = new Set(['script', 'style']);

/** Where HTML's elements start again inside SVG and MathML (the standard's integration points, enough for built pages). */
const FOREIGN_ROOTS = new Set(['svg', 'math']);
const HTML_INSIDE_FOREIGN = new Set(['foreignobject', 'desc', 'mi', 'mo', 'mn', 'ms', 'mtext', 'annotation-xml']);

/** Reads `html` once, calling the handler's callbacks in document order. */
export function readHtml(html: string, handler: HtmlHandler): void {
  // Open <svg>/<math> elements, and HTML integration points inside them: the last says how text is read.
  const foreign: boolean[] = [];
  let collecting: { tag: StartTag; parts: string[] } | undefined;
  const characters = (token: Token.CharacterToken) => {
    if (collecting) collecting.parts.push(token.chars);
    else handler.text?.(token.chars);
  };
  const tokenizer: Tokenizer = new Tokenizer(
    { sourceCodeLocationInfo: true },
    {
      onStartTag(token) {
        const attributes = new Map<string, string>();
        for (const attribute of token.attrs) if (!attributes.has(attribute.name)) attributes.set(attribute.name, attribute.value);
        const location = token.location!;
        const tag: StartTag = {
          name: token.tagName,
          attributes,
          start: location.startOffset,
          end: location.endOffset,
          selfClosing: token.selfClosing,
        };
        handler.startTag?.(tag);
        const inForeign = foreign.at(-1) === true;
        if (!token.selfClosing) {
          if (FOREIGN_ROOTS.has(tag.name) && !inForeign) foreign.push(true);
          else if (inForeign && HTML_INSIDE_FOREIGN.has(tag.name)) foreign.push(false);
          else if (inForeign && FOREIGN_ROOTS.has(tag.name)) foreign.push(true);
        }
        tokenizer.inForeignNode = foreign.at(-1) === true;
        if (token.selfClosing && inForeign) return;
        if (!inForeign && RAW_STATE[tag.name] !== undefined) tokenizer.state = RAW_STATE[tag.name] as typeof tokenizer.state;
        if (TEXT_ELEMENTS.has(tag.name)) collecting = { tag, parts: [] };
      },
      onEndTag(token) {
        if (collecting && token.tagName === collecting.tag.name) {
          const { tag, parts } = collecting;
          collecting = undefined;
          handler.elementText?.(tag, parts.join(''));
        }
        if (foreign.length > 0 && (FOREIGN_ROOTS.has(token.tagName) || HTML_INSIDE_FOREIGN.has(token.tagName))) foreign.pop();
        tokenizer.inForeignNode = foreign.at(-1) === true;
        const location = token.location!;
        handler.endTag?.({ name: token.tagName, start: location.startOffset, end: location.endOffset });
      },
      onCharacter: characters,
      onWhitespaceCharacter: characters,
      onNullCharacter: characters,
      onComment() {},
      onDoctype() {},
      onEof() {
        // A script or style the page never closes: its text runs to the end, as in a browser.
        if (collecting) {
          const { tag, parts } = collecting;
          collecting = undefined;
          handler.elementText?.(tag, parts.join(''));
        }
      },
    },
  );
  tokenizer.write(html, true);
}
