/**
 * Builds the Pagefind search index into the built site (dist/pagefind/) at
 * the end of `astro build`, so the build alone makes a working search.
 *
 * Only page bodies marked with data-pagefind-body are indexed (the layout
 * marks <main> on pages that opt in); header, navigation, footer and the exit
 * button are outside it. Pagefind's ready-made UIs are not shipped: the site
 * has its own search page on Pagefind's JavaScript API.
 */
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { startBuildTask } from '../build/tasks';
import { close, createIndex } from 'pagefind';
import { SEARCH_BUNDLE_FOLDER, SEARCH_EXCLUDED_SELECTORS, indexedPageCount, isUnusedBundleFile } from '../search/bundle';

export function searchIndex(): AstroIntegration {
  return {
    name: 'safeguarding-search-index',
    hooks: {
      // Pagefind reads the pages in its own process while the integrations after this one do their
      // work (none changes a page Pagefind indexes); the last integration waits for it (build-tasks.ts).
      'astro:build:done': ({ dir, logger }) => {
        startBuildTask('Search index', indexSite(fileURLToPath(dir), logger), [`${SEARCH_BUNDLE_FOLDER}/`]);
      },
    },
  };
}

async function indexSite(site: string, logger: AstroIntegrationLogger): Promise<void> {
  const started = performance.now();
  try {
    const { index, errors } = await createIndex({ excludeSelectors: [...SEARCH_EXCLUDED_SELECTORS] });
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: site });
    if (added.errors.length > 0) throw new Error(`Pagefind could not index the site: ${added.errors.join('; ')}`);
    const output = join(site, SEARCH_BUNDLE_FOLDER);
    const written = await index.writeFiles({ outputPath: output });
    if (written.errors.length > 0) throw new Error(`Pagefind could not write the index: ${written.errors.join('; ')}`);
    for (const file of readdirSync(output)) {
      if (isUnusedBundleFile(file)) rmSync(join(output, file), { force: true });
    }
    const pages = indexedPageCount(readFileSync(join(output, 'pagefind-entry.json'), 'utf8'));
    if (pages === 0) throw new Error('The search index is empty: no page has data-pagefind-body.');
    logger.info(
      `Search index: ${pages} of ${added.page_count} pages in ${SEARCH_BUNDLE_FOLDER}/ (${Math.round(performance.now() - started)} ms)`,
    );
  } finally {
    await close();
  }
}
