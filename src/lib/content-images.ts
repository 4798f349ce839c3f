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
import { MEDIA, getBodyComponent } from './content-model';
import { checkComponent, type ContentProblem } from './content-schemas';

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

const ATTRIBUTE = /([A-Za-z][\w-]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|\{([^{}]*)\}))?/g;
const FIGURE = /<Figure((?:\s+[A-Za-z][\w-]*(?:\s*=\s*(?:"[^"]*"|'[^']*'|\{[^{}]*\}))?)*)\s*\/?>/g;
const HTML_IMAGE = /<img\b((?:\s+[A-Za-z][\w-]*(?:\s*=\s*(?:"[^"]*"|'[^']*'|\{[^{}]*\}))?)*)\s*\/?>/gi;
const MARKDOWN_IMAGE = /!\[((?:[^\[\]\\]|\\.)*)\]\(\s*(<[^>]*>|[^\s)]*)(?:\s+(?:"[^"]*"|'[^']*'))?\s*\)/g;

function readAttributes(text: string): { props: Record<string, unknown>; expressions: string[] } {
  const props: Record<string, unknown> = {};
  const expressions: string[] = [];
  for (const match of text.matchAll(ATTRIBUTE)) {
    const [, name, double, single, expression] = match;
    if (expression !== undefined) {
      const literal = /^\s*(?:"([^"]*)"|'([^']*)'|`([^`$]*)`)\s*$/.exec(expression);
      if (literal) props[name!] = literal[1] ?? literal[2] ?? literal[3];
      else expressions.push(name!);
    } else {
      props[name!] = double ?? single ?? true;
    }
  }
  return { props, expressions };
}

/** Blanks out fenced code blocks and inline code, keeping line numbers. */
function withoutCode(body: string): string {
  let fence: string | null = null;
  return body
    .split('\n')
    .map((line) => {
      const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
      if (fence) {
        if (marker && marker[0] === fence[0] && marker.length >= fence.length) fence = null;
        return '';
      }
      if (marker) {
        fence = marker;
        return '';
      }
      return line.replace(/`[^`\n]*`/g, (code) => ' '.repeat(code.length));
    })
    .join('\n');
}

/** Every image in an MDX or Markdown body, with what was written for it. */
export function findBodyImages(body: string): BodyImage[] {
  const text = withoutCode(body);
  const lineAt = (index: number) => text.slice(0, index).split('\n').length;
  const images: BodyImage[] = [];
  for (const match of text.matchAll(FIGURE)) images.push({ line: lineAt(match.index), syntax: 'Figure', ...readAttributes(match[1] ?? '') });
  for (const match of text.matchAll(HTML_IMAGE)) images.push({ line: lineAt(match.index), syntax: 'img', ...readAttributes(match[1] ?? '') });
  for (const match of text.matchAll(MARKDOWN_IMAGE)) {
    const src = (match[2] ?? '').replace(/^<|>$/g, '');
    images.push({ line: lineAt(match.index), syntax: 'markdown', props: { src, alt: (match[1] ?? '').replace(/\\(.)/g, '$1') }, expressions: [] });
  }
  return images.sort((a, b) => a.line - b.line);
}

/**
 * Checks the images in an entry's body: each must be an image in the media
 * library that exists, with alternative text. `bodyLine` is the file's line
 * where the body starts, so problems name lines of the file.
 */
export function checkBodyImages(entry: { file: string; body: string; bodyLine: number }, root: string): ContentProblem[] {
  const figure = getBodyComponent('Figure')!;
  const problems: ContentProblem[] = [];
  for (const image of findBodyImages(entry.body)) {
    const line = entry.bodyLine + image.line - 1;
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
