/**
 * The build's one read of its pages, after Astro has written them: a single
 * walk (src/html/built-pages.ts) in which each page is read and tokenized
 * once for every check the build makes of its pages: the security policy
 * scan (src/security/built-page-scan.ts, used by src/integrations/security-headers.ts)
 * and the share image each page names (src/share-images/pages.ts, used by
 * src/integrations/share-images.ts). The share images ask first and make the
 * walk; the security headers, after them in astro.config.mjs, get the same
 * result and then let it go. Pagefind indexes the pages in its own process
 * meanwhile (src/integrations/search-index.ts).
 */
import { walkBuiltPages, type PageReader } from '../html/built-pages';
import { pageScanner, type PageScanWithPolicy } from '../security/built-page-scan';
import { shareImageReader } from '../share-images/pages';

export interface BuiltSiteScan {
  /** Each page's scan, by its file in the site's folder ("about/index.html"), in file order. */
  pages: Map<string, PageScanWithPolicy>;
  /** Each share image named, with the pages (files) that name it. */
  shareImages: Map<string, string[]>;
  /** How long the walk took. */
  milliseconds: number;
}

let last: { site: string; scan: BuiltSiteScan } | undefined;

/** Reads every page of the built site in `site` once, for all the build's readers. */
export function scanBuiltSite(site: string): BuiltSiteScan {
  const started = performance.now();
  const pages = new Map<string, PageScanWithPolicy>();
  const shareImages = new Map<string, string[]>();
  const policy: PageReader = {
    page: ({ file, html }) => {
      const { handler, result } = pageScanner(html);
      return { ...handler, end: () => pages.set(file, result()) };
    },
  };
  walkBuiltPages(site, [policy, shareImageReader(shareImages)]);
  return { pages, shareImages, milliseconds: performance.now() - started };
}

/** The scan of this build's site: made by the first integration that asks, then kept until forgetBuiltSiteScan. */
export function builtSiteScan(site: string): BuiltSiteScan {
  if (last?.site !== site) last = { site, scan: scanBuiltSite(site) };
  return last.scan;
}

/** Lets the scan go (the last reader calls this, and each build starts with it), so a later build reads its own pages. */
export function forgetBuiltSiteScan(): void {
  last = undefined;
}
