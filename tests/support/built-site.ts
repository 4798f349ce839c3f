/** Reading a built site's files in tests. */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

export function readBuilt(dist: string, path: string): string | undefined {
  const file = join(dist, path.endsWith('/') ? `${path}index.html` : path);
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
}

/** Every URL in the sitemap files. */
export function sitemapUrls(dist: string): string[] {
  return readdirSync(dist)
    .filter((name) => /^sitemap-\d+\.xml$/.test(name))
    .flatMap((name) => [...readFileSync(join(dist, name), 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]!));
}

/** The pages Pagefind indexed: the url and text of every fragment. */
export function searchFragments(dist: string): { url: string; content: string }[] {
  const folder = join(dist, 'pagefind', 'fragment');
  if (!existsSync(folder)) return [];
  return readdirSync(folder).map((name) => {
    const raw = gunzipSync(readFileSync(join(folder, name))).toString('utf8');
    const json = JSON.parse(raw.slice(raw.indexOf('{'))) as { url: string; content: string };
    return { url: json.url, content: json.content };
  });
}
