/**
 * Decap CMS's configuration (served as /admin/config.yml), made from the one
 * content model (src/content/model.ts): every collection, every field
 * with its label, hint, required flag, allowed values and pattern, so the
 * CMS and the build (src/content/schemas.ts) cannot disagree.
 *
 * The backend comes from the environment at build time:
 * - production: GitHub with the editorial workflow (draft, in review,
 *   ready), repository CMS_GITHUB_REPO (or GitHub Actions' own
 *   GITHUB_REPOSITORY), branch CMS_GITHUB_BRANCH (default main), sign-in
 *   through CMS_AUTH_BASE_URL (default Netlify's GitHub sign-in);
 * - local editing (`npm start`, `astro dev`, or CMS_LOCAL_BACKEND=1 or
 *   CMS_LOCAL_BACKEND_URL at build time): decap-server on 127.0.0.1, which
 *   reads and writes content/ on this computer. CMS_MODE says how
 *   (scripts/cms-backend.ts): `fs` (the default) writes the files at once,
 *   so Publish is the only step; `git` keeps each draft as a Git branch,
 *   cms/<collection>/<entry>, so the editorial workflow runs on this
 *   computer as it does on GitHub.
 */
import yaml from 'js-yaml';
import { COLLECTIONS, MEDIA, type Collection, type CollectionName } from '../content/model';
import { decapField, type DecapField } from './fields';
import { EDITOR_COMPONENT_IDS, MDX_COMPONENT, TABLE_COMPONENT } from './editor-components';
import { siteToday, type IsoDate } from '../rules/dates';
import { reviewViewFilters } from './review-filters';
import { cmsPreviewPath } from '../site/sections';

/** Where decap-server listens unless told otherwise (its own default port, on 127.0.0.1 only). */
export const DEFAULT_LOCAL_BACKEND_PORT = 8081;
export const LOCAL_HOST = '127.0.0.1';

export function localBackendUrl(port: number | string = DEFAULT_LOCAL_BACKEND_PORT): string {
  return `http://${LOCAL_HOST}:${port}/api/v1`;
}

export type CmsBackend =
  | { name: 'github'; repo: string; branch: string; base_url?: string; auth_endpoint?: string }
  | { name: 'proxy'; proxy_url: string; branch: string };

/** How decap-server on this computer keeps what the CMS saves: files as they are, or drafts as Git branches. */
export type LocalMode = 'fs' | 'git';

/** The local backend's mode from CMS_MODE (scripts/start.mjs passes it to decap-server and to the site). */
export function localModeFromEnv(env: Readonly<Record<string, string | undefined>>): LocalMode {
  return (env.CMS_MODE ?? '').toLowerCase() === 'git' ? 'git' : 'fs';
}

export interface CmsOptions {
  backend: CmsBackend;
  /** decap-server's address when the CMS may edit files on this computer. */
  localBackend?: string;
  /** How that decap-server keeps what is saved (fs unless CMS_MODE=git). */
  localMode?: LocalMode;
  siteUrl: string;
  /**
   * The reviews list's filters by the one-year rule (src/cms/review-filters.ts):
   * today (siteToday: SITE_NOW or the date in London) and the retention
   * period from the settings. Left out, the list has no filters.
   */
  reviewRule?: { today: IsoDate; years: number };
}

/** The options for a build or the dev server, from environment variables. */
export function cmsOptionsFromEnv(
  env: Readonly<Record<string, string | undefined>>,
  options: { dev: boolean; siteUrl: string; retentionYears?: number },
): CmsOptions {
  const branch = env.CMS_GITHUB_BRANCH || 'main';
  const wantsLocal =
    options.dev || Boolean(env.CMS_LOCAL_BACKEND_URL) || ['1', 'true', 'yes'].includes((env.CMS_LOCAL_BACKEND ?? '').toLowerCase());
  const local = env.CMS_LOCAL_BACKEND_URL || localBackendUrl(env.DECAP_SERVER_PORT || DEFAULT_LOCAL_BACKEND_PORT);
  const repo = env.CMS_GITHUB_REPO || env.GITHUB_REPOSITORY;
  const backend: CmsBackend = repo
    ? {
        name: 'github',
        repo,
        branch,
        ...(env.CMS_AUTH_BASE_URL ? { base_url: env.CMS_AUTH_BASE_URL } : {}),
        ...(env.CMS_AUTH_ENDPOINT ? { auth_endpoint: env.CMS_AUTH_ENDPOINT } : {}),
      }
    : // No repository configured: this copy of the site can only be edited on this computer.
      { name: 'proxy', proxy_url: local, branch };
  const reviewRule = options.retentionYears === undefined ? undefined : { today: siteToday(env), years: options.retentionYears };
  return {
    backend,
    siteUrl: options.siteUrl,
    ...(reviewRule ? { reviewRule } : {}),
    ...(wantsLocal || backend.name === 'proxy' ? { localBackend: local, localMode: localModeFromEnv(env) } : {}),
  };
}

/** How entries are listed in the CMS. */
const SUMMARIES: Partial<Record<CollectionName, string>> = {
  threshold: 'Level {{level}}: {{title}}',
  bulletins: 'Bulletin {{number}}: {{title}} ({{date}})',
  // The date as a person reads it (Decap's date filter, dayjs): "Adult B: Safeguarding Adults Review, published 20 January 2026".
  reviews: "{{title}}: {{type}}, published {{published | date('D MMMM YYYY')}}",
  reports: '{{title}} ({{period}})',
  procedures: '{{title}} (review due {{reviewDue}})',
  glossary: '{{term}}: {{expansion}}',
};

/** The rich text editor's buttons: no level 1 heading (the page title is the only one). */
const BODY_BUTTONS = ['bold', 'italic', 'link', 'heading-two', 'heading-three', 'heading-four', 'quote', 'bulleted-list', 'numbered-list'];

function bodyField(collection: Collection): DecapField {
  return {
    name: 'body',
    label: collection.bodyLabel ?? 'Body',
    widget: 'markdown',
    required: false,
    hint: [
      collection.bodyHint,
      'Headings start at level 2 (the title is level 1). The + button adds a warning, inset text, who to call, contact details, an image or a table.',
    ]
      .filter(Boolean)
      .join(' '),
    // Rich text first: every MDX component and table is an editor component that keeps its text
    // (src/cms/editor-components.ts); raw Markdown is one click away.
    modes: ['rich_text', 'raw'],
    buttons: BODY_BUTTONS,
    // The "+" menu; "MDX code" and a table without a caption are not offered, only kept when already there.
    editor_components: EDITOR_COMPONENT_IDS.filter((id) => id !== MDX_COMPONENT.id && id !== TABLE_COMPONENT.id),
    sanitize_preview: true,
    media_folder: `/${MEDIA.folder}`,
    public_folder: MEDIA.publicPath,
  };
}

/** Collections whose list starts sorted by a field, and in which order: reviews newest first. */
const DEFAULT_SORT: Partial<Record<CollectionName, { field: string; default_sort: 'asc' | 'desc' }>> = {
  reviews: { field: 'published', default_sort: 'desc' },
};

function sortableFields(collection: Collection): (string | { field: string; default_sort: 'asc' | 'desc' })[] {
  const names = [...new Set([collection.sortBy, 'title'].filter((name): name is string => Boolean(name)))];
  const first = DEFAULT_SORT[collection.name];
  return names.map((name) => (first?.field === name ? first : name));
}

export interface DecapCollection {
  name: string;
  label: string;
  [option: string]: unknown;
}

export function decapCollection(collection: Collection): DecapCollection {
  const fields = collection.fields.map((field) => decapField(field, collection.folder));
  // The public address of an entry's page, for the CMS's "View on site" link.
  const previewPath = cmsPreviewPath(collection.name);
  const common = {
    name: collection.name,
    label: collection.label,
    label_singular: collection.labelSingular,
    description: collection.description,
    ...(previewPath ? { preview_path: previewPath } : {}),
  };
  if (collection.type === 'settings') {
    if (!collection.file) throw new Error(`The settings collection "${collection.name}" needs its file`);
    return {
      ...common,
      delete: false,
      files: [
        {
          name: collection.file.replace(/\.ya?ml$/, ''),
          label: collection.label,
          description: collection.description,
          file: `content/${collection.folder}/${collection.file}`,
          ...(previewPath ? { preview_path: previewPath } : {}),
          fields,
        },
      ],
    };
  }
  return {
    ...common,
    folder: `content/${collection.folder}`,
    // Decap does not know .mdx: the extension names the files, the format says how to read them.
    extension: 'mdx',
    format: 'frontmatter',
    create: true,
    delete: true,
    // What names an entry: its title, or for a collection without one (the glossary) its first required field (the term).
    identifier_field: identifierField(collection),
    // The file name, and so the page's address, from the title: lower case, letters, numbers and hyphens.
    slug: '{{slug}}',
    summary: SUMMARIES[collection.name] ?? '{{title}}',
    sortable_fields: sortableFields(collection),
    fields: [...fields, bodyField(collection)],
  };
}

/** The field Decap names an entry by, and makes its file name from. */
function identifierField(collection: Collection): string {
  if (collection.fields.some((field) => field.name === 'title')) return 'title';
  const first = collection.fields.find((field) => field.kind === 'string' && field.required);
  if (!first) throw new Error(`The collection "${collection.name}" needs a title or a required text field to name its entries`);
  return first.name;
}

export interface DecapConfig {
  backend: Record<string, unknown>;
  collections: DecapCollection[];
  [option: string]: unknown;
}

/**
 * Drafts, In review, Ready, then Publish: wherever drafts can be kept (GitHub's
 * branches and pull requests; decap-server's git mode, as branches on this
 * computer). decap-server's fs mode cannot keep a draft, so a site edited
 * only through it publishes at once (Decap would switch to that itself,
 * with only a console message; the configuration says it).
 */
export function publishMode(options: CmsOptions): 'editorial_workflow' | 'simple' {
  return options.backend.name === 'proxy' && options.localMode !== 'git' ? 'simple' : 'editorial_workflow';
}

export function cmsConfig(options: CmsOptions): DecapConfig {
  return {
    backend: { ...options.backend, ...(options.backend.name === 'github' ? { squash_merges: true } : {}) },
    publish_mode: publishMode(options),
    ...(options.localBackend ? { local_backend: { url: options.localBackend, allowed_hosts: [LOCAL_HOST, 'localhost'] } } : {}),
    site_url: options.siteUrl,
    display_url: options.siteUrl,
    show_preview_links: true,
    logo: { src: '/favicon.svg', show_in_header: false },
    locale: 'en',
    media_folder: MEDIA.folder,
    public_folder: MEDIA.publicPath,
    slug: { encoding: 'ascii', clean_accents: true, sanitize_replacement: '-' },
    collections: COLLECTIONS.map((collection) => {
      const decap = decapCollection(collection);
      // The reviews list filtered by the one-year rule on this day: date ranges only, nothing about a review.
      return collection.name === 'reviews' && options.reviewRule
        ? { ...decap, view_filters: reviewViewFilters(options.reviewRule.today, options.reviewRule.years) }
        : decap;
    }),
  };
}

/** config.yml, as Decap reads it. */
export function cmsConfigYaml(config: DecapConfig): string {
  return `# Made by the build from src/content/model.ts (src/cms/config.ts): do not edit.\n${yaml.dump(config, { lineWidth: -1, noRefs: true })}`;
}
