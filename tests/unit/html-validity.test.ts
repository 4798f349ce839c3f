/** The HTML validity check finds what it is there to find, with where and why. */
import { describe, expect, it } from 'vitest';
import { formatFindings, validateHtml } from '../support/html-validity';

const page = (body: string) =>
  `<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>Test page</title></head><body><main>${body}</main></body></html>`;

describe('html-validate configuration', () => {
  it('passes a valid page', async () => {
    expect(await validateHtml(page('<h1>Heading</h1><p>Call <a href="tel:+441702215007">01702\u00a0215007</a>.</p>'))).toEqual([]);
  });

  it('finds duplicate ids, a phone number that can break across lines, and duplicate form-control names', async () => {
    const found = await validateHtml(
      page(
        '<h1 id="a">Heading</h1><p id="a">Call <a href="tel:+441702215007">01702 215007</a>.</p>' +
          '<form><input type="text" name="q" aria-label="One"><input type="text" name="q" aria-label="Two"><button type="submit">Send</button></form>',
      ),
      '/example/',
    );
    expect(found.map((item) => item.rule).sort()).toEqual(['form-dup-name', 'no-dup-id', 'tel-non-breaking']);
    expect(formatFindings(found)).toMatch(/^\/example\/:1:\d+ no-dup-id: /m);
  });

  it('finds a title over 70 characters and a link styled as a button where a native element is preferred', async () => {
    const long = `<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>${'A very long title '.repeat(5)}</title></head><body><main><h1>H</h1><a href="/x/" role="button">Go</a></main></body></html>`;
    const rules = (await validateHtml(long)).map((item) => item.rule).sort();
    expect(rules).toEqual(['long-title', 'prefer-native-element']);
  });
});
