/**
 * The CMS's page, /admin/, written once: the build renders it
 * (src/pages/admin/index.astro) and the dev server answers /admin/ with it
 * (src/integrations/cms.ts). The dev server serves it as it is, without its
 * own client script, so saving content never reloads the CMS: text typed
 * but not saved in another CMS tab stays where it is.
 */
/** Text in a double-quoted attribute: the policy's quotes ('self') stay as they are, as the page always had them. */
function attribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * The page, under `policy` (src/cms/env.ts adminPolicy), as the build writes it. `siteNow`:
 * the site's today when it was built or started with SITE_NOW, carried for the previews and the
 * date fields (cms/site-today.ts), so they agree with the list's filters in config.yml.
 */
export function adminPageHtml(policy: string, options: { siteNow?: string } = {}): string {
  return (
    '<!DOCTYPE html>' +
    '<html lang="en-GB">' +
    '<head>' +
    '<meta charset="utf-8">' +
    `<meta http-equiv="Content-Security-Policy" content="${attribute(policy)}">` +
    '<meta name="viewport" content="width=device-width, initial-scale=1">' +
    '<meta name="robots" content="noindex, nofollow">' +
    (options.siteNow ? `<meta name="site-now" content="${attribute(options.siteNow)}">` : '') +
    '<title>Content manager - Safeguarding Southend</title>' +
    '<link rel="icon" href="/favicon.svg" type="image/svg+xml">' +
    // Decap's colours that fail contrast, darkened (cms/admin.css, bundled beside cms.js).
    '<link rel="stylesheet" href="/admin/cms.css">' +
    '<link rel="cms-config-url" type="text/yaml" href="/admin/config.yml">' +
    '</head>' +
    '<body>' +
    '<noscript>The content manager needs JavaScript. Turn it on in your browser and reload this page.</noscript>' +
    '<script type="module" src="/admin/cms.js"></script>' +
    '</body>' +
    '</html>'
  );
}

/** Whether the dev server answers a request's path with the CMS's page itself. */
export function isAdminPagePath(path: string): boolean {
  return path === '/admin/' || path === '/admin/index.html';
}
