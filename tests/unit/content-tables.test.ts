/**
 * Tables in content: how the site writes a table's HTML (src/content/table-html.ts),
 * when its scroll box is a tab stop (src/site/scroll-box.ts), and what the
 * build and the CMS refuse in a Table component (src/content/tables.ts).
 */
import { describe, expect, it } from 'vitest';
import { parseFragment } from 'parse5';
import { captionId, contentTableHtml } from '../../src/content/table-html';
import { typographicApostrophes } from '../../src/content/typography';
import { overflows, syncTabStop, type ScrollBox } from '../../src/site/scroll-box';
import { checkTableTree } from '../../src/content/tables';
import { parseAndCheckBody } from '../../src/content/safety';
import { parseAndCheckBodyInBrowser } from '../../src/content/safety-browser';
import { checkRawEntry, readAllEntries } from '../../src/content/files';
import { unsafeBodyMessage } from '../../src/cms/body-check';

/** The rows of a Markdown table as MDX renders them through Th and Td (with a column's alignment as a class). */
const ROWS =
  '<thead><tr><th>Helpline</th><th class="sg-align-right">Number</th></tr></thead>' +
  '<tbody><tr><td>Childline</td><td class="sg-align-right"><a href="tel:08001111">0800 1111</a></td></tr>' +
  '<tr><td>NSPCC</td><td class="sg-align-right">0808 800 5000</td></tr></tbody>';
/** What src/components/ScrollTable.astro gives a Table: the table in its scroll box, and the box's script beside it. */
const SCROLL_TABLE = contentTableHtml(`<table class="govuk-table">${ROWS}</table>`);
const SCRIPT = '<script type="module" src="/_astro/ScrollBoxScript.js"></script>';

describe("a content table's HTML", () => {
  it('has a visible caption, and its scroll box is named by it and is a tab stop', () => {
    const html = contentTableHtml(SCROLL_TABLE, { caption: 'National helplines' });
    expect(html).toBe(
      '<div class="sg-table-wrap" role="group" aria-labelledby="table-national-helplines" tabindex="0"><table class="govuk-table">' +
        '<caption class="govuk-table__caption govuk-table__caption--s" id="table-national-helplines">National helplines</caption>' +
        '<thead><tr><th scope="col">Helpline</th><th class="sg-align-right" scope="col">Number</th></tr></thead>' +
        '<tbody><tr><td>Childline</td><td class="sg-align-right"><a href="tel:08001111">0800 1111</a></td></tr>' +
        '<tr><td>NSPCC</td><td class="sg-align-right">0808 800 5000</td></tr></tbody></table></div>',
    );
  });

  it('makes the first cell of each row a row heading when the first column is headings, keeping its content and class', () => {
    const html = contentTableHtml(SCROLL_TABLE, { caption: 'National helplines', firstCellIsHeader: true });
    expect(html).toContain('<tr><th scope="row">Childline</th><td class="sg-align-right"><a href="tel:08001111">0800 1111</a></td></tr>');
    expect(html).toContain('<tr><th scope="row">NSPCC</th><td class="sg-align-right">0808 800 5000</td></tr>');
    expect(html).toContain('<thead><tr><th scope="col">Helpline</th>');
    const aligned = contentTableHtml('<table><tbody><tr><td class="sg-align-right">1</td><td>2</td></tr></tbody></table>', {
      firstCellIsHeader: true,
    });
    expect(aligned).toContain('<tr><th class="sg-align-right" scope="row">1</th><td>2</td></tr>');
  });

  it("takes the place of the scroll box the table was in, and keeps what else is beside it (the box's script)", () => {
    const html = contentTableHtml(`${SCROLL_TABLE}${SCRIPT}`, { caption: 'National helplines' });
    expect(html.match(/class="sg-table-wrap"/g)).toHaveLength(1);
    expect(html.endsWith(`</table></div>${SCRIPT}`)).toBe(true);
    expect(html).not.toContain('aria-label=');
  });

  it('escapes the caption, and gives it an id made of its words', () => {
    const html = contentTableHtml(SCROLL_TABLE, { caption: 'Calls <script>alert(1)</script> & "more"' });
    expect(html).toContain('>Calls &lt;script&gt;alert(1)&lt;/script&gt; &amp; "more"</caption>');
    expect(html).not.toContain('<script');
    expect(captionId('Calls <script>alert(1)</script> & "more"')).toBe('table-calls-script-alert-1-script-and-more');
    expect(captionId("Southend Borough Council's figures for 2018/19")).toBe('table-southend-borough-council-s-figures-for-2018-19');
  });

  it("prints an apostrophe in a caption's word as the body's text has it (’), and leaves quotes as typed", () => {
    const html = contentTableHtml(SCROLL_TABLE, { caption: "The LSCB's partners' 'figures'" });
    expect(html).toContain("id=\"table-the-lscb-s-partners-figures\">The LSCB\u2019s partners' 'figures'</caption>");
    expect(typographicApostrophes("Children's social care, Council's, don't")).toBe(
      'Children\u2019s social care, Council\u2019s, don\u2019t',
    );
  });

  it('names the scroll box of a table without a caption by its columns', () => {
    const html = contentTableHtml(`<table class="govuk-table">${ROWS}</table>`);
    expect(html).toContain('<div class="sg-table-wrap" role="group" aria-label="Table: Helpline, Number" tabindex="0">');
    expect(html).not.toContain('<caption');
    expect(html).not.toContain('scope="row"');
  });

  it('is one table: it refuses none, or two', () => {
    expect(() => contentTableHtml('<p>No table</p>', { caption: 'A' })).toThrow('holds 0');
    expect(() => contentTableHtml(`${SCROLL_TABLE}${SCROLL_TABLE}`, { caption: 'A' })).toThrow('holds 2');
  });

  it('parses as it was written: one caption, first in the table', () => {
    const html = contentTableHtml(contentTableHtml(SCROLL_TABLE, { caption: 'Old' }), { caption: 'New' });
    expect(html.match(/<caption/g)).toHaveLength(1);
    expect(html).toContain(
      '<table class="govuk-table"><caption class="govuk-table__caption govuk-table__caption--s" id="table-new">New</caption>',
    );
    expect(parseFragment(html).childNodes).toHaveLength(1);
  });
});

describe('a scroll box is a tab stop only while it overflows', () => {
  class Box implements ScrollBox {
    attributes = new Map<string, string>();
    constructor(
      public scrollWidth: number,
      public clientWidth: number,
      tabindex?: string,
    ) {
      if (tabindex !== undefined) this.attributes.set('tabindex', tabindex);
    }
    getAttribute(name: string) {
      return this.attributes.get(name) ?? null;
    }
    setAttribute(name: string, value: string) {
      this.attributes.set(name, value);
    }
    removeAttribute(name: string) {
      this.attributes.delete(name);
    }
  }

  it('overflows when its content is wider than the box', () => {
    expect(overflows({ scrollWidth: 335, clientWidth: 290 })).toBe(true);
    expect(overflows({ scrollWidth: 291, clientWidth: 290 })).toBe(true);
    expect(overflows({ scrollWidth: 290, clientWidth: 290 })).toBe(false);
    expect(overflows({ scrollWidth: 0, clientWidth: 0 })).toBe(false); // hidden
  });

  it('keeps or adds tabindex="0" when it overflows, and removes it when it does not', () => {
    const wide = new Box(335, 290, '0');
    expect(syncTabStop(wide)).toBe(true);
    expect(wide.getAttribute('tabindex')).toBe('0');
    const fits = new Box(630, 630, '0');
    expect(syncTabStop(fits)).toBe(false);
    expect(fits.getAttribute('tabindex')).toBeNull();
    // The window narrows: the box overflows again, and is a tab stop again.
    fits.clientWidth = 290;
    expect(syncTabStop(fits)).toBe(true);
    expect(fits.getAttribute('tabindex')).toBe('0');
    const odd = new Box(400, 290, '-1');
    syncTabStop(odd);
    expect(odd.getAttribute('tabindex')).toBe('0');
  });
});

const TABLE = '| Helpline | Number |\n| --- | --- |\n| Childline | 0800 1111 |';
/** What the build (Sätteri's parser) and the CMS (micromark's) find wrong with the tables in a body. */
function problems(body: string): { build: unknown[]; cms: unknown[] } {
  const build = parseAndCheckBody(body, { collection: 'pages' });
  const cms = parseAndCheckBodyInBrowser(body, { collection: 'pages' });
  expect(build.problems, 'the body is safe MDX').toEqual([]);
  expect(cms.problems, 'the body is safe MDX in the CMS').toEqual([]);
  return { build: checkTableTree(build.tree!), cms: checkTableTree(cms.tree!) };
}

describe('what the build and the CMS refuse in a Table', () => {
  it('accepts a Table with a caption around one Markdown table, with or without blank lines inside', () => {
    expect(problems(`<Table caption="National helplines" firstCellIsHeader="true">\n${TABLE}\n</Table>`)).toEqual({ build: [], cms: [] });
    expect(problems(`<Table caption="National helplines">\n\n${TABLE}\n\n</Table>`)).toEqual({ build: [], cms: [] });
    expect(
      problems(
        `<Table caption={"Helplines"} firstCellIsHeader={true}>\n${TABLE}\n</Table>\n\n<Table caption="Other helplines" firstCellIsHeader>\n${TABLE}\n</Table>`,
      ),
    ).toEqual({ build: [], cms: [] });
  });

  const refused: [string, string, number, string][] = [
    ['a Table without a caption', `Text.\n\n<Table>\n${TABLE}\n</Table>`, 3, '<Table> has no caption. Add caption="..."'],
    ['a Table whose caption is only spaces', `<Table caption="  ">\n${TABLE}\n</Table>`, 1, '<Table> caption must not be empty'],
    [
      'a caption over 200 characters',
      `<Table caption="${'a'.repeat(201)}">\n${TABLE}\n</Table>`,
      1,
      '<Table> caption is longer than 200 characters',
    ],
    [
      'firstCellIsHeader that is not true or false',
      `<Table caption="A" firstCellIsHeader="yes">\n${TABLE}\n</Table>`,
      1,
      '<Table> has firstCellIsHeader="yes"; write firstCellIsHeader="true"',
    ],
    ['a Table with no table inside', '<Table caption="A">\nJust text.\n</Table>', 1, '<Table> holds no Markdown table.'],
    [
      'a Table with text as well as its table',
      `<Table caption="A">\nIntro.\n\n${TABLE}\n</Table>`,
      1,
      '<Table> holds something as well as its table.',
    ],
    ['a Table with two tables', `<Table caption="A">\n${TABLE}\n\n${TABLE}\n</Table>`, 1, '<Table> holds 2 Markdown tables.'],
    ['a Table inside a sentence', 'See <Table caption="A">this</Table> here.', 1, '<Table> is inside a sentence.'],
    [
      'two tables with the same caption',
      `<Table caption="Helplines">\n${TABLE}\n</Table>\n\n<Table caption="helplines ">\n${TABLE}\n</Table>`,
      7,
      'the same as the table on line 1',
    ],
  ];
  for (const [what, body, line, message] of refused) {
    it(`refuses ${what}, on its line, with both parsers`, () => {
      const { build, cms } = problems(body);
      expect(build).toEqual([{ line, message: expect.stringContaining(message) }]);
      expect(cms).toEqual(build);
    });
  }

  it('stops the build, naming the file and line', () => {
    const entry = {
      collection: 'pages' as const,
      file: 'content/pages/helplines.mdx',
      absolutePath: `${process.cwd()}/content/pages/helplines.mdx`,
      data: { title: 'Helplines', description: 'Helplines.' },
      body: `Text.\n\n<Table>\n${TABLE}\n</Table>\n`,
      bodyLine: 5,
    };
    expect(checkRawEntry(entry)).toEqual([
      { file: entry.file, field: 'table', line: 7, message: expect.stringContaining('<Table> has no caption') },
    ]);
  });

  it('stops the CMS saving, and says how to fix it', () => {
    expect(unsafeBodyMessage('pages', `Text.\n\n<Table>\n${TABLE}\n</Table>`)).toMatch(
      /^Not saved: a table needs fixing before the website can show it\. Line 3 of the body: <Table> has no caption\./,
    );
    expect(unsafeBodyMessage('pages', `<Table caption="A">\n${TABLE}\n</Table>`)).toBeUndefined();
  });

  it('finds nothing wrong with the tables in content/, and every one of them has a caption', () => {
    const entries = readAllEntries(process.cwd());
    let tables = 0;
    for (const entry of entries.filter((candidate) => candidate.body.trim() !== '')) {
      const { tree } = parseAndCheckBody(entry.body, { collection: entry.collection });
      expect(checkTableTree(tree!), entry.file).toEqual([]);
      const bare: number[] = [];
      const visit = (node: { type: string; name?: string | null; children?: unknown[]; position?: { start: { line: number } } }) => {
        if (node.type === 'table') {
          tables += 1;
          bare.push(node.position!.start.line);
          return;
        }
        if (node.type === 'mdxJsxFlowElement' && node.name === 'Table') {
          tables += 1;
          return;
        }
        for (const child of (node.children ?? []) as (typeof node)[]) visit(child);
      };
      visit(tree as never);
      expect(bare, `${entry.file}: tables without a caption`).toEqual([]);
    }
    expect(tables).toBe(15);
  });
});
