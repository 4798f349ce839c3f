/**
 * A plugin for the remark (version 6) inside Decap's Markdown editor, so that
 * what the rich text editor writes is still the MDX that was read:
 *
 * - a link whose text is its address is written [address](address), never as
 *   an autolink <address>, which MDX reads as a broken JSX tag;
 * - a backslash before { } < or > is kept, so an escaped brace stays text
 *   and does not become an MDX {expression};
 * - a list item that is one paragraph, with or without a list inside it, is
 *   written without a blank line, as it was read, so a tight list stays tight;
 * - bullets are written "-", as the site's content is, so a file's history
 *   shows only what the editor changed.
 *
 * Registered in the CMS with CMS.registerRemarkPlugin (cms/main.ts), and run
 * through Decap's own serialiser by tests/unit/cms-editor-components.test.ts.
 */

interface MdNode {
  type: string;
  value?: string;
  url?: string;
  title?: string | null;
  spread?: boolean | null;
  children?: MdNode[];
}

type Eat = (value: string) => (node: MdNode) => MdNode;
interface Tokenizer {
  (eat: Eat, value: string, silent?: boolean): MdNode | boolean | undefined;
  locator?: (value: string, fromIndex: number) => number;
}
type Visitor = (this: unknown, node: MdNode, parent?: MdNode) => string;
interface ParserClass {
  prototype: { inlineTokenizers: Record<string, Tokenizer>; inlineMethods: string[] };
}
interface CompilerClass {
  prototype: { visitors: Record<string, Visitor>; options: Record<string, unknown> };
}
interface Processor {
  Parser?: ParserClass;
  Compiler?: CompilerClass;
}

const MDX_ESCAPE = /^\\[{}<>]/;

function keepMdxEscapes(eat: Eat, value: string, silent?: boolean): MdNode | boolean | undefined {
  const match = MDX_ESCAPE.exec(value);
  if (!match) return undefined;
  if (silent) return true;
  // Decap writes html nodes back verbatim, so the backslash survives.
  return eat(match[0])({ type: 'html', value: match[0] });
}
(keepMdxEscapes as Tokenizer).locator = (value: string, fromIndex: number) => value.indexOf('\\', fromIndex);

/** Marks list items that are a single paragraph (and lists) as tight. */
export function tightenLists(node: MdNode): void {
  if (node.type === 'listItem' && node.children) {
    const paragraphs = node.children.filter((child) => child.type === 'paragraph').length;
    const others = node.children.filter((child) => child.type !== 'paragraph' && child.type !== 'list').length;
    if (paragraphs <= 1 && others === 0) node.spread = false;
  }
  node.children?.forEach(tightenLists);
}

export function remarkMdxSafe(this: Processor) {
  const parser = this.Parser?.prototype;
  if (parser && !parser.inlineTokenizers.mdxEscape) {
    parser.inlineTokenizers.mdxEscape = keepMdxEscapes as Tokenizer;
    const escape = parser.inlineMethods.indexOf('escape');
    parser.inlineMethods.splice(escape < 0 ? 0 : escape, 0, 'mdxEscape');
  }
  const compiler = this.Compiler?.prototype;
  if (compiler) {
    compiler.options = { ...compiler.options, bullet: '-' };
    const link = compiler.visitors.link!;
    // remark-stringify writes an autolink only when a link has no title; an empty title is not written.
    compiler.visitors.link = function (node, parent) {
      return link.call(this, node.title == null ? { ...node, title: '' } : node, parent);
    };
  }
  return (tree: MdNode) => {
    tightenLists(tree);
  };
}
