/**
 * Earlier deploys on Netlify, and removing them. Netlify keeps every deploy
 * of a site at its own permanent address (https://<deploy id>--<site>.netlify.app)
 * and lets anyone with access to the Netlify team put it back live with one
 * click, so a review withdrawn from the live site would stay reachable in
 * the deploy made the day before. After each deploy, the deploy workflow
 * deletes every earlier deploy of the site (scripts/prune-deploys.ts); this
 * module decides which, and talks to Netlify's API:
 *
 * - GET    /api/v1/sites/{site_id}            the site, with published_deploy
 * - GET    /api/v1/sites/{site_id}/deploys    its deploys, page and per_page
 * - DELETE /api/v1/deploys/{deploy_id}        one deploy (204 No Content)
 *
 * (Netlify's OpenAPI description: https://github.com/netlify/open-api,
 * swagger.yml, operations getSite, listSiteDeploys and deleteDeploy.)
 *
 * It imports nothing and uses only erasable TypeScript, so the deploy job
 * runs it with Node's own type stripping: no npm install next to the secrets.
 */

export const NETLIFY_API_URL = 'https://api.netlify.com/api/v1';

/** A deploy as Netlify's API lists it (only the fields used here). */
export interface NetlifyDeploy {
  id: string;
  state?: string | null;
  context?: string | null;
  created_at?: string | null;
  published_at?: string | null;
  deploy_ssl_url?: string | null;
}

/** Netlify deploy ids are 24 hexadecimal digits. */
export const DEPLOY_ID_PATTERN = /^[0-9a-f]{24}$/;

/** The deploy id in what `netlify deploy --json` printed (its JSON has deploy_id). */
export function deployIdFromCliOutput(text: string): string {
  const found = /"deploy_id"\s*:\s*"([^"]*)"/.exec(text)?.[1];
  if (!found)
    throw new Error(
      'The output of "netlify deploy --json" has no deploy_id: did the deploy finish? Its output was:\n' + text.trim().slice(0, 2000),
    );
  if (!DEPLOY_ID_PATTERN.test(found)) throw new Error(`"${found}" is not a Netlify deploy id (24 hexadecimal digits).`);
  return found;
}

export interface PrunePlan {
  /** Deploys to delete: every deploy made before the published one. */
  remove: NetlifyDeploy[];
  /** Deploys made after the published one (another run's, still going): left for the next run. */
  newer: NetlifyDeploy[];
}

/**
 * Which deploys to delete so that only `published` (the deploy just made and
 * published) stays: all the others made before it, whatever their state or
 * context (production, deploy previews, branch deploys, failed ones). It never
 * includes the published deploy, and leaves any made after it (a later run's).
 * Throws when the published deploy is not in the list (the wrong site, or a
 * listing that stopped early), so nothing is deleted on a guess.
 */
export function planPrune(deploys: readonly NetlifyDeploy[], published: string): PrunePlan {
  const current = deploys.find((deploy) => deploy.id === published);
  if (!current)
    throw new Error(
      `The deploy just published (${published}) is not among the site's ${deploys.length} deploys: is NETLIFY_SITE_ID the site it was deployed to? Nothing was deleted.`,
    );
  const publishedAt = Date.parse(current.created_at ?? '');
  const seen = new Set<string>([published]);
  const plan: PrunePlan = { remove: [], newer: [] };
  for (const deploy of deploys) {
    if (seen.has(deploy.id)) continue;
    seen.add(deploy.id);
    const createdAt = Date.parse(deploy.created_at ?? '');
    if (Number.isFinite(publishedAt) && Number.isFinite(createdAt) && createdAt > publishedAt) plan.newer.push(deploy);
    else plan.remove.push(deploy);
  }
  return plan;
}

/** The rel="next" address in a Link header, or null. */
export function nextPageUrl(link: string | null): string | null {
  if (!link) return null;
  for (const part of link.split(',')) {
    const match = /^<([^>]+)>(.*)$/.exec(part.trim());
    const rel = /;\s*rel\s*=\s*(?:"([^"]*)"|([^;\s]+))/i.exec(match?.[2] ?? '');
    const relations = (rel?.[1] ?? rel?.[2] ?? '').toLowerCase().split(/\s+/);
    if (match && relations.includes('next')) return match[1] ?? null;
  }
  return null;
}

export interface NetlifyClientOptions {
  token: string;
  siteId: string;
  /** Netlify's API, https://api.netlify.com/api/v1 unless a test gives its own. */
  apiUrl?: string;
  fetch?: typeof fetch;
  /** How long to wait before retrying after 429 Too Many Requests (seconds from Retry-After). */
  wait?: (milliseconds: number) => Promise<void>;
}

const PER_PAGE = 100;
const MAX_PAGES = 200;

/** Talks to Netlify's API for one site. */
export class NetlifySite {
  readonly #token: string;
  readonly #siteId: string;
  readonly #apiUrl: string;
  readonly #fetch: typeof fetch;
  readonly #wait: (milliseconds: number) => Promise<void>;

  constructor(options: NetlifyClientOptions) {
    this.#token = options.token;
    this.#siteId = options.siteId;
    this.#apiUrl = (options.apiUrl ?? NETLIFY_API_URL).replace(/\/+$/, '');
    this.#fetch = options.fetch ?? fetch;
    this.#wait = options.wait ?? ((milliseconds) => new Promise((resolve) => setTimeout(resolve, milliseconds)));
  }

  async #request(url: string, method = 'GET'): Promise<Response> {
    for (let attempt = 0; ; attempt += 1) {
      const response = await this.#fetch(url, {
        method,
        headers: { Authorization: `Bearer ${this.#token}`, 'User-Agent': 'safeguarding-southend prune-deploys' },
      });
      if (response.status !== 429 || attempt >= 4) return response;
      const seconds = Number(response.headers.get('retry-after'));
      await this.#wait(Math.min(Number.isFinite(seconds) && seconds >= 0 ? seconds : 10, 60) * 1000);
    }
  }

  async #fail(response: Response, what: string): Promise<never> {
    const body = (await response.text().catch(() => '')).trim().slice(0, 500);
    throw new Error(`${what}: Netlify answered ${response.status} ${response.statusText}${body ? ` (${body})` : ''}.`);
  }

  /** The id of the deploy the site serves now. */
  async publishedDeployId(): Promise<string | null> {
    const response = await this.#request(`${this.#apiUrl}/sites/${encodeURIComponent(this.#siteId)}`);
    if (!response.ok) return this.#fail(response, `Reading the site ${this.#siteId}`);
    const site = (await response.json()) as { published_deploy?: { id?: string } | null };
    return site.published_deploy?.id ?? null;
  }

  /** Every deploy of the site, page by page (following Link: rel="next" when Netlify sends it). */
  async deploys(): Promise<NetlifyDeploy[]> {
    const all: NetlifyDeploy[] = [];
    let url: string | null = `${this.#apiUrl}/sites/${encodeURIComponent(this.#siteId)}/deploys?page=1&per_page=${PER_PAGE}`;
    for (let page = 1; url; page += 1) {
      if (page > MAX_PAGES)
        throw new Error(`The site has more than ${MAX_PAGES * PER_PAGE} deploys listed; stopped reading. Nothing was deleted.`);
      const response = await this.#request(url);
      if (!response.ok) return this.#fail(response, `Listing the deploys of ${this.#siteId} (page ${page})`);
      const items = (await response.json()) as unknown;
      if (!Array.isArray(items)) throw new Error(`Listing the deploys of ${this.#siteId}: Netlify's answer was not a list.`);
      all.push(...(items as NetlifyDeploy[]));
      const next = nextPageUrl(response.headers.get('link'));
      if (next) url = new URL(next, url).href;
      else
        url =
          items.length >= PER_PAGE
            ? `${this.#apiUrl}/sites/${encodeURIComponent(this.#siteId)}/deploys?page=${page + 1}&per_page=${PER_PAGE}`
            : null;
    }
    return all;
  }

  /** Deletes one deploy (one already gone counts as deleted). */
  async deleteDeploy(id: string): Promise<void> {
    const response = await this.#request(`${this.#apiUrl}/deploys/${encodeURIComponent(id)}`, 'DELETE');
    if (response.ok || response.status === 404) return;
    return this.#fail(response, `Deleting the deploy ${id}`);
  }
}

export interface PruneResult {
  deleted: NetlifyDeploy[];
  newer: NetlifyDeploy[];
  failed: { deploy: NetlifyDeploy; error: string }[];
}

/**
 * Deletes every deploy of the site made before `published`, after checking
 * that `published` is the deploy the site serves now (so a deploy that was
 * not published, say because publishing is locked in Netlify, deletes
 * nothing). The whole list is read before anything is deleted, so deleting
 * never shifts a page that is still to be read. Carries on past a deploy
 * that cannot be deleted and reports it.
 */
export async function pruneDeploys(site: NetlifySite, published: string): Promise<PruneResult> {
  const live = await site.publishedDeployId();
  if (live !== published) {
    throw new Error(
      `The site serves the deploy ${live ?? '(none)'}, not ${published}, the one just made: was it published (is publishing locked in Netlify)? Nothing was deleted.`,
    );
  }
  const plan = planPrune(await site.deploys(), published);
  const result: PruneResult = { deleted: [], newer: plan.newer, failed: [] };
  for (const deploy of plan.remove) {
    try {
      await site.deleteDeploy(deploy.id);
      result.deleted.push(deploy);
    } catch (error) {
      result.failed.push({ deploy, error: error instanceof Error ? error.message : String(error) });
    }
  }
  return result;
}

/** What happened, in words for the run's summary. */
export function formatPruneResult(result: PruneResult, published: string): string {
  const lines = [`Kept the published deploy ${published}.`];
  lines.push(
    result.deleted.length === 0
      ? 'There were no earlier deploys to delete.'
      : `Deleted ${result.deleted.length} earlier deploy${result.deleted.length === 1 ? '' : 's'}; their addresses (https://<deploy id>--<site>.netlify.app) no longer answer: ${result.deleted.map((deploy) => deploy.id).join(', ')}.`,
  );
  if (result.newer.length > 0)
    lines.push(
      `Left ${result.newer.length} deploy${result.newer.length === 1 ? '' : 's'} made after it, for the next run: ${result.newer.map((deploy) => deploy.id).join(', ')}.`,
    );
  for (const { deploy, error } of result.failed) lines.push(`Could not delete ${deploy.id}: ${error}`);
  return lines.join('\n');
}
