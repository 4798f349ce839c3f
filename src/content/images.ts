/**
 * Images in content. Editors put images in the media library (public/images/,
 * the CMS's media folder) and use them in a body in one of two ways:
 *
 *   <Figure src="/images/name.png" alt="What it shows" caption="Optional" />
 *   ![What it shows](/images/name.png)
 *
 * The build checks both like fields (src must be an image in the media
 * library, alt must say what it shows) and renders both through astro:assets
 * (src/components/ContentImage.astro): sharp makes AVIF and WebP versions at
 * several widths, with the original format as the fallback, and the <img>
 * keeps its width and height so the page does not jump as it loads.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseBody } from './safety';
import { linkDefinitions, literalExpressionText } from './tree';
import { MEDIA, getBodyComponent } from './model';
import { checkComponent, type ContentProblem } from './schemas';

/** Widths made of each image, in CSS pixels; none wider than the original. */
export const CONTENT_IMAGE_WIDTHS = [320, 480, 640, 960, 1280] as const;
/**
 * How wide an image shows: the full width of the page on small screens, two
 * thirds of GOV.UK's 960px page (less its gutter) on large ones.
 */
export const CONTENT_IMAGE_SIZES = '(min-width: 1020px) 620px, (min-width: 641px) calc(66vw - 40px), calc(100vw - 30px)';
/** Modern formats, best first; browsers that read neither get the original format. */
export const CONTENT_IMAGE_FORMATS = ['avif', 'webp'] as const;
/**
 * sharp's encoder settings for the images astro:assets makes (astro.config.mjs).
 * AVIF at effort 2, not sharp's default 4: measured on the media library's
 * partnership-structure.png (1600 px) at the five widths, one core, effort 4
 * took 5.4 s for 99 KB, effort 2 0.9 s for 106 KB, effort 0 0.17 s for 125 KB;
 * WebP 0.3 s for 162 KB. Effort 2 keeps AVIF a third smaller than WebP for a
 * sixth of the time, so AVIF still earns its place before WebP.
 */
export const CONTENT_IMAGE_ENCODING = { avif: { effort: 2 } } as const;

/** The widths to make of an image `original` pixels wide. */
export function imageWidths(original: number): number[] {
  const widths = CONTENT_IMAGE_WIDTHS.filter((width) => width < original);
  return [...new Set([...widths, Math.min(original, CONTENT_IMAGE_WIDTHS.at(-1)!)])];
}

/** The file in the project for an image's address ("/images/a.png" is public/images/a.png). */
export function mediaFile(root: string, src: string): string {
  return join(root, MEDIA.folder, src.slice(MEDIA.publicPath.length));
}

export interface BodyImage {
  /** 1-based line of the body. */
  line: number;
  /** How it was written. */
  syntax: 'Figure' | 'markdown' | 'img';
  props: Record<string, unknown>;
  /** Attributes that are not text in quotes, and so cannot be checked. */
  expressions: string[];
}

/** A node of the body's syntax tree, as the MDX parser gives it: only what images read. */
interface ImageNode {
  type: string;
  name?: string | null;
  url?: string;
  alt?: string | null;
  identifier?: string;
  attributes?: { type: string; name?: string; value?: unknown }[];
  children?: ImageNode[];
  position?: { start: { line: number } };
}

/** A Figure's or <img>'s attributes: text in quotes (or a literal in braces) as props; anything else in braces as an expression. */
function readAttributes(attributes: NonNullable<ImageNode['attributes']>): { props: Record<string, unknown>; expressions: string[] } {
  const props: Record<string, unknown> = {};
  const expressions: string[] = [];
  for (const attribute of attributes) {
    if (attribute.type !== 'mdxJsxAttribute' || !attribute.name) continue;
    const { name, value } = attribute;
    if (value === null || value === undefined) props[name] = true;
    else if (typeof value === 'string') props[name] = value;
    else {
      const literal = literalExpressionText(String((value as { value?: unknown }).value ?? ''));
      if (literal !== null) props[name] = literal;
      else expressions.push(name);
    }
  }
  return { props, expressions };
}

/**
 * Every image in a body's syntax tree (from the MDX parser the safety check
 * uses, src/content/safety.ts), in the order written: <Figure>, <img>
 * and Markdown images (![alt](src), and ![alt][name] with its [name]: src
 * line); never one in code. Lines are the tree's.
 */
export function findImagesInTree(tree: unknown): BodyImage[] {
  const images: BodyImage[] = [];
  const definitions = linkDefinitions(tree);
  const visit = (node: ImageNode) => {
    const line = node.position?.start.line ?? 1;
    if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && (node.name === 'Figure' || node.name === 'img')) {
      images.push({ line, syntax: node.name === 'Figure' ? 'Figure' : 'img', ...readAttributes(node.attributes ?? []) });
    }
    if (node.type === 'image') images.push({ line, syntax: 'markdown', props: { src: node.url ?? '', alt: node.alt ?? '' }, expressions: [] });
    if (node.type === 'imageReference') images.push({ line, syntax: 'markdown', props: { src: definitions.get(node.identifier ?? '') ?? '', alt: node.alt ?? '' }, expressions: [] });
    for (const child of node.children ?? []) visit(child);
  };
  visit(tree as ImageNode);
  return images;
}

/** Every image in an MDX or Markdown body, with what was written for it; none when the body cannot be read as MDX (the safety check says why). */
export function findBodyImages(body: string): BodyImage[] {
  let tree: unknown;
  try {
    tree = parseBody(body);
  } catch {
    return [];
  }
  return findImagesInTree(tree);
}

/**
 * Checks the images in an entry's body: each must be an image in the media
 * library that exists, with alternative text. `bodyLine` is the file's line
 * where the body starts, so problems name lines of the file. `tree`, when
 * given, is the body's syntax tree as the safety check parsed it, with the
 * frontmatter's lines left blank (so its lines are the file's), and the body
 * is not parsed again.
 */
export function checkBodyImages(entry: { file: string; body: string; bodyLine: number }, root: string, tree?: unknown): ContentProblem[] {
  const figure = getBodyComponent('Figure')!;
  const problems: ContentProblem[] = [];
  const images = tree === undefined ? findBodyImages(entry.body).map((image) => ({ ...image, line: entry.bodyLine + image.line - 1 })) : findImagesInTree(tree);
  for (const image of images) {
    const { line } = image;
    const where = image.syntax === 'markdown' ? `image on line ${line}` : `<${image.syntax}> on line ${line}`;
    if (image.syntax === 'img') {
      problems.push({ file: entry.file, field: where, message: 'is an HTML image, which the site cannot resize or convert. Write <Figure src="/images/name.png" alt="What it shows" /> instead, or ![What it shows](/images/name.png).' });
      continue;
    }
    for (const name of image.expressions) {
      problems.push({ file: entry.file, field: `${where}: ${name}`, message: 'is written in {braces}; write it as text in quotes, for example alt="A diagram of the partnership", so the build can check it.' });
    }
    const found = checkComponent(figure, entry.file, where, image.props)
      .filter((problem) => !image.expressions.some((name) => problem.field === `${where}: ${name}`));
    problems.push(...found);
    const src = image.props.src;
    if (found.every((problem) => !problem.field.endsWith(': src')) && typeof src === 'string' && !existsSync(mediaFile(root, src))) {
      problems.push({ file: entry.file, field: `${where}: src`, message: `names "${src}", but there is no such file in ${MEDIA.folder}/. Upload it to the media library, or correct the name.` });
    }
  }
  return problems;
}
