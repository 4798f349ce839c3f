/**
 * The guard in front of the CMS's local backend (decap-server, started by
 * `npm start` through scripts/cms-backend.ts). decap-server itself answers
 * any request for any file under the project: the project's Git folder, its
 * code, anything. The guard lets through only what the CMS needs:
 *
 * - requests whose Host is 127.0.0.1 or localhost on the backend's own port
 *   (a web page that points its own name at 127.0.0.1, "DNS rebinding",
 *   gets 403);
 * - from the site's own page (the Origin the CMS runs at), or from no page
 *   at all (a tool on this computer); any other Origin gets 403;
 * - the actions Decap's local backend has, each with every file or folder it
 *   names inside content/ or public/images/ (the media library), written as
 *   a plain relative path: no "..", no absolute path, no backslash, and no
 *   link that leads outside those folders;
 * - for the editorial workflow (Git mode), only the site's own branch, and
 *   collection and entry names that are plain names;
 * - entries' documents kept safe: the media library lists only documents
 *   (never an entry's .mdx or a hidden file), a document an entry on disk
 *   names cannot be deleted (422, with a sentence the CMS shows), and an
 *   entry's file cannot be deleted or written through the media library.
 */
import { existsSync, realpathSync } from 'node:fs';
import { dirname, posix, relative, resolve, sep } from 'node:path';
import { documentUser, isDocumentFileName } from '../content/document-folders';
import { ENTRY_EXTENSION } from '../content/files';

/** Folders, relative to the project, that the CMS may read and write. */
export const CMS_WRITABLE_FOLDERS = ['content', 'public/images'] as const;

export interface GuardOptions {
  /** The project folder. */
  root: string;
  /** The port the backend listens on. */
  port: number;
  /** The site's own origin, where /admin/ runs: http://127.0.0.1:4321. */
  siteOrigin: string;
  /** Git mode's branch; other branches are refused. */
  branch?: string;
  /** The CMS's collection names, for Git mode's branch names. */
  collections?: readonly string[];
}

export type GuardVerdict = { allowed: true } | { allowed: false; status: 403 | 404 | 422; reason: string };

const ALLOW: GuardVerdict = { allowed: true };
const refuse = (status: 403 | 404 | 422, reason: string): GuardVerdict => ({ allowed: false, status, reason });

/** Whether a Host header names this backend on this computer. */
export function hostAllowed(host: string | undefined, port: number): boolean {
  if (!host) return false;
  return [`127.0.0.1:${port}`, `localhost:${port}`].includes(host.trim().toLowerCase());
}

/** Whether an Origin header (absent for tools on this computer) is the site's own. */
export function originAllowed(origin: string | undefined, siteOrigin: string): boolean {
  return origin === undefined || origin === siteOrigin;
}

/**
 * Whether a path the CMS sends is a plain relative path inside one of the
 * writable folders (or is one of them, for listing). Lexical only; see
 * pathStaysInside for links.
 */
export function pathAllowed(path: unknown): path is string {
  if (typeof path !== 'string' || path === '' || path.includes('\0') || path.includes('\\')) return false;
  if (path.startsWith('/') || /^[A-Za-z]:/.test(path)) return false;
  if (path.split('/').some((segment) => segment === '..' || segment === '.')) return false;
  const normal = posix.normalize(path).replace(/\/$/, '');
  return CMS_WRITABLE_FOLDERS.some((folder) => normal === folder || normal.startsWith(`${folder}/`));
}

/** Whether the file or folder at `path`, or the nearest folder above it that exists, is really inside the writable folder it names. */
export function pathStaysInside(root: string, path: string): boolean {
  const folder = CMS_WRITABLE_FOLDERS.find((candidate) => path === candidate || path.startsWith(`${candidate}/`));
  if (!folder) return false;
  const base = resolve(root, folder);
  if (!existsSync(base)) return true; // nothing there yet: it will be made as an ordinary folder
  const realBase = realpathSync(base);
  let existing = resolve(root, path);
  while (!existsSync(existing)) existing = dirname(existing);
  const real = realpathSync(existing);
  const inside = relative(realBase, real);
  return inside === '' || (!inside.startsWith(`..${sep}`) && inside !== '..' && !inside.startsWith(sep));
}

type Params = Record<string, unknown>;

const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const object = (value: unknown): Params => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Params) : {});

/** Every file or folder a request names, by action; undefined for an action the CMS does not have. */
export function pathsOfRequest(action: string, params: Params): unknown[] | undefined {
  switch (action) {
    case 'info':
    case 'unpublishedEntries':
    case 'unpublishedEntry':
    case 'deleteUnpublishedEntry':
    case 'updateUnpublishedEntryStatus':
    case 'publishUnpublishedEntry':
    case 'getDeployPreview':
      return [];
    case 'entriesByFolder':
      return [params.folder];
    case 'entriesByFiles':
      return list(params.files).map((file) => object(file).path);
    case 'getEntry':
    case 'getMediaFile':
    case 'deleteFile':
      return [params.path];
    // A draft's file: its id, in Git mode, is its path too (decap-server's diff of the draft's branch).
    case 'unpublishedEntryDataFile':
    case 'unpublishedEntryMediaFile':
      return [params.path, ...(params.id !== undefined ? [params.id] : [])];
    case 'getMedia':
      return [params.mediaFolder];
    case 'persistMedia':
      return [object(params.asset).path];
    case 'deleteFiles':
      return list(params.paths);
    case 'persistEntry': {
      const files = params.dataFiles !== undefined ? list(params.dataFiles) : [params.entry];
      return [
        ...files.flatMap((file) => [object(file).path, ...(object(file).newPath !== undefined ? [object(file).newPath] : [])]),
        ...list(params.assets).map((asset) => object(asset).path),
      ];
    }
    default:
      return undefined;
  }
}

const PLAIN_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

/** Whether a request's body is one the CMS may make. */
export function checkRequestBody(body: unknown, options: GuardOptions): GuardVerdict {
  const request = object(body);
  const action = request.action;
  if (typeof action !== 'string') return refuse(422, 'The request names no action.');
  const params = object(request.params);
  const paths = pathsOfRequest(action, params);
  if (paths === undefined) return refuse(422, `"${action}" is not something the CMS does.`);
  for (const path of paths) {
    if (!pathAllowed(path))
      return refuse(
        403,
        `The CMS may only read and write files in ${CMS_WRITABLE_FOLDERS.map((folder) => `${folder}/`).join(' and ')}, not "${String(path)}".`,
      );
    if (!pathStaysInside(options.root, path))
      return refuse(403, `"${path}" leads outside ${CMS_WRITABLE_FOLDERS.map((folder) => `${folder}/`).join(' and ')}.`);
  }
  if (params.branch !== undefined && params.branch !== (options.branch ?? 'main')) {
    return refuse(403, `The CMS works on the branch "${options.branch ?? 'main'}" only.`);
  }
  for (const key of ['collection', 'collectionName'] as const) {
    const value = key === 'collectionName' ? object(params.options)[key] : params[key];
    if (value === undefined) continue;
    if (typeof value !== 'string' || !PLAIN_NAME.test(value) || (options.collections && !options.collections.includes(value))) {
      return refuse(403, `"${String(value)}" is not a collection of this site.`);
    }
  }
  const slugs = [params.slug, ...list(params.dataFiles).map((file) => object(file).slug), object(params.entry).slug];
  for (const slug of slugs) {
    if (slug !== undefined && (typeof slug !== 'string' || !PLAIN_NAME.test(slug)))
      return refuse(403, `"${String(slug)}" is not a plain entry name.`);
  }
  // An entry's id (unpublishedEntry's "collection/entry"); a draft's file's id is a path, checked above.
  const idIsPath = action === 'unpublishedEntryDataFile' || action === 'unpublishedEntryMediaFile';
  if (
    !idIsPath &&
    params.id !== undefined &&
    (typeof params.id !== 'string' || !params.id.split('/').every((part) => PLAIN_NAME.test(part)))
  ) {
    return refuse(403, `"${String(params.id)}" is not an entry of this site.`);
  }
  return checkDocumentSafety(body, options.root);
}

/**
 * Whether a deleteFiles request comes from the media library: Decap's
 * message for deleting media is 'Delete “{{path}}”'; for an entry it is
 * 'Delete {{collection}} “{{slug}}”' (decap-cms-core lib/formatters.js,
 * commitMessageTemplates).
 */
export function isMediaDeletion(action: string, params: Params): boolean {
  if (action === 'deleteFile') return true;
  if (action !== 'deleteFiles') return false;
  const message = object(params.options).commitMessage;
  return typeof message === 'string' && message.startsWith('Delete “');
}

/** Whether `path` is an entry's own file (content/<collection>/<entry>.mdx, or a settings file), not a document. */
export function isEntryFile(path: string): boolean {
  return /^content\/[^/]+\/[^/]+$/.test(path) && (path.toLowerCase().endsWith(ENTRY_EXTENSION) || /\.ya?ml$/i.test(path));
}

/**
 * What the media library may do to entries' files and documents: it never
 * deletes or writes an entry's file, and nothing deletes a document that an
 * entry on disk names (the editor removes it from that entry and publishes
 * first). The sentence is what the CMS shows ("Failed to delete media: ...").
 */
export function checkDocumentSafety(body: unknown, root: string): GuardVerdict {
  const request = object(body);
  const action = typeof request.action === 'string' ? request.action : '';
  const params = object(request.params);
  const media = isMediaDeletion(action, params);
  const deleted = action === 'deleteFile' ? [params.path] : action === 'deleteFiles' ? list(params.paths) : [];
  const written =
    action === 'persistMedia'
      ? [object(params.asset).path]
      : action === 'persistEntry'
        ? list(params.assets).map((asset) => object(asset).path)
        : [];
  for (const path of written) {
    if (typeof path === 'string' && isEntryFile(path))
      return refuse(
        422,
        `${posix.basename(path)} is the name of an entry's file, so it cannot be uploaded as a document: rename the file and upload it again.`,
      );
  }
  for (const path of deleted) {
    if (typeof path !== 'string') continue;
    if (media && isEntryFile(path))
      return refuse(422, `${posix.basename(path)} is an entry, not a document: to delete an entry, open it and choose "Delete entry".`);
    const user = documentUser(root, path);
    if (user)
      return refuse(422, `${posix.basename(path)} is used by ${user.title} (${user.entry}): remove it from that entry and publish first.`);
  }
  return ALLOW;
}

/** What the media library shows from a folder: documents and images only, never an entry's file or a hidden file. */
export function mediaListing<T extends { name?: unknown; path?: unknown }>(files: readonly T[]): T[] {
  return files.filter((file) => {
    const name = typeof file.name === 'string' ? file.name : typeof file.path === 'string' ? posix.basename(file.path) : '';
    return name !== '' && isDocumentFileName(name);
  });
}

/** The verdict on a whole request, before its body is read. */
export function checkRequestHead(
  request: { method: string; path: string; host?: string; origin?: string },
  options: GuardOptions,
): GuardVerdict {
  if (!hostAllowed(request.host, options.port)) return refuse(403, `This backend answers only to 127.0.0.1:${options.port}.`);
  if (!originAllowed(request.origin, options.siteOrigin))
    return refuse(403, `Only the site at ${options.siteOrigin} may use this backend.`);
  if (request.path !== '/api/v1') return refuse(404, 'Not found.');
  if (request.method !== 'POST' && request.method !== 'OPTIONS') return refuse(404, 'Not found.');
  return ALLOW;
}
