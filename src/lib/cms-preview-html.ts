/**
 * The CMS preview of the components editors put in bodies: the same markup
 * and classes as the site's components (src/components/Warning.astro,
 * Inset.astro, HelpNumbers.astro, ContactPanel.astro, Figure.astro and the
 * tables of Prose.astro), so that with the site's CSS the preview looks like
 * the page. Plain strings; every piece of text is escaped.
 *
 * The text inside a warning or an inset is Markdown; previews need only the
 * little of it such text uses: paragraphs, bullet and numbered lists, links,
 * bold, italic and code.
 */
import { DEFAULT_HELP_TITLE, TEXT_ROUTES_HEADING, helpCallers, textRoutes, type HelpLink, type HelpSettings } from './help-numbers';
import { isPhoneNumber } from './field-input';
import { phoneText, telHref } from './phone';
import { typographicApostrophes } from './typography';
import type { SettingsData } from './types';

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Only web, mail and phone links, and the site's own paths, are links in a preview. */
function safeHref(href: string): string | undefined {
  return /^(https?:|mailto:|tel:|\/|#)/i.test(href.trim()) ? href.trim() : undefined;
}

/** Inline Markdown (links, **bold**, *italic* or _italic_, `code`, \escapes) to HTML. */
export function inlineHtml(markdown: string): string {
  const tokens = /\\([\\`*_{}[\]()#+\-.!<>|])|`([^`]+)`|\[([^\]]*)\]\(([^)\s]*)\)|\*\*([^*]+)\*\*|\*([^*]+)\*|_([^_]+)_/g;
  let html = '';
  let last = 0;
  for (const match of markdown.matchAll(tokens)) {
    html += escapeHtml(markdown.slice(last, match.index));
    last = match.index + match[0].length;
    const [, escaped, code, linkText, href, strong, em, em2] = match;
    if (escaped !== undefined) html += escapeHtml(escaped);
    else if (code !== undefined) html += `<code>${escapeHtml(code)}</code>`;
    else if (linkText !== undefined) {
      const safe = safeHref(href ?? '');
      html += safe ? `<a href="${escapeHtml(safe)}">${inlineHtml(linkText)}</a>` : inlineHtml(linkText);
    } else if (strong !== undefined) html += `<strong>${inlineHtml(strong)}</strong>`;
    else html += `<em>${inlineHtml(em ?? em2 ?? '')}</em>`;
  }
  return html + escapeHtml(markdown.slice(last));
}

/** Paragraphs and lists, separated by blank lines, to HTML. */
export function blocksHtml(markdown: string): string {
  return markdown
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((block) => block.trim())
    .filter(Boolean)
    .map((block) => {
      const lines = block.split('\n');
      if (lines.every((line) => /^\s*[-*+]\s+/.test(line))) return `<ul>${lines.map((line) => `<li>${inlineHtml(line.replace(/^\s*[-*+]\s+/, ''))}</li>`).join('')}</ul>`;
      if (lines.every((line) => /^\s*\d+[.)]\s+/.test(line))) return `<ol>${lines.map((line) => `<li>${inlineHtml(line.replace(/^\s*\d+[.)]\s+/, ''))}</li>`).join('')}</ol>`;
      return `<p>${inlineHtml(block)}</p>`;
    })
    .join('');
}

export function warningHtml(text: string): string {
  return `<div class="govuk-warning-text"><span class="govuk-warning-text__icon" aria-hidden="true">!</span><strong class="govuk-warning-text__text"><span class="govuk-visually-hidden">Warning</span> ${inlineHtml(text.trim())}</strong></div>`;
}

/** On one line, an inset's text is inline, as MDX renders it; on several, paragraphs. */
export function insetHtml(text: string): string {
  const value = text.trim();
  return `<div class="govuk-inset-text">${value.includes('\n') ? blocksHtml(value) : inlineHtml(value)}</div>`;
}

/** A link from the settings: an address the build would refuse (not https://, say) is shown as text, not followed. */
function linkHtml(link: HelpLink, className: string): string {
  const href = link.href.trim();
  return /^https:\/\/\S+$/i.test(href) ? `<a class="${className}" href="${escapeHtml(href)}">${escapeHtml(link.text)}</a>` : escapeHtml(link.text);
}

/**
 * A number as a telephone link, as the site shows it; a number from the
 * settings that is not a phone number yet (letters, too few digits) is shown
 * as its text with a "Not a phone number yet" tag, never as a broken tel:
 * link. The national numbers (999, 101) are the site's own.
 */
export function phoneLinkHtml(number: string, className: string, national = false): string {
  if (national || isPhoneNumber(number)) return `<a class="${className}" href="${escapeHtml(telHref(number))}">${escapeHtml(phoneText(number))}</a>`;
  return `<span class="sg-phone-unfinished">${escapeHtml(number.trim())}</span> <strong class="govuk-tag govuk-tag--red">Not a phone number yet</strong>`;
}

const NATIONAL_CALLERS = new Set(['emergency', 'police']);

/** HelpNumbers.astro's markup; the preview does not know which page it is on, so it keeps the link to report a concern. */
export function helpNumbersHtml(settings: HelpSettings, title = ''): string {
  const items = helpCallers(settings).map((caller) =>
    `<li class="sg-help__item${caller.emergency ? ' sg-help__item--emergency' : ''}"><h3>${escapeHtml(caller.heading)}</h3>`
    + (caller.number ? `<p>${phoneLinkHtml(caller.number, 'govuk-link sg-phone', NATIONAL_CALLERS.has(caller.key))}</p>` : '')
    + (caller.link ? `<p>${linkHtml(caller.link, 'govuk-link sg-help__link')}</p>` : '')
    + `<p>${escapeHtml(caller.text)}</p>`
    + (caller.relay ? `<p class="sg-help__relay">Relay UK: ${caller.relay.prefix ? `${escapeHtml(caller.relay.prefix)} ` : ''}${escapeHtml(phoneText(caller.relay.number))}</p>` : '')
    + '</li>');
  const routes = textRoutes(settings).map((route) =>
    `<li><strong>${escapeHtml(route.lead)}</strong> ${escapeHtml(route.text)} ${linkHtml(route.link, 'govuk-link')}</li>`);
  return `<section class="sg-help"><h2 class="sg-help__title">${escapeHtml(title.trim() || DEFAULT_HELP_TITLE)}</h2><ul class="sg-help__list">${items.join('')}</ul>`
    + `<h3 class="sg-help__subtitle">${escapeHtml(TEXT_ROUTES_HEADING)}</h3><ul class="govuk-list sg-help__routes">${routes.join('')}</ul>`
    + '<p class="govuk-body">More help, including national helplines, is on <a class="govuk-link" href="/report-a-concern/">report a concern</a>.</p></section>';
}

type ContactSettings = Pick<SettingsData, 'organisation' | 'email' | 'phone' | 'address'>;

export function contactPanelHtml(settings: ContactSettings): string {
  const address = (settings.address ?? []).map(escapeHtml).join('<br>');
  return `<div class="govuk-inset-text"><p class="govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-2">${escapeHtml(settings.organisation ?? '')}</p>`
    + `<p class="govuk-body govuk-!-margin-bottom-2">Email: <a class="govuk-link" href="mailto:${escapeHtml(settings.email ?? '')}">${escapeHtml(settings.email ?? '')}</a><br>Phone: ${phoneLinkHtml(settings.phone ?? '', 'govuk-link')}</p>`
    + `<address class="govuk-body govuk-!-margin-bottom-0 sg-footer-address">${address}</address></div>`;
}

export function figureHtml(data: { src?: string; alt?: string; caption?: string }, url: string): string {
  return `<figure class="sg-figure"><img class="sg-content-image" src="${escapeHtml(url)}" alt="${escapeHtml(data.alt ?? '')}">${data.caption ? `<figcaption class="govuk-body-s sg-figure__caption">${escapeHtml(data.caption)}</figcaption>` : ''}</figure>`;
}

/**
 * A Markdown table as the site shows it (src/lib/table-html.ts, with Th and
 * Td): its caption, header cells with their scope (the first cell of each row
 * too when the first column is headings), and its columns' alignment.
 */
export function tableHtml(markdown: string, options: { caption?: string; firstCellIsHeader?: boolean } = {}): string {
  const rows = markdown.trim().split('\n').map((line) => line.trim().replace(/^\|/, '').replace(/\|$/, '').split(/(?<!\\)\|/).map((cell) => cell.trim()));
  const [head = [], delimiter = [], ...body] = rows;
  const align = delimiter.map((cell) => (/^:-+:$/.test(cell) ? 'center' : /-:$/.test(cell) ? 'right' : /^:-/.test(cell) ? 'left' : ''));
  const cell = (tag: 'th' | 'td', text: string, index: number, scope?: 'col' | 'row') =>
    `<${tag}${align[index] ? ` class="sg-align-${align[index]}"` : ''}${scope ? ` scope="${scope}"` : ''}>${inlineHtml(text.replace(/\\\|/g, '|'))}</${tag}>`;
  const bodyCell = (text: string, index: number) => (index === 0 && options.firstCellIsHeader ? cell('th', text, index, 'row') : cell('td', text, index));
  const caption = options.caption?.trim() ? `<caption class="govuk-table__caption govuk-table__caption--s">${escapeHtml(typographicApostrophes(options.caption.trim()))}</caption>` : '';
  return `<div class="sg-table-wrap"><table class="govuk-table">${caption}<thead><tr>${head.map((text, index) => cell('th', text, index, 'col')).join('')}</tr></thead>`
    + `<tbody>${body.map((row) => `<tr>${row.map(bodyCell).join('')}</tr>`).join('')}</tbody></table></div>`;
}

/** MDX the preview cannot run: shown as code, so the editor sees it is there. */
export function mdxCodeHtml(code: string): string {
  return `<div class="govuk-inset-text"><p class="govuk-body-s govuk-!-margin-bottom-1"><strong>MDX code, shown on the site as the component it names:</strong></p><pre class="govuk-body-s"><code>${escapeHtml(code)}</code></pre></div>`;
}
