/**
 * Text as the site's pages print it. MDX turns the apostrophes of a body's
 * text into typographic ones (’); an attribute, such as a Table's caption,
 * it leaves as typed, so the site does the same for it.
 */

/** An apostrophe between two letters ("Council's") as ’; quotes and anything else as typed. */
export function typographicApostrophes(text: string): string {
  return text.replace(/(\p{L})'(?=\p{L})/gu, '$1\u2019');
}
