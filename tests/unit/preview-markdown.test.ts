/** The CMS preview's Markdown, read by micromark (as MDX reads it), not by regular expressions. */
import { describe, expect, it } from 'vitest';
import { markdownBlocksHtml, markdownInlineHtml, markdownTable } from '../../src/cms/preview-markdown';
import { blocksHtml, inlineHtml, insetHtml, tableHtml, warningHtml } from '../../src/cms/preview-html';

describe('inline Markdown in a preview', () => {
  it('reads emphasis, code and links that patterns misread', () => {
    // A link whose text has brackets, and one whose address has brackets.
    expect(markdownInlineHtml('Read [the [2019] report](/reports/2019/).')).toBe('Read <a href="/reports/2019/">the [2019] report</a>.');
    expect(markdownInlineHtml('[guidance](https://en.wikipedia.org/wiki/Safeguarding_(UK))')).toBe(
      '<a href="https://en.wikipedia.org/wiki/Safeguarding_(UK)">guidance</a>',
    );
    // Underscores inside a word are not emphasis; ** inside code is code.
    expect(markdownInlineHtml('snake_case_name and `**not bold**`')).toBe('snake_case_name and <code>**not bold**</code>');
    // Bold with italic inside it, and a code span with a backtick in it.
    expect(markdownInlineHtml('**Call *now***')).toBe('<strong>Call <em>now</em></strong>');
    expect(markdownInlineHtml('``a ` b``')).toBe('<code>a ` b</code>');
  });
  it('makes a web address written out a link, as the site does (GitHub Markdown), and a reference link with its definition', () => {
    expect(markdownInlineHtml('See www.gov.uk.')).toBe('See <a href="http://www.gov.uk">www.gov.uk</a>.');
    expect(markdownBlocksHtml('Read [the guidance][wt].\n\n[wt]: https://www.gov.uk/')).toBe(
      '<p>Read <a href="https://www.gov.uk/">the guidance</a>.</p>',
    );
  });
  it("never starts a block in text on one line, as MDX reads a component's text", () => {
    expect(warningHtml('1. Call 999 if a child is in danger.')).toContain(
      '<span class="govuk-visually-hidden">Warning</span> 1. Call 999 if a child is in danger.</strong>',
    );
    expect(inlineHtml('# Not a heading')).toBe('# Not a heading');
    expect(inlineHtml('    indented, not code')).toBe('indented, not code');
  });
  it('shows HTML as the text it is, escaped, and drops unsafe links', () => {
    expect(inlineHtml('<img src=x onerror=alert(1)> <b>bold</b>')).toBe('&lt;img src=x onerror=alert(1)&gt; &lt;b&gt;bold&lt;/b&gt;');
    expect(inlineHtml('[call](javascript:alert(1)) and ![a photo](/images/a.png)')).toBe('call and a photo');
  });
});

describe('paragraphs and lists in a preview', () => {
  it('reads lists that follow a paragraph, lazy lines and nested lists', () => {
    expect(blocksHtml('You can:\n- call us\n- email us')).toBe('<p>You can:</p><ul><li>call us</li><li>email us</li></ul>');
    expect(blocksHtml('- one\n  - one a\n- two')).toBe('<ul><li>one<ul><li>one a</li></ul></li><li>two</li></ul>');
    expect(insetHtml('First line\nsame paragraph.\n\nSecond.')).toBe(
      '<div class="govuk-inset-text"><p>First line\nsame paragraph.</p><p>Second.</p></div>',
    );
  });
});

describe('tables in a preview', () => {
  it('reads cells as GitHub Markdown does: escaped pipes (in code too), inline Markdown, and alignment', () => {
    const { head, body, align } = markdownTable('| Service | Notes |\n| :-: | --- |\n| Children \\| families | `a\\|b` |');
    expect(head).toEqual(['Service', 'Notes']);
    expect(body).toEqual([['Children | families', '<code>a|b</code>']]);
    expect(align).toEqual(['center', '']);
    // A pipe in code still ends a cell unless it is escaped, as on the site.
    expect(markdownTable('| A | B |\n| --- | --- |\n| `a|b` |').body).toEqual([['`a', 'b`']]);
    expect(markdownTable('| A |\n| --- |\n| **bold** and [a link](/about/) |').body).toEqual([
      ['<strong>bold</strong> and <a href="/about/">a link</a>'],
    ]);
  });
  it('shows no rows for text that is not a table', () => {
    expect(markdownTable('Just text')).toEqual({ head: [], body: [], align: [] });
    expect(tableHtml('Just text')).toBe(
      '<div class="sg-table-wrap"><table class="govuk-table"><thead><tr></tr></thead><tbody></tbody></table></div>',
    );
  });
});
