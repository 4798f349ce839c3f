/**
 * Share images (Open Graph): what each page's image shows, its name and its
 * alternative text. The layout registers each page's image here while the
 * site is built; src/integrations/share-images.ts listens, has each image
 * that is not already in the cache drawn at once by worker threads
 * (src/share-images/pool.ts, src/share-images/render.ts) and at the end
 * puts them in the built site. Entry pages' images are drawn even earlier:
 * predicted with the same rule (pageShareImageContent) as the build starts
 * (src/share-images/prediction.ts).
 *
 * An image's name is a hash of everything it shows, so a page whose title
 * changes gets a new image (and social sites fetch it afresh), and a rebuild
 * with no change renders nothing.
 */
import { createHash } from 'node:crypto';
import { sectionOfPath } from '../site/sections.ts';

export const SHARE_IMAGE_WIDTH = 1200;
export const SHARE_IMAGE_HEIGHT = 630;
/** The folder in the built site. */
export const SHARE_IMAGE_FOLDER = 'share-images';
/** Change when the design changes, so every image is drawn again. */
export const SHARE_IMAGE_DESIGN = 2;

export interface ShareImageContent {
  /** "Safeguarding Southend" */
  siteName: string;
  /** "Southend Safeguarding Partnership" */
  organisation: string;
  title: string;
  /** What the page is: "Bulletin 5", "Procedure", "Safeguarding Adults Review"... */
  contentType: string;
  /** The site's address as people read it: "www.safeguardingsouthend.co.uk". */
  host: string;
  sample: boolean;
}

export interface ShareImage {
  /** Path in the built site, "/share-images/<key>.png". */
  path: string;
  alt: string;
  key: string;
}

/** The image's name: a hash of everything it shows and of its design. */
export function shareImageKey(content: ShareImageContent): string {
  const shown = [
    SHARE_IMAGE_DESIGN,
    content.siteName,
    content.organisation,
    content.title,
    content.contentType,
    content.host,
    content.sample,
  ];
  return createHash('sha256').update(JSON.stringify(shown)).digest('hex').slice(0, 20);
}

/** Alternative text: what the image says, in reading order. */
export function shareImageAlt(content: ShareImageContent): string {
  return `${content.organisation} (${content.siteName}). ${content.contentType}${content.sample ? ', sample content' : ''}: ${content.title}`;
}

export function shareImage(content: ShareImageContent): ShareImage {
  const key = shareImageKey(content);
  return { key, path: `/${SHARE_IMAGE_FOLDER}/${key}.png`, alt: shareImageAlt(content) };
}

/**
 * The content type a page's image shows, from its address and its section
 * (src/site/sections.ts). On an entry's page the caption above its title
 * says more (the bulletin's number, the review's type, the report's period),
 * so it is used instead, except on procedures, whose caption is their
 * category.
 */
export function contentTypeFor(pathname: string, caption?: string): string {
  const section = sectionOfPath(pathname);
  if (!section?.shareImage) return 'Information';
  if (!section.entryPages || pathname.split('/').filter(Boolean).length === 1) return section.label;
  return caption && section.shareImage.entryCaption ? caption : section.labelSingular;
}

/** The site's address without https:// and the trailing slash. */
export function displayHost(siteUrl: string): string {
  const url = new URL(siteUrl);
  return `${url.host}${url.pathname.replace(/\/+$/, '')}`;
}

/** What a page says about itself that its share image shows (the layout's props). */
export interface PageShareDetails {
  /** The page's address, "/procedures/neglect/". */
  pathname: string;
  title: string;
  /** The share image's title, when it should differ from the page title. */
  shareTitle?: string;
  /** The caption above the page's <h1>. */
  caption?: string;
  /** What the image calls the page; from its address (and caption) when left out. */
  contentType?: string;
  sample: boolean;
}

/**
 * What a page's share image shows: the one rule, used by the layout
 * (src/components/HeadMeta.astro) as each page is built and by the build's
 * prediction of every entry page's image before pages are built
 * (src/share-images/prediction.ts), so the two cannot disagree.
 */
export function pageShareImageContent(
  site: { siteName: string; organisation: string },
  siteUrl: string,
  page: PageShareDetails,
): ShareImageContent {
  return {
    siteName: site.siteName,
    organisation: site.organisation,
    title: page.shareTitle ?? page.title,
    contentType: page.contentType ?? contentTypeFor(page.pathname, page.caption),
    host: displayHost(siteUrl),
    sample: page.sample,
  };
}

// On globalThis: the pages are generated from Astro's bundle, which has its own copy of this module.
const REGISTRY = Symbol.for('safeguarding.shareImages');
const LISTENER = Symbol.for('safeguarding.shareImages.listener');

type Registry = Map<string, ShareImageContent>;
/** Told of each image the first time a page asks for it (the build starts drawing it at once). */
export type ShareImageListener = (key: string, content: ShareImageContent, page?: string) => void;

interface Holder {
  [REGISTRY]?: Registry;
  [LISTENER]?: ShareImageListener;
}

function registry(): Registry {
  const holder = globalThis as Holder;
  holder[REGISTRY] ??= new Map();
  return holder[REGISTRY];
}

/** Called by the layout for each page (`page` is its address): the image it needs. */
export function registerShareImage(content: ShareImageContent, page?: string): ShareImage {
  const image = shareImage(content);
  if (!registry().has(image.key)) {
    registry().set(image.key, content);
    (globalThis as Holder)[LISTENER]?.(image.key, content, page);
  }
  return image;
}

/** The build's integration listens while pages are generated; undefined stops listening. */
export function listenForShareImages(listener: ShareImageListener | undefined): void {
  (globalThis as Holder)[LISTENER] = listener;
}

/** The images the pages built so far asked for, by key. */
export function registeredShareImages(): ReadonlyMap<string, ShareImageContent> {
  return registry();
}

export function clearRegisteredShareImages(): void {
  registry().clear();
}
