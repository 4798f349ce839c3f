/**
 * The rules of the safe MDX that bodies in content/ may use (see
 * content-safety.ts for where they are applied), over a syntax tree from any
 * MDX parser that gives mdast: Sätteri's in the build (content-safety.ts),
 * micromark's in the CMS (content-safety-browser.ts). Browser-safe: no Node.
 *
 * Allowed: Markdown, the components and HTML elements the content model
 * lists for bodies (bodyVocabulary in content-model.ts), each with its own
 * attributes, given as literal text, numbers or true/false, and
 * {/* comments *\/}. Refused, with the line and what to write instead:
 * import and export, {expressions}, attributes that are expressions or
 * spreads, any other element or component (script, style, iframe, object,
 * embed, form, base, meta, link among them), on* and style attributes, and
 * links or images whose address is not https:, http:, mailto:, tel:, a site
 * path or a #fragment.
 */
import { LINK_SCHEMES, bodyVocabulary, type CollectionName } from './model';

export interface SafetyProblem {
  /** 1-based line of the text that was checked. */
  line: number;
  /** What was found, as written (shortened). */
  found: string;
  /** What is wrong, and what to write instead. */
  message: string;
}

/** The syntax tree as the parser gives it: only what the check reads. */
export interface SafetyNode {
  type: string;
  name?: string | null;
  value?: unknown;
  url?: string;
  attributes?: Attribute[];
  children?: SafetyNode[];
  position?: { start: { line: number; column: number } };
}
interface Attribute {
  type: string;
  name?: string;
  value?: unknown;
}

/** Elements that load or run something, or change the page around them: named, so editors learn why. */
const DANGEROUS_ELEMENTS: Readonly<Record<string, string>> = {
  script: 'runs code in the visitor\'s browser',
  style: 'changes how the whole page looks, and could hide the Exit this page button',
  iframe: 'shows another website inside this one',
  frame: 'shows another website inside this one',
  object: 'loads and runs something from elsewhere',
  embed: 'loads and runs something from elsewhere',
  form: 'sends what a visitor types somewhere else',
  input: 'asks visitors to type something, which this site never does in a page',
  base: 'changes where every link on the page goes',
  meta: 'changes how the browser treats the page',
  link: 'loads something from elsewhere into the page',
  svg: 'can hold code',
  math: 'can hold code',
  template: 'can hold code',
};

/** Markdown for the HTML elements people often type. */
const MARKDOWN_FOR: Readonly<Record<string, string>> = {
  a: 'a Markdown link: [what the reader will find](https://www.example.org/page)',
  img: 'an image from the media library: ![what it shows](/images/name.png), or the Image component',
  h1: 'a heading: "## Heading" (the page title is the only level 1 heading)',
  h2: 'a heading: "## Heading"',
  h3: 'a heading: "### Heading"',
  h4: 'a heading: "#### Heading"',
  h5: 'a heading: "##### Heading"',
  h6: 'a heading: "###### Heading"',
  p: 'a blank line between paragraphs',
  strong: '**bold text**',
  b: '**bold text**',
  em: '*italic text*',
  i: '*italic text*',
  ul: 'a list: one item a line, each starting "- "',
  ol: 'a numbered list: one item a line, each starting "1. "',
  li: 'a list: one item a line, each starting "- "',
  table: 'a table in Markdown (the Table button in the editor)',
  blockquote: 'the Inset text component, or a line starting "> "',
  div: 'paragraphs, or the Inset text or Warning component',
  span: 'plain text, **bold** or *italic*',
  hr: 'a line with three dashes: ---',
  code: '`code` between backticks',
  pre: 'a code block between lines of three backticks',
};

function shorten(text: string, length = 80): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > length ? `${flat.slice(0, length - 3)}...` : flat;
}

/** Why an address may not be used, or undefined when it is safe. */
export function unsafeAddress(address: string): string | undefined {
  const value = address.trim();
  if (value === '') return undefined;
  let url: URL;
  try {
    // The browser's own parser: it ignores tabs, new lines and case in a scheme, as a browser would.
    url = new URL(value, 'https://site.invalid/');
  } catch {
    return `"${shorten(value, 60)}" is not an address a browser can follow. Write a full address starting https://, a site path such as /report-a-concern/, mailto: or tel:.`;
  }
  if ((LINK_SCHEMES as readonly string[]).includes(url.protocol)) return undefined;
  return `"${shorten(value, 60)}" starts with ${url.protocol}, which a page may not link to: it could run code or load something unsafe. Use a full address starting https:// (or http://), a site path such as /report-a-concern/, mailto: or tel:.`;
}

/** A literal an attribute may hold in braces: a number, true or false, or text in quotes or backticks without substitutions. */
export function isLiteralExpression(expression: string): boolean {
  const value = expression.trim();
  return /^(?:true|false|-?\d+(?:\.\d+)?)$/.test(value)
    || /^"[^"\\\n]*"$/.test(value)
    || /^'[^'\\\n]*'$/.test(value)
    || /^`[^`\\$]*`$/.test(value);
}

/** A {/* comment *\/}: one block comment and nothing else, so nothing to run. */
export function isCommentOnly(expression: string): boolean {
  return /^\s*\/\*(?:(?!\*\/)[\s\S])*\*\/\s*$/.test(expression);
}

const PARSE_POSITION = /^(\d+):(\d+):\s*/;

/** Hints for the MDX syntax errors editors meet most. */
function parseHint(message: string): string {
  if (message.includes('to create a comment in MDX')) return ' An HTML comment (<!-- -->) cannot be used: write {/* comment */} instead, or remove it.';
  if (message.includes('to create a link in MDX')) return ' An address in <angle brackets> cannot be used: write [what the reader will find](https://...), or for an email address [name@example.org](mailto:name@example.org), instead.';
  if (/expression|brace/i.test(message)) return ' To show a { or } as text, put a backslash before it: \\{ or \\}.';
  if (/closing tag/i.test(message)) return ' Each component or element that is opened must be closed, as in <Warning>...</Warning>, or end with />, as in <br />.';
  return ' To show a < as text, put a backslash before it: \\<.';
}

export interface SafetyOptions {
  /** Which collection the body belongs to: it decides the components allowed. */
  collection: CollectionName;
}

/** The problem for a body the parser could not read (its error says "line:column: reason"). */
export function parseProblem(error: unknown): SafetyProblem {
  const message = error instanceof Error ? error.message : String(error);
  const position = PARSE_POSITION.exec(message);
  const reason = message.replace(PARSE_POSITION, '').replace(/\s*\([a-z-]+:[a-z-]+\)\s*$/, '').replace(/\.$/, '');
  const line = position ? Number(position[1]) : Number((error as { line?: unknown })?.line) || 1;
  return { line, found: 'text that is not valid MDX', message: `could not be read: ${reason}.${parseHint(message)}` };
}

/** Checks a parsed body against the safe MDX. An empty list means it is safe. */
export function checkSafetyTree(tree: SafetyNode, options: SafetyOptions): SafetyProblem[] {
  const allowed = bodyVocabulary(options.collection);
  const problems: SafetyProblem[] = [];
  const add = (node: SafetyNode, found: string, message: string) =>
    problems.push({ line: node.position?.start.line ?? 1, found: shorten(found), message });

  const checkAddress = (node: SafetyNode, address: string, what: string) => {
    const problem = unsafeAddress(address);
    if (problem) add(node, address, `${what}: ${problem}`);
  };

  const checkElement = (node: SafetyNode) => {
    const name = node.name;
    if (!name) {
      add(node, '<>...</>', 'an empty tag <> is not allowed. Remove <> and </>; the text between them can stay.');
      return;
    }
    const attributesAllowed = allowed.get(name);
    if (attributesAllowed === undefined) {
      const danger = DANGEROUS_ELEMENTS[name.toLowerCase()];
      const markdown = MARKDOWN_FOR[name.toLowerCase()];
      const listed = [...allowed.keys()].join(', ');
      if (danger) add(node, `<${name}>`, `<${name}> is not allowed in a page: it ${danger}. Remove it.`);
      else if (markdown) add(node, `<${name}>`, `<${name}> is not one of the elements a page may use. Write ${markdown} instead.`);
      else add(node, `<${name}>`, `<${name}> is not a component pages can use. The components are: ${listed}.`);
      return;
    }
    for (const attribute of node.attributes ?? []) {
      if (attribute.type !== 'mdxJsxAttribute' || !attribute.name) {
        add(node, `<${name} {${String(attribute.value ?? '')}}>`, `<${name}> has {${shorten(String(attribute.value ?? ''), 40)}}, which is code. Give each attribute as name="text".`);
        continue;
      }
      const attributeName = attribute.name;
      if (/^on/i.test(attributeName)) {
        add(node, `<${name} ${attributeName}=...>`, `<${name}> has ${attributeName}, an event handler, which runs code. Remove it.`);
        continue;
      }
      if (attributeName.toLowerCase() === 'style') {
        add(node, `<${name} style=...>`, `<${name}> has a style attribute. Pages take their look from the site's design; remove it.`);
        continue;
      }
      if (!attributesAllowed.includes(attributeName)) {
        const takes = attributesAllowed.length === 0 ? 'takes no attributes' : `takes only ${attributesAllowed.map((item) => `${item}="..."`).join(', ')}`;
        add(node, `<${name} ${attributeName}=...>`, `<${name}> has ${attributeName}, but ${name} ${takes}. Remove ${attributeName}.`);
        continue;
      }
      const value = attribute.value;
      if (value !== null && typeof value === 'object') {
        const expression = String((value as { value?: unknown }).value ?? '');
        if (!isLiteralExpression(expression)) {
          add(node, `<${name} ${attributeName}={${expression}}>`, `<${name}> has ${attributeName}={${shorten(expression, 40)}}, which is code. Write the value as text in quotes: ${attributeName}="...".`);
          continue;
        }
        checkAddress(node, expression.trim().replace(/^["'`]|["'`]$/g, ''), `<${name} ${attributeName}>`);
      } else if (typeof value === 'string' && /^(href|src)$/i.test(attributeName)) {
        checkAddress(node, value, `<${name} ${attributeName}>`);
      }
    }
  };

  const visit = (node: SafetyNode) => {
    switch (node.type) {
      case 'mdxjsEsm':
        add(node, String(node.value ?? ''), 'import and export lines are not allowed: nothing in a page may run code. Remove the line. (To start a sentence with the word, put a backslash before it: \\import.)');
        break;
      case 'mdxFlowExpression':
      case 'mdxTextExpression': {
        const expression = String(node.value ?? '');
        if (!isCommentOnly(expression)) {
          add(node, `{${expression}}`, `{${shorten(expression, 40)}} is code, which a page may not run. Remove it; to show a brace as text, put a backslash before it: \\{ and \\}.`);
        }
        break;
      }
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement':
        checkElement(node);
        break;
      case 'link':
      case 'definition':
        checkAddress(node, node.url ?? '', 'a link');
        break;
      case 'image':
        checkAddress(node, node.url ?? '', 'an image');
        break;
      case 'html':
        add(node, String(node.value ?? ''), 'raw HTML is not allowed. Write it in Markdown, or use a component.');
        break;
      default:
        break;
    }
    for (const child of node.children ?? []) visit(child);
  };
  visit(tree);
  return problems.sort((a, b) => a.line - b.line);
}
