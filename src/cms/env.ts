/**
 * The CMS configuration for this build or dev server, from the environment
 * (see src/cms/config.ts for the variables), and the admin page's
 * Content Security Policy, which must also let it reach the local backend.
 */
import { join } from 'node:path';
import { cmsConfig, cmsOptionsFromEnv, type CmsOptions, type DecapConfig } from './config';
import { readRawEntry } from '../content/files';
import { retentionYearsFrom } from '../rules/retention';
import { addSources, directivesFor, serializePolicy } from '../security/policy';
import { SITE_URL } from '../site/site-address';
import { adminPageHtml } from './admin-page';
import { siteToday } from '../rules/dates';

/**
 * The retention period in content/settings/site.yaml, or undefined when the
 * file cannot be read or the period is not a whole number of years: the
 * content check reports that, and the CMS must still start so that it can
 * be put right (its reviews list then has no filters).
 */
export function settingsRetentionYears(root: string): number | undefined {
  try {
    const years = retentionYearsFrom(readRawEntry(join(root, 'content/settings/site.yaml'), root).data);
    return Number.isInteger(years) && years >= 1 ? years : undefined;
  } catch {
    return undefined;
  }
}

type Env = Readonly<Record<string, string | undefined>>;

/** The CMS's options for the project at `root` under `env` (the environment of a build or of the dev server). */
export function cmsOptionsFor(env: Env, root: string, dev: boolean): CmsOptions {
  return cmsOptionsFromEnv(env, { dev, siteUrl: SITE_URL, retentionYears: settingsRetentionYears(root) });
}

/**
 * The site address the CMS links to ("View Live" and the address in its
 * header): on the dev server (npm start), the address the CMS itself was
 * loaded from, so the links open this computer's site; otherwise the public one.
 */
export function cmsSiteUrl(dev: boolean, requestUrl?: URL): string {
  return dev && requestUrl ? requestUrl.origin : SITE_URL;
}

/** config.yml's configuration for the project at `root` under `env`. */
export function cmsConfigFor(env: Env, root: string, dev: boolean, requestUrl?: URL): DecapConfig {
  return cmsConfig({ ...cmsOptionsFor(env, root, dev), siteUrl: cmsSiteUrl(dev, requestUrl) });
}

export function currentCmsConfig(dev: boolean, requestUrl?: URL): DecapConfig {
  return cmsConfigFor(process.env, process.cwd(), dev, requestUrl);
}

/**
 * /admin/'s policy: the CMS's (src/security/policy.ts), and what this page
 * needs besides (the build adds it to the host's headers too): connect-src
 * the local backend's origin, when the CMS edits files on this computer
 * through decap-server.
 */
export function adminPolicy(options: CmsOptions): string {
  const connect = options.localBackend ? [new URL(options.localBackend).origin] : [];
  return serializePolicy(addSources(directivesFor('/admin/'), { 'connect-src': connect }), 'meta');
}

/** /admin/ for the project at `root` under `env`: its policy, and the site's today when SITE_NOW sets it. */
export function adminPageFor(env: Env, root: string, dev: boolean): string {
  return adminPageHtml(adminPolicy(cmsOptionsFor(env, root, dev)), { siteNow: env.SITE_NOW?.trim() ? siteToday(env) : undefined });
}

/** /admin/ for this build or dev server. */
export function currentAdminPage(dev: boolean): string {
  return adminPageFor(process.env, process.cwd(), dev);
}
