/**
 * MDX without fear: a body that goes through Decap's rich text editor (its
 * own serialiser: Markdown -> rich text -> Markdown, with the project's
 * editor components and remark plugin) comes back as the same MDX. "The
 * same" is checked two ways: the text, and what MDX compiles it to (with
 * satteri, the compiler Astro's MDX uses), so a change the reader could
 * never see (a list's bullet) is allowed and any other is not.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { mdxToJs } from 'satteri';
import { beforeAll, describe, expect, it } from 'vitest';
import { EDITOR_COMPONENTS, jsxAttribute, readBlock, readQuotedAttributes } from '../../src/cms/editor-components';
import { parseAndCheckBody } from '../../src/content/safety';
import { checkTableTree } from '../../src/content/tables';
import { contentTableHtml } from '../../src/content/table-html';
import { alignmentClass } from '../../src/content/table-cells';
import { tightenLists } from '../../src/cms/remark';
import { loadDecap, type DecapInNode } from '../support/decap';
import { mdxToHtml, type HtmlComponent } from '../support/mdx-html';

let decap: DecapInNode;
beforeAll(async () => {
  decap = await loadDecap();
}, 120_000);

const compiled = (mdx: string) => mdxToJs(mdx).code;

function component(id: string) {
  const found = EDITOR_COMPONENTS.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no editor component ${id}`);
  return found;
}

/** Every body in content/, as written. */
function bodies(): { file: string; body: string }[] {
  const found: { file: string; body: string }[] = [];
  for (const folder of readdirSync('content')) {
    for (const name of readdirSync(join('content', folder)).filter((file) => file.endsWith('.mdx'))) {
      const text = readFileSync(join('content', folder, name), 'utf8');
      found.push({ file: `content/${folder}/${name}`, body: text.replace(/^---\r?\n[\s\S]*?\r?\n---\r?\n/, '').trim() });
    }
  }
  return found;
}

describe('each editor component writes back exactly what it read', () => {
  const cases: [string, string, Record<string, unknown>][] = [
    [
      'Warning',
      '<Warning>If someone is in immediate danger, call 999.</Warning>',
      { text: 'If someone is in immediate danger, call 999.' },
    ],
    ['Warning', '<Warning>See [who to call](/report-a-concern/).</Warning>', { text: 'See [who to call](/report-a-concern/).' }],
    ['Inset', '<Inset>A note in one line.</Inset>', { text: 'A note in one line.' }],
    [
      'Inset',
      '<Inset>\nOne paragraph.\n\nAnother, with a [link](/about/).\n</Inset>',
      { text: 'One paragraph.\n\nAnother, with a [link](/about/).' },
    ],
    ['HelpNumbers', '<HelpNumbers />', {}],
    ['HelpNumbers', '<HelpNumbers title="Who to call now" />', { title: 'Who to call now' }],
    ['ContactPanel', '<ContactPanel />', {}],
    [
      'Figure',
      '<Figure src="/images/partnership-structure.png" alt="Diagram of the partnership\'s structure" caption="How it works." />',
      { src: '/images/partnership-structure.png', alt: "Diagram of the partnership's structure", caption: 'How it works.' },
    ],
    [
      'Figure',
      '<Figure src="/images/a.png" alt=\'The "Signs of Safety" model\' />',
      { src: '/images/a.png', alt: 'The "Signs of Safety" model' },
    ],
    [
      'table',
      "| Service | Phone |\n| :-- | --: |\n| Children's social care | 01702 215007 |",
      { markdown: "| Service | Phone |\n| :-- | --: |\n| Children's social care | 01702 215007 |" },
    ],
    [
      'Table',
      '<Table caption="Who to call" firstCellIsHeader="true">\n| Service | Phone |\n| :-- | --: |\n| Children\'s social care | 01702 215007 |\n</Table>',
      {
        caption: 'Who to call',
        firstCellIsHeader: true,
        markdown: "| Service | Phone |\n| :-- | --: |\n| Children's social care | 01702 215007 |",
      },
    ],
    [
      'Table',
      '<Table caption=\'The "Signs of Safety" model\'>\n| Step | What happens |\n| --- | --- |\n</Table>',
      { caption: 'The "Signs of Safety" model', firstCellIsHeader: false, markdown: '| Step | What happens |\n| --- | --- |' },
    ],
    [
      'mdx',
      '<Table caption="Kept as written">\n\n| A | B |\n| --- | --- |\n\n</Table>',
      { code: '<Table caption="Kept as written">\n\n| A | B |\n| --- | --- |\n\n</Table>' },
    ],
    ['mdx', '<LastTested />', { code: '<LastTested />' }],
    ['mdx', '<Warning>\nOn its own lines.\n</Warning>', { code: '<Warning>\nOn its own lines.\n</Warning>' }],
    ['mdx', '<HelpNumbers headingLevel={3} />', { code: '<HelpNumbers headingLevel={3} />' }],
    [
      'mdx',
      '<details>\n<summary>More</summary>\n\nHidden text.\n\n</details>',
      { code: '<details>\n<summary>More</summary>\n\nHidden text.\n\n</details>' },
    ],
    ['mdx', 'export const year = 2026', { code: 'export const year = 2026' }],
    ['mdx', '{new Date().getFullYear()}', { code: '{new Date().getFullYear()}' }],
  ];
  for (const [id, source, data] of cases) {
    it(`${id}: ${source.split('\n')[0]}`, () => {
      const read = readBlock(source);
      expect(read?.component.id).toBe(id);
      expect(read?.data).toEqual(data);
      expect(component(id).toBlock(read!.data)).toBe(source);
      // Decap's tokenizer picks the same component, whatever order its map keeps them in.
      expect(decap.claim(source)).toBe(id);
    });
  }

  it('no two components claim the same block, so their order cannot matter', () => {
    for (const [, source] of cases) {
      const claims = EDITOR_COMPONENTS.filter((candidate) => candidate.pattern.exec(source)?.index === 0);
      expect(
        claims.map((claim) => claim.id),
        source,
      ).toHaveLength(1);
    }
  });

  it('writes what an editor fills in as MDX the build can read', () => {
    expect(component('Warning').toBlock({ text: 'Call 999.\nNow.' })).toBe('<Warning>Call 999. Now.</Warning>');
    expect(component('Inset').toBlock({ text: 'First.\r\n\r\nSecond.' })).toBe('<Inset>\nFirst.\n\nSecond.\n</Inset>');
    expect(component('HelpNumbers').toBlock({ title: '' })).toBe('<HelpNumbers />');
    expect(component('Figure').toBlock({ src: '/images/a.png', alt: 'A "quoted" and \'single\' word', caption: '' })).toBe(
      '<Figure src="/images/a.png" alt={`A "quoted" and \'single\' word`} />',
    );
    expect(readQuotedAttributes(' alt={`A "quoted" and \'single\' word`}')).toEqual({ alt: 'A "quoted" and \'single\' word' });
    expect(jsxAttribute('alt', 'plain')).toBe('alt="plain"');
    for (const mdx of [
      '<Warning>Call 999. Now.</Warning>',
      '<Inset>\nFirst.\n\nSecond.\n</Inset>',
      '<Figure src="/images/a.png" alt={`A "quoted" and \'single\' word`} />',
    ]) {
      expect(() => compiled(mdx), mdx).not.toThrow();
    }
  });
});

describe('a Table written in the CMS is what the build accepts and renders', () => {
  /**
   * The body compiled by Sätteri (the compiler Astro's MDX uses) and run as
   * the site runs it: th and td with their column's alignment as a class, as
   * src/components/table/Th.astro and Td.astro; Table and table given what
   * their Astro components get (their props, and the rendered table as their
   * slot) and writing what src/components/table/Table.astro and
   * ScrollTable.astro write.
   */
  function render(mdx: string): Promise<string> {
    const cell =
      (tag: 'th' | 'td'): HtmlComponent =>
      ({ style, children }) => {
        const align = alignmentClass(style);
        return `<${tag}${align ? ` class="${align}"` : ''}>${String(children)}</${tag}>`;
      };
    return mdxToHtml(mdx, {
      th: cell('th'),
      td: cell('td'),
      table: ({ children }) => contentTableHtml(`<table class="govuk-table">${String(children)}</table>`),
      Table: ({ caption, firstCellIsHeader, children }) =>
        contentTableHtml(String(children), { caption: String(caption ?? ''), firstCellIsHeader: firstCellIsHeader === 'true' }),
    });
  }

  it('with its caption, escaped, naming its scroll box, and its first column as row headings', async () => {
    const data = {
      caption: 'Calls to "social care" & <more>',
      firstCellIsHeader: true,
      markdown: "| Service | Calls |\n| :-- | --: |\n| Children's social care | 1,350 |",
    };
    const mdx = component('Table').toBlock(data);
    expect(mdx).toBe(
      '<Table caption=\'Calls to "social care" & <more>\' firstCellIsHeader="true">\n| Service | Calls |\n| :-- | --: |\n| Children\'s social care | 1,350 |\n</Table>',
    );
    const body = `Before.\n\n${mdx}\n\nAfter.`;
    // The build's checks: safe MDX, and a Table it can show.
    const { problems, tree } = parseAndCheckBody(body, { collection: 'pages' });
    expect(problems).toEqual([]);
    expect(checkTableTree(tree!)).toEqual([]);
    // What the page shows.
    const html = await render(body);
    const id = 'table-calls-to-social-care-and-more';
    expect(html).toContain(
      `<div class="sg-table-wrap" role="group" aria-labelledby="${id}" tabindex="0"><table class="govuk-table"><caption class="govuk-table__caption govuk-table__caption--s" id="${id}">Calls to "social care" &amp; &lt;more&gt;</caption>`,
    );
    expect(html).toContain('<th class="sg-align-left" scope="col">Service</th>');
    expect(html).toMatch(
      /<th class="sg-align-left" scope="row">Children(’|&#x27;|')s social care<\/th>\s*<td class="sg-align-right">1,350<\/td>/,
    );
    expect(html.match(/<table/g)).toHaveLength(1);
    // Read back into the form, it is what the editor filled in.
    expect(readBlock(mdx)?.data).toEqual(data);
  });

  it('without "First column is headings", every body cell is a data cell', async () => {
    const mdx = component('Table').toBlock({
      caption: 'Phases',
      firstCellIsHeader: false,
      markdown: '| Phase | Status |\n| --- | --- |\n| 1 | Complete |',
    });
    expect(mdx).toBe('<Table caption="Phases">\n| Phase | Status |\n| --- | --- |\n| 1 | Complete |\n</Table>');
    const html = await render(mdx);
    expect(html).toContain('<caption class="govuk-table__caption govuk-table__caption--s" id="table-phases">Phases</caption>');
    expect(html).not.toContain('scope="row"');
  });

  it('is offered in the editor\'s "+" menu, and a table without a caption is not', () => {
    expect(component('Table').label).toBe('Table');
    expect(component('Table').fields.map((field) => [field.name, field.widget, field.required])).toEqual([
      ['caption', 'string', true],
      ['firstCellIsHeader', 'boolean', false],
      ['markdown', 'text', true],
    ]);
    expect(component('table').label).toBe('Table without a caption');
  });
});

describe('a body edited in the rich text editor keeps its MDX', () => {
  it('every body in content/ comes back as the same text', () => {
    const changed = bodies()
      .filter(({ body }) => decap.roundTrip(body) !== body)
      .map(({ file }) => file);
    expect(changed).toEqual([]);
  });

  // [what, MDX, the text it comes back as when not exactly the same (MDX still reads it the same)]
  const hazards: [string, string, string?][] = [
    ['a JSX component in its own paragraph', 'Before.\n\n<Warning>Careful.</Warning>\n\nAfter.'],
    ['a component the editor has no button for', '<KnownIssues />\n\nText.'],
    ['a component with paragraphs inside', '<Inset>\n\nFirst.\n\nSecond.\n\n</Inset>', '<Inset>\nFirst.\n\nSecond.\n</Inset>'],
    ['inline JSX in a sentence', 'Call <strong>999</strong> now.'],
    ['an {expression}', 'The year is {2026}.'],
    ['ESM', 'export const year = 2026\n\nThe year is {year}.'],
    ['a table with aligned columns', '| Measure | 2019 |\n| :-- | --: |\n| Referrals | 1,350 |'],
    ['a link whose text is its address', 'See [https://www.gov.uk](https://www.gov.uk).'],
    ['escaped braces', 'Write \\{name\\} in the form.'],
    ['an escaped less-than sign', 'Children aged \\< 5.'],
    ['a tight nested list', '- One\n  - One a\n  - One b\n- Two'],
    ['a Markdown image', '![A diagram of the partnership](/images/partnership-structure.png)'],
    ['an HTML comment', '<!-- a note for editors -->\n\nText.'],
  ];
  for (const [what, mdx, canonical] of hazards) {
    it(`keeps ${what}`, () => {
      const back = decap.roundTrip(mdx);
      expect(back).toBe(canonical ?? mdx);
      if (!mdx.includes('<!--')) expect(compiled(back)).toBe(compiled(mdx));
    });
  }

  it("would have lost them without the project's components and plugin (why they exist)", () => {
    const lost = hazards
      .filter(([, mdx]) => {
        const back = decap.roundTrip(mdx, { project: false });
        if (mdx.includes('<!--')) return back !== mdx;
        try {
          return compiled(back) !== compiled(mdx);
        } catch {
          return true;
        }
      })
      .map(([what]) => what);
    expect(lost).toEqual(
      expect.arrayContaining(['a table with aligned columns', 'a link whose text is its address', 'escaped braces', 'a tight nested list']),
    );
  });

  it('changes only what the reader cannot see, such as a bullet, when it changes the text', () => {
    const mdx = '* One\n* Two\n\n_Italic_ and __bold__.';
    const back = decap.roundTrip(mdx);
    expect(back).toBe('- One\n- Two\n\n*Italic* and **bold**.');
    expect(compiled(back)).toBe(compiled(mdx));
  });
});

describe('tight lists stay tight', () => {
  it('marks an item of one paragraph (and a list) tight, and leaves an item of paragraphs alone', () => {
    const tree = {
      type: 'root',
      children: [
        {
          type: 'list',
          children: [
            { type: 'listItem', children: [{ type: 'paragraph' }, { type: 'list', children: [] }] },
            { type: 'listItem', children: [{ type: 'paragraph' }, { type: 'paragraph' }] },
          ],
        },
      ],
    };
    tightenLists(tree);
    const items = tree.children[0]!.children as { spread?: boolean }[];
    expect(items[0]!.spread).toBe(false);
    expect(items[1]!.spread).toBeUndefined();
  });
});
