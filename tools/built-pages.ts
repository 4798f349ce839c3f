/** Every HTML page in a built site, as the path a browser asks for. */
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export function builtPages(directory: string): string[] {
  const pages: string[] = [];
  const walk = (folder: string) => {
    for (const item of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, item.name);
      if (item.isDirectory()) walk(path);
      else if (item.name.endsWith('.html')) pages.push(path);
    }
  };
  walk(directory);
  return pages
    .map((file) => '/' + relative(directory, file).split(sep).join('/'))
    .map((path) => (path.endsWith('/index.html') ? path.slice(0, -'index.html'.length) : path))
    .sort();
}

/** Where the browser tests build and serve the site: dist/, or SITE_DIST. */
export function siteDist(): string {
  return process.env.SITE_DIST ?? 'dist';
}
