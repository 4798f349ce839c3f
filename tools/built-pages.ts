import { builtHtmlFiles, pagePath } from '../src/html/built-pages';

/** Every HTML page in a built site, as the path a browser asks for (the build's own list of its pages). */
export function builtPages(directory: string): string[] {
  return builtHtmlFiles(directory).map(pagePath).sort();
}

/** Where the browser tests build and serve the site: dist/, or SITE_DIST. */
export function siteDist(): string {
  return process.env.SITE_DIST ?? 'dist';
}
