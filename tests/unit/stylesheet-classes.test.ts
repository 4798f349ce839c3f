/**
 * The stylesheets hold only the GOV.UK Frontend parts the site uses
 * (src/styles/site.scss), so every GOV.UK class the markup uses must be in the
 * stylesheet its page loads: the search page's in search-page.scss (the glossary's
 * A to Z, not a GOV.UK class, is in glossary-page.scss), the CMS
 * previews' in cms-preview.scss, everything else's in site.scss, which every
 * page loads. A class added to a template without its GOV.UK Sass fails here.
 * (Classes GOV.UK Frontend styles nowhere, such as govuk-table__row, need nothing.)
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { compile } from 'sass';
import { describe, expect, it } from 'vitest';

const css = (file: string) =>
  compile(file, { loadPaths: ['node_modules'], style: 'compressed', quietDeps: true, silenceDeprecations: ['import'] }).css;
/** All of GOV.UK Frontend, as its package builds it. */
const ALL_OF_GOVUK = readFileSync('node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.css', 'utf8');
const STYLESHEETS = {
  site: css('src/styles/site.scss'),
  search: css('src/styles/search-page.scss'),
  glossary: css('src/styles/glossary-page.scss'),
  preview: css('src/styles/cms-preview.scss'),
};

function files(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.(astro|ts|tsx)$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}

/** GOV.UK classes in class="...", class: '...' and className strings; not govuk-js-* (hooks for scripts, never styled). */
function govukClasses(source: string): string[] {
  const found = new Set<string>();
  for (const match of source.matchAll(/\bclass(?:Name)?\s*[=:]\s*(?:\{\s*)?(["'`])([^"'`]*)\1/g)) {
    for (const token of match[2]!.split(/\s+/)) if (/^govuk-[a-z0-9!_-]+$/.test(token) && !token.startsWith('govuk-js-')) found.add(token);
  }
  return [...found];
}

function stylesheetsFor(file: string): (keyof typeof STYLESHEETS)[] {
  if (/src\/pages\/search\.astro$|src\/scripts\/search\.ts$/.test(file)) return ['search'];
  if (file.startsWith('cms/') || file.startsWith('src/cms/')) return ['preview'];
  // The blocks the site's components and the CMS previews both draw.
  if (file === 'src/html/blocks.ts') return ['site', 'preview'];
  return ['site'];
}

const styled = (stylesheet: string, className: string) =>
  new RegExp(`\\.${className.replace(/!/g, '\\\\!')}(?![a-zA-Z0-9_-])`).test(stylesheet);

describe('the stylesheets hold every GOV.UK class the markup uses', () => {
  const uses = [...files('src'), ...files('cms')].flatMap((file) =>
    govukClasses(readFileSync(file, 'utf8')).map((className) => ({ file, className })),
  );

  it('finds the classes in templates, components, the CMS previews and scripts', () => {
    expect(uses.length).toBeGreaterThan(100);
    expect(uses).toContainEqual({ file: 'src/html/blocks.ts', className: 'govuk-!-margin-top-2' });
    expect(uses).toContainEqual({ file: 'src/pages/search.astro', className: 'govuk-checkboxes__input' });
    expect(uses.filter((use) => use.file === 'src/cms/review-preview.ts').map((use) => use.className)).toContain(
      'govuk-notification-banner',
    );
  });

  it('styles each one in the stylesheet its page loads', () => {
    const missing = uses.flatMap(({ file, className }) =>
      stylesheetsFor(file)
        .filter((stylesheet) => styled(ALL_OF_GOVUK, className) && !styled(STYLESHEETS[stylesheet], className))
        .map((stylesheet) => `${file}: ${className} (not in ${stylesheet})`),
    );
    expect(missing).toEqual([]);
  });

  it("keeps the search page's and the previews' extras out of the stylesheet every page loads", () => {
    for (const className of [
      'govuk-checkboxes__input',
      'govuk-details',
      'govuk-input',
      'govuk-notification-banner',
      'sg-search-result',
      'govuk-\\!-padding-3',
      'govuk-section-break',
    ]) {
      expect(styled(STYLESHEETS.site, className.replace('\\', '')), className).toBe(false);
    }
    expect(styled(STYLESHEETS.search, 'govuk-checkboxes__input')).toBe(true);
    // The glossary's A to Z is in the glossary page's stylesheet (and the previews'), not every page's.
    expect(styled(STYLESHEETS.site, 'sg-glossary__letters')).toBe(false);
    expect(styled(STYLESHEETS.glossary, 'sg-glossary__letters')).toBe(true);
    expect(styled(STYLESHEETS.preview, 'sg-glossary__term')).toBe(true);
    // What the build marks on every page stays in every page's stylesheet.
    expect(styled(STYLESHEETS.site, 'sg-abbr')).toBe(true);
    expect(styled(STYLESHEETS.preview, 'govuk-notification-banner')).toBe(true);
  });
});
