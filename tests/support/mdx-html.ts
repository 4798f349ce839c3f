/**
 * A compiled MDX body run to HTML, for unit tests: Sätteri (the compiler
 * Astro's MDX uses) compiles it as a function body, and a small JSX runtime
 * here writes each element as HTML, children first, so that a component is
 * given its children already written, as an Astro component gets its slot.
 * Text and attribute values are escaped; `className` is written as `class`.
 * Only what a body's Markdown writes is needed: no void elements but <br>,
 * <img> and <hr>, no events.
 */
import { mdxToJs } from 'satteri';

type Props = Record<string, unknown> & { children?: unknown };
export type HtmlComponent = (props: Props) => string;

const FRAGMENT = Symbol('Fragment');
const VOID = new Set(['br', 'img', 'hr']);

const escapeText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttribute = (text: string) => escapeText(text).replace(/"/g, '&quot;');

function children(value: unknown): string {
  if (value === null || value === undefined || value === false || value === true) return '';
  if (Array.isArray(value)) return value.map(children).join('');
  if (typeof value === 'object' && value !== null && 'html' in value) return String((value as { html: string }).html);
  return escapeText(String(value));
}

/** HTML already written, so that it is not escaped again when it is a child. */
const written = (html: string) => ({ html });

function element(type: unknown, props: Props): { html: string } {
  if (type === FRAGMENT) return written(children(props.children));
  if (typeof type === 'function') return written((type as HtmlComponent)({ ...props, children: children(props.children) }));
  const tag = String(type);
  const attributes = Object.entries(props)
    .filter(([name, value]) => name !== 'children' && value !== undefined && value !== null && value !== false && typeof value !== 'object')
    .map(([name, value]) => ` ${name === 'className' ? 'class' : name}="${escapeAttribute(String(value))}"`)
    .join('');
  return written(VOID.has(tag) ? `<${tag}${attributes}>` : `<${tag}${attributes}>${children(props.children)}</${tag}>`);
}

const runtime = { Fragment: FRAGMENT, jsx: element, jsxs: element };

/** The body's HTML, with `components` standing in for the site's: each gets its props and its children as HTML. */
export async function mdxToHtml(mdx: string, components: Record<string, HtmlComponent>): Promise<string> {
  const { code } = mdxToJs(mdx, { outputFormat: 'function-body' });
  const run = new Function(code) as (runtime: unknown) => Promise<{ default: (props: unknown) => { html: string } }>;
  const { default: Content } = await run(runtime);
  return Content({ components }).html;
}
