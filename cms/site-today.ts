/**
 * "Today" in the CMS, as the site has it (siteToday in src/rules/dates.ts):
 * the date in London by this browser's clock, unless the site was built or
 * started with SITE_NOW, which /admin/ then carries in
 * <meta name="site-now"> (src/cms/admin-page.ts), so that the
 * previews and the reviews list's filters (made with the same SITE_NOW in
 * config.yml) agree with the site being served.
 */
import { siteToday, type IsoDate } from '../src/rules/dates';

export function cmsToday(now: Date = new Date()): IsoDate {
  const siteNow = document.querySelector<HTMLMetaElement>('meta[name="site-now"]')?.content;
  return siteToday({ SITE_NOW: siteNow }, now);
}
