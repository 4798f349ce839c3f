/** Phone numbers as links: "01702 534706" becomes "tel:+441702534706". */
export function telHref(number: string): string {
  const digits = number.replace(/[^0-9+]/g, '');
  if (digits.startsWith('+')) return `tel:${digits}`;
  if (digits.length <= 3) return `tel:${digits}`;
  return `tel:+44${digits.replace(/^0/, '')}`;
}

const NO_BREAK_SPACE = '\u00a0';
const NON_BREAKING_HYPHEN = '\u2011';

/**
 * A phone number as it is shown: its spaces and hyphens made non-breaking
 * (U+00A0, U+2011), so that "0808 800 5000" never breaks across two lines and
 * a screen reader still reads the groups of digits. Any other white space
 * (a tab, a line break) becomes a non-breaking space too.
 */
export function phoneText(number: string): string {
  return unbreakable(number.trim());
}

/** Spaces and hyphens that a line never breaks at. */
function unbreakable(text: string): string {
  return text.replace(/\s+/g, NO_BREAK_SPACE).replace(/-/g, NON_BREAKING_HYPHEN);
}

/**
 * The same for the HTML a link's text was rendered to (an MDX body's
 * `[0808 800 5000](tel:08088005000)`): only the text between tags changes,
 * never a tag or its attributes. The HTML is the renderer's own, escaped
 * output, so its text holds no "<" or ">".
 */
export function phoneTextHtml(html: string): string {
  return html
    .split(/(<[^>]*>)/)
    .map((part) => (part.startsWith('<') ? part : unbreakable(part)))
    .join('')
    .replace(new RegExp(`^${NO_BREAK_SPACE}+|${NO_BREAK_SPACE}+$`, 'g'), '');
}

/** A telephone link: "tel:" in any letter case. */
export function isTelHref(href: unknown): href is string {
  return typeof href === 'string' && /^tel:/i.test(href.trim());
}

/** How to call a number through Relay UK: "18001 then" (the prefix) and the number. */
export interface RelayUkCall {
  prefix?: string;
  number: string;
}

/**
 * How to call a number through Relay UK, from a textphone or the Relay UK
 * app: "18001 then 01702 215007". 999 is the exception: Relay UK's emergency
 * number is 18000 on its own.
 */
export function relayUkCall(number: string): RelayUkCall {
  const digits = number.replace(/[^0-9]/g, '');
  return digits === '999' || digits === '112' ? { number: '18000' } : { prefix: '18001 then', number: number.trim() };
}
