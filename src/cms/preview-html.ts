/**
 * The CMS preview of the components editors put in bodies: the warning, who
 * to call and the contact details are the site's own blocks
 * (src/html/blocks.ts, which Warning.astro, HelpNumbers.astro and
 * ContactPanel.astro render); the inset, the figure and the tables have the
 * same markup and classes as Inset.astro, Figure.astro and Prose.astro's, so
 * that with the site's CSS the preview looks like the page. Plain strings;
 * every piece of text is escaped.
 *
 * The text inside a warning or an inset is Markdown; previews need only the
 * little of it such text uses: paragraphs, bullet and numbered lists, links,
 * bold, italic and code.
 */
import type { HelpSettings } from '../site/help-numbers';
import { typographicApostrophes } from '../content/typography';
import { escapeText, raw, renderHtml } from '../html/markup';
import { contactPanelBlock, helpNumbersBlock, phoneLinkBlock, warningBlock, type ContactSettings } from '../html/blocks';
import { markdownBlocksHtml, markdownInlineHtml, markdownTable } from './preview-markdown';

/** Inline Markdown (links, **bold**, *italic* or _italic_, `code`, \escapes) to HTML, as micromark reads it (preview-markdown.ts). */
export function inlineHtml(markdown: string): string {
  return markdownInlineHtml(markdown);
}

/** Paragraphs and lists, separated by blank lines, to HTML, as micromark reads them (preview-markdown.ts). */
export function blocksHtml(markdown: string): string {
  return markdownBlocksHtml(markdown);
}

/** The site's warning (src/html/blocks.ts) around the text's inline Markdown. */
export function warningHtml(text: string): string {
  return renderHtml(warningBlock(raw(inlineHtml(text.trim()))));
}

/** On one line, an inset's text is inline, as MDX renders it; on several, paragraphs. */
export function insetHtml(text: string): string {
  const value = text.trim();
  return `<div class="govuk-inset-text">${value.includes('\n') ? blocksHtml(value) : inlineHtml(value)}</div>`;
}

/** A number as the site shows it, or, while it is not a phone number yet, its text with a tag (src/html/blocks.ts). */
export function phoneLinkHtml(number: string, className: string, national = false): string {
  return renderHtml(phoneLinkBlock(number, className, national));
}

/** The site's "Worried about a child or an adult?"; the preview does not know which page it is on, so it keeps the link to report a concern. */
export function helpNumbersHtml(settings: HelpSettings, title = ''): string {
  return renderHtml(helpNumbersBlock(settings, { title }));
}

/** The site's contact details, from the settings the preview has. */
export function contactPanelHtml(settings: ContactSettings): string {
  return renderHtml(contactPanelBlock(settings));
}

export function figureHtml(data: { src?: string; alt?: string; caption?: string }, url: string): string {
  return `<figure class="sg-figure"><img class="sg-content-image" src="${escapeText(url)}" alt="${escapeText(data.alt ?? '')}">${data.caption ? `<figcaption class="govuk-body-s sg-figure__caption">${escapeText(data.caption)}</figcaption>` : ''}</figure>`;
}

/**
 * A Markdown table as the site shows it (src/content/table-html.ts, with Th and
 * Td): its caption, header cells with their scope (the first cell of each row
 * too when the first column is headings), and its columns' alignment.
 */
export function tableHtml(markdown: string, options: { caption?: string; firstCellIsHeader?: boolean } = {}): string {
  const { head, body, align } = markdownTable(markdown);
  const cell = (tag: 'th' | 'td', html: string, index: number, scope?: 'col' | 'row') =>
    `<${tag}${align[index] ? ` class="sg-align-${align[index]}"` : ''}${scope ? ` scope="${scope}"` : ''}>${html}</${tag}>`;
  const bodyCell = (text: string, index: number) =>
    index === 0 && options.firstCellIsHeader ? cell('th', text, index, 'row') : cell('td', text, index);
  const caption = options.caption?.trim()
    ? `<caption class="govuk-table__caption govuk-table__caption--s">${escapeText(typographicApostrophes(options.caption.trim()))}</caption>`
    : '';
  return (
    `<div class="sg-table-wrap"><table class="govuk-table">${caption}<thead><tr>${head.map((text, index) => cell('th', text, index, 'col')).join('')}</tr></thead>` +
    `<tbody>${body.map((row) => `<tr>${row.map(bodyCell).join('')}</tr>`).join('')}</tbody></table></div>`
  );
}

/** MDX the preview cannot run: shown as code, so the editor sees it is there. */
export function mdxCodeHtml(code: string): string {
  return `<div class="govuk-inset-text"><p class="govuk-body-s govuk-!-margin-bottom-1"><strong>MDX code, shown on the site as the component it names:</strong></p><pre class="govuk-body-s"><code>${escapeText(code)}</code></pre></div>`;
}
