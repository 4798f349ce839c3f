// @ts-check
import { fileURLToPath } from 'node:url';
import { defineConfig, sharpImageService } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { contentCheck } from './src/integrations/content-check.ts';
import { searchIndex } from './src/integrations/search-index.ts';
import { shareImages } from './src/integrations/share-images.ts';
import { securityHeaders } from './src/integrations/security-headers.ts';
import { buildTasks } from './src/integrations/build-tasks.ts';
import { cms } from './src/integrations/cms.ts';
import { devDocuments } from './src/integrations/dev-documents.ts';
import { safeMdxProcessor } from './src/content/mdx-processor.ts';
import { SITE_URL } from './src/site/site-address.ts';
import { siteAddressCss } from './src/site/print.ts';
import { CONTENT_IMAGE_ENCODING } from './src/content/images.ts';
import { quietAstroNotices } from './src/build/logs.ts';
import { excludedFromSitemap, hiddenReviewSlugs } from './src/site/sitemap-filter.ts';

const hiddenReviews = hiddenReviewSlugs();

export default defineConfig({
  site: SITE_URL,
  trailingSlash: 'always',
  // Astro 7's default ('jsx') removes the spaces between inline elements.
  compressHTML: true,
  build: { format: 'directory', inlineStylesheets: 'never' },
  devToolbar: { enabled: false },
  // Content images' encoder settings, chosen by measurement (src/content/images.ts).
  image: { service: sharpImageService({ ...CONTENT_IMAGE_ENCODING }) },
  // Separate caches let two builds run side by side (tests build on chosen days).
  cacheDir: process.env.ASTRO_CACHE_DIR ?? './node_modules/.astro',
  // MDX bodies are content, never code: the compiler refuses what src/content/safety.ts refuses.
  integrations: [
    contentCheck(),
    mdx({ processor: safeMdxProcessor(fileURLToPath(new URL('.', import.meta.url))) }),
    sitemap({ filter: (page) => !excludedFromSitemap(page, hiddenReviews) }),
    searchIndex(),
    // The CMS at /admin/: its bundle, built only when cms/ or what it uses changes.
    cms(),
    // The dev server serves documents at the built site's addresses, by the same rule.
    devDocuments(),
    // After every integration that writes files: share images, then the policy and dist/_headers.
    shareImages(),
    securityHeaders(),
    // Last: waits for what earlier ones left running (the search index), src/build/tasks.ts.
    buildTasks(),
  ],
  vite: {
    // npm start: the CMS backend trusts only the site's own port, so the site may not move to another.
    server: { strictPort: process.env.SG_STRICT_PORT === '1' },
    // lightningcss rejects an old IE hack in GOV.UK Frontend's service navigation.
    build: {
      cssMinify: 'esbuild',
      // Never inline a small script or asset: the Content Security Policy allows no inline script and no data: images
      // or fonts (src/security/policy.ts), so each stays a file (the tables' scroll-box script is under 1 KB).
      assetsInlineLimit: 0,
      // Every warning but Rolldown's one per content entry about Astro's own directive (src/build/logs.ts).
      rolldownOptions: { onwarn: quietAstroNotices },
    },
    css: {
      preprocessorOptions: {
        scss: {
          quietDeps: true,
          silenceDeprecations: ['import'],
          // The site's address for printed link addresses (src/site/print.ts), at the end of each stylesheet: no file of its own.
          additionalData: (/** @type {string} */ source) => `${source}\n${siteAddressCss(SITE_URL)}\n`,
        },
      },
    },
  },
});
