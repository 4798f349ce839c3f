/**
 * The CMS's editor components: how Decap's rich text editor recognises the
 * MDX components of a body, shows them as forms, and writes them back.
 *
 * Decap's rich text editor understands Markdown, not MDX. Each component
 * below claims a block of the body (a regular expression that matches from
 * the start of a block), turns it into form data (fromBlock) and writes the
 * data back as MDX (toBlock). Written back unchanged, a block is the same
 * text as it was read, so the editor cannot mangle it:
 *
 * - the site's own components (Warning, Inset, HelpNumbers, ContactPanel,
 *   Table and Figure) get buttons and forms, with labels and hints from the
 *   content model (BODY_BLOCKS and BODY_COMPONENTS); a Table's form has its
 *   caption, "First column is headings" and the table as Markdown text (the
 *   rich text editor would lose the columns' alignment);
 * - a table without a caption (written before Table existed) is kept as its
 *   Markdown text;
 * - anything else it cannot show (other JSX or HTML, import and export lines,
 *   {expressions}) is kept exactly as written, as "MDX code".
 *
 * Plain data and functions, no Node and no React: the CMS bundle (cms/)
 * registers them, with previews, and tests/unit/cms-editor-components.test.ts
 * runs them through Decap's own Markdown serialiser.
 */
import { BODY_BLOCKS, BODY_COMPONENTS, tableBlock, type BodyBlock, type BodyComponent } from '../content/model';
import { decapField, type DecapField } from './fields';

/**
 * A component's field in its form inside the body: the field as elsewhere, without `pattern`. Decap's
 * component forms have no validation handler, so a pattern there only makes Decap fail when the field
 * is left ("this.props.onValidate is not a function"); the body's check before a save
 * (src/cms/body-check.ts) and the build check what the component holds.
 */
function componentField(prop: Parameters<typeof decapField>[0]): DecapField {
  const { pattern: _, ...field } = decapField(prop);
  return field;
}

export type BlockData = Record<string, unknown>;

export interface EditorComponentDefinition {
  /** Decap's id; also names the button in the editor's "+" menu (with label). */
  id: string;
  label: string;
  hint?: string;
  fields: DecapField[];
  pattern: RegExp;
  fromBlock: (match: RegExpMatchArray) => BlockData;
  toBlock: (data: BlockData) => string;
}

/** The rest of a line after a block: only spaces may follow it. */
const END_OF_LINE = '[ \\t]*(?=\\n|$)';

function text(value: unknown): string {
  return typeof value === 'string' ? value : value == null ? '' : String(value);
}

/**
 * An attribute written as text, in the form the build can read: "..." or
 * '...' (JSX has no escapes inside quotes), or {`...`} when the text has both.
 */
export function jsxAttribute(name: string, value: string): string {
  if (!value.includes('"')) return `${name}="${value}"`;
  if (!value.includes("'")) return `${name}='${value}'`;
  // A template literal only when it holds nothing the build could read as code (content-safety-rules.ts).
  if (!/[`{}$\\]/.test(value)) return `${name}={\`${value}\`}`;
  return `${name}="${value.replace(/"/g, '\u201D')}"`;
}

const QUOTED_ATTRIBUTE = /([A-Za-z][\w-]*)\s*=\s*(?:"([^"]*)"|'([^']*)'|\{`([^`$]*)`\})/g;

/** The attributes of a tag, when every one is text in quotes. */
export function readQuotedAttributes(attributes: string): Record<string, string> {
  const props: Record<string, string> = {};
  for (const match of attributes.matchAll(QUOTED_ATTRIBUTE)) props[match[1]!] = match[2] ?? match[3] ?? match[4] ?? '';
  return props;
}

/** Attributes a component takes, each as text in quotes, in any order. */
function attributesPattern(names: readonly string[]): string {
  if (names.length === 0) return '';
  return `((?:\\s+(?:${names.join('|')})\\s*=\\s*(?:"[^"]*"|'[^']*'|\\{\`[^\`$]*\`\\}))*)`;
}

function writeAttributes(component: { props: readonly { name: string }[] }, data: BlockData): string {
  return component.props
    .map((prop) => [prop.name, text(data[prop.name]).trim()] as const)
    .filter(([, value]) => value !== '')
    .map(([name, value]) => ` ${jsxAttribute(name, value)}`)
    .join('');
}

/** A component with text between its tags (Warning, Inset). */
function textBlock(block: BodyBlock & { text: NonNullable<BodyBlock['text']> }): EditorComponentDefinition {
  const { name } = block;
  // <Name>text on one line</Name>, or (paragraphs) <Name>\n...\n</Name>.
  const pattern = block.text.paragraphs
    ? new RegExp(`^<${name}>(?:([^\\n]*?)|\\n([\\s\\S]*?)\\n)<\\/${name}>${END_OF_LINE}`)
    : new RegExp(`^<${name}>([^\\n]*?)<\\/${name}>${END_OF_LINE}`);
  return {
    id: name,
    label: block.label,
    hint: block.hint,
    fields: [{ name: 'text', label: block.text.label, widget: 'text', required: true, hint: block.text.hint }],
    pattern,
    fromBlock: (match) => ({ text: match[1] ?? match[2] ?? '' }),
    toBlock: (data) => {
      const value = text(data.text).replace(/\r\n?/g, '\n').trim();
      if (!block.text.paragraphs) return `<${name}>${value.replace(/\s*\n\s*/g, ' ')}</${name}>`;
      return value.includes('\n') ? `<${name}>\n${value}\n</${name}>` : `<${name}>${value}</${name}>`;
    },
  };
}

/** A component with attributes only (HelpNumbers, ContactPanel, Figure). */
function selfClosing(component: BodyBlock | BodyComponent): EditorComponentDefinition {
  const names = component.props.map((prop) => prop.name);
  return {
    id: component.name,
    label: component.label,
    hint: component.hint,
    fields: component.props.map(componentField),
    pattern: new RegExp(`^<${component.name}${attributesPattern(names)}\\s*\\/>${END_OF_LINE}`),
    fromBlock: (match) => readQuotedAttributes(match[1] ?? ''),
    toBlock: (data) => `<${component.name}${writeAttributes(component, data)} />`,
  };
}

/** A Markdown table: a header row, a delimiter row (only | : - and spaces, at least one -), then any rows, each starting with |. */
const MARKDOWN_TABLE = '\\|[^\\n]*\\n\\|[ \\t:|-]*-[ \\t:|-]*(?:\\n\\|[^\\n]*)*';

function markdownTable(value: unknown): string {
  return text(value).replace(/\r\n?/g, '\n').trim();
}

/**
 * A table without a caption, kept as its Markdown text. Not offered in the
 * editor's "+" menu (src/cms/config.ts): new tables are Tables, with a
 * caption. The content check warns about one without.
 */
export const TABLE_COMPONENT: EditorComponentDefinition = {
  id: 'table',
  label: 'Table without a caption',
  hint: 'A table written in Markdown, without a caption. Screen reader users are not told what it shows: make it a Table with a caption instead.',
  fields: [
    {
      name: 'markdown',
      label: 'Table',
      widget: 'text',
      required: true,
      hint: "For example:\n`| Service | Phone |`\n`| --- | --- |`\n`| Children's social care | 01702 215007 |`",
    },
  ],
  pattern: new RegExp(`^${MARKDOWN_TABLE}`),
  fromBlock: (match) => ({ markdown: match[0].replace(/[ \t]+$/gm, '') }),
  toBlock: (data) => markdownTable(data.markdown),
};

/**
 * The Table block: a form with its caption, "First column is headings" and
 * the table in Markdown, written as
 * <Table caption="..." firstCellIsHeader="true">, the table's lines, </Table>.
 */
function captionedTable(block: BodyBlock & { text: NonNullable<BodyBlock['text']> }): EditorComponentDefinition {
  const names = block.props.map((prop) => prop.name);
  return {
    id: block.name,
    label: block.label,
    hint: block.hint,
    fields: [
      ...block.props.map(componentField),
      { name: 'markdown', label: block.text.label, widget: 'text', required: true, hint: block.text.hint },
    ],
    pattern: new RegExp(`^<${block.name}${attributesPattern(names)}\\s*>\\n(${MARKDOWN_TABLE})\\n<\\/${block.name}>${END_OF_LINE}`),
    fromBlock: (match) => {
      const attributes = readQuotedAttributes(match[1] ?? '');
      return {
        caption: attributes.caption ?? '',
        firstCellIsHeader: attributes.firstCellIsHeader === 'true',
        markdown: (match[2] ?? '').replace(/[ \t]+$/gm, ''),
      };
    },
    toBlock: (data) => {
      const caption = text(data.caption).replace(/\s+/g, ' ').trim();
      const attributes = `${caption ? ` ${jsxAttribute('caption', caption)}` : ''}${data.firstCellIsHeader === true ? ' firstCellIsHeader="true"' : ''}`;
      return `<${block.name}${attributes}>\n${markdownTable(data.markdown)}\n</${block.name}>`;
    },
  };
}

const SITE_COMPONENTS: readonly EditorComponentDefinition[] = [
  ...BODY_BLOCKS.map((block) =>
    block.name === 'Table' ? captionedTable(tableBlock()) : block.text ? textBlock({ ...block, text: block.text }) : selfClosing(block),
  ),
  ...BODY_COMPONENTS.map(selfClosing),
];

/**
 * Anything else MDX that the rich text editor cannot show: a JSX or HTML
 * element (with whatever is inside it, across paragraphs, up to its closing
 * tag), an HTML comment, import/export lines, or an {expression} block.
 *
 * Decap keeps its editor components in a map whose order is not kept once
 * there are more than eight, so this pattern must not rely on being tried
 * last: it refuses, by a lookahead, every block another component claims.
 */
const claimedElsewhere = [...SITE_COMPONENTS, TABLE_COMPONENT].map((component) => component.pattern.source.replace(/^\^/, ''));

export const MDX_COMPONENT: EditorComponentDefinition = {
  id: 'mdx',
  label: 'MDX code',
  hint: 'Code the editor cannot show as text, kept exactly as written. Change it only if you know MDX: a mistake here stops the site being built (the build says where).',
  fields: [{ name: 'code', label: 'MDX code', widget: 'text', required: true }],
  pattern: new RegExp(
    `^(?!${claimedElsewhere.map((source) => `(?:${source})`).join('|')})` +
      '(?:' +
      '<(?<tag>[A-Za-z][\\w.:-]*)(?:\\s(?:[^>"\'{}]|"[^"]*"|\'[^\']*\'|\\{[^{}]*\\})*)?(?:\\/>|>[\\s\\S]*?<\\/\\k<tag>\\s*>)' +
      '|<!--[\\s\\S]*?-->' +
      '|(?:import|export)\\b[^\\n]*(?:\\n[^\\n]*\\S[^\\n]*)*' +
      '|\\{[\\s\\S]*?\\}(?=[ \\t]*(?:\\n|$))' +
      ')[^\\n]*',
  ),
  fromBlock: (match) => ({ code: match[0] }),
  toBlock: (data) => text(data.code).replace(/\r\n?/g, '\n').replace(/\s+$/, ''),
};

/** Every editor component. No two claim the same block, so the order Decap tries them in does not matter. */
export const EDITOR_COMPONENTS: readonly EditorComponentDefinition[] = [...SITE_COMPONENTS, TABLE_COMPONENT, MDX_COMPONENT];

export const EDITOR_COMPONENT_IDS: readonly string[] = EDITOR_COMPONENTS.map((component) => component.id);

/** Reads a block with the first component that claims it, as Decap does. */
export function readBlock(markdown: string): { component: EditorComponentDefinition; data: BlockData; source: string } | undefined {
  for (const component of EDITOR_COMPONENTS) {
    const match = component.pattern.exec(markdown);
    if (match && match.index === 0) return { component, data: component.fromBlock(match), source: match[0] };
  }
  return undefined;
}
