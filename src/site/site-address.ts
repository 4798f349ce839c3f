/**
 * The one configured site address: canonical URLs, the sitemap and feeds use
 * it. Set SITE_URL when deploying somewhere else.
 */
export const SITE_URL = (process.env.SITE_URL ?? 'https://www.safeguardingsouthend.co.uk').replace(/\/+$/, '');
