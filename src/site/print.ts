/**
 * What a printed page says about itself (the print-only block in
 * src/layouts/Layout.astro, its date kept by src/scripts/print-date.ts) and
 * what the print stylesheet needs (src/styles/site.scss, @media print): the
 * site's address, to write site-relative link addresses out in full.
 */
import { displayDate, formatIsoDate, type IsoDate } from '../rules/dates';

/** Printed on every procedure, with the page's address. */
export const PRINTED_COPY_WARNING = 'Printed copies may be out of date: check the website';

/** Without JavaScript: true whenever the page is printed, since it is the day this copy of the page was built. */
export function builtOnText(built: IsoDate): string {
  return `Printed from this page as it was built on ${displayDate(built)}.`;
}

/** With JavaScript, set as the page is printed. */
export function printedOnText(printed: IsoDate): string {
  return `Printed on ${displayDate(printed)}.`;
}

/** The reader's own date (their computer's clock and time zone): the day they print. */
export function localIsoDate(now: Date): IsoDate {
  return formatIsoDate(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

/** A CSS string holding `text`; refuses what no address holds (control characters). */
export function cssString(text: string): string {
  if ([...text].some((character) => character.charCodeAt(0) < 0x20 || character === '\u007f'))
    throw new Error(`A CSS string cannot hold control characters: ${JSON.stringify(text)}`);
  return `"${text.replace(/[\\"]/g, (character) => `\\${character}`)}"`;
}

/**
 * The site's address as a custom property, which the print stylesheet puts
 * before a site-relative link's address (" (https://…/procedures/)").
 * astro.config.mjs adds it to the end of each stylesheet as it is compiled
 * (Vite's scss additionalData), from SITE_URL: no file or request of its own,
 * and no inline style on the pages.
 */
export function siteAddressCss(siteUrl: string): string {
  return `:root{--sg-site-address:${cssString(siteUrl.replace(/\/+$/, ''))}}`;
}

/** An address without what a reader need not see: scheme, "www.", trailing slash, case. */
const bareAddress = (address: string) =>
  address
    .trim()
    .toLowerCase()
    .replace(/^(https?:\/\/|mailto:)/, '')
    .replace(/^www\./, '')
    .replace(/\/+$/, '');

/**
 * A link whose text is already its address ("www.example.org" for
 * https://www.example.org/, "/procedures/" on the site's own address): the
 * printed page need not write it out again after the link.
 */
export function linkTextIsAddress(text: string, href: string, siteUrl: string): boolean {
  const shown = bareAddress(text);
  if (shown === '') return false;
  const full = href.startsWith('/') && !href.startsWith('//') ? `${siteUrl.replace(/\/+$/, '')}${href}` : href;
  return shown === bareAddress(full) || (href.startsWith('/') && shown === bareAddress(href));
}
