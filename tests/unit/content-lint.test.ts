import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { altTextProblem, formatFindings, isFileNameLike, lintBody, lintContent, lintEntry, linkTextProblem } from '../../src/content/lint';
import { fixtureFolder } from '../support/fixture-folder';
import { siteToday } from '../../src/rules/dates';
import { parseBody } from '../../src/content/safety';

const file = 'content/pages/example.mdx';
const lint = (body: string, bodyLine = 5) => lintBody(body, { file, bodyLine });
const rules = (body: string) => lint(body).map((finding) => finding.rule);

/**
 * A line of the partnership's arrangements, "Working Together 2018 -
 * Safeguarding Southend" (June 2019), exactly as the old website had it. That
 * document is not in this repository: the test that checks the line against
 * it reads the project's source documents (/work/shared/seeds, file 002_...)
 * where they are, and is skipped anywhere else.
 */
const SEED_002_LINE = 'We recommend reading the full WT 2018 guidance. It is available on the GOV.UK website ([click here](#))';

describe('link text', () => {
  it('catches the "click here" link in the 2019 arrangements, exactly as written there', () => {
    const findings = lint(`## Working Together 2018\n\n${SEED_002_LINE}\n`);
    expect(findings.map((finding) => [finding.rule, finding.line])).toEqual([
      ['link-text', 7],
      ['link-empty-target', 7],
    ]);
    expect(findings[0]!.message).toContain('the link text "click here" does not say where the link goes');
    expect(findings[1]!.message).toContain('does not go anywhere');
  });
  it.skipIf(!existsSync('/work/shared/seeds'))(
    'uses the text that really is in the 2019 arrangements (a source document outside the repository)',
    () => {
      const seed = readdirSync('/work/shared/seeds').find((name) => name.startsWith('002_'))!;
      expect(readFileSync(join('/work/shared/seeds', seed), 'utf8')).toContain(SEED_002_LINE);
    },
  );
  it('rejects vague text whatever its case and punctuation', () => {
    for (const text of ['Click here', 'here', 'HERE.', 'Read more', 'read more…', '*more*', 'this link', 'Learn more']) {
      expect(linkTextProblem(text), text).toMatchObject({ rule: 'link-text' });
    }
  });
  it('accepts text that says where the link goes', () => {
    for (const text of [
      'Working Together 2018 on GOV.UK',
      'threshold document',
      'SSPA@southend.gov.uk',
      '01702 534706',
      'read the guidance on sharing information',
    ]) {
      expect(linkTextProblem(text), text).toBeNull();
    }
  });
  it('rejects a web address as link text, in a link, in <...> and written bare', () => {
    expect(rules('See [https://www.gov.uk/guidance](https://www.gov.uk/guidance).')).toEqual(['link-bare-url']);
    expect(rules('The guidance is at https://www.gov.uk/guidance.')).toEqual(['link-bare-url']);
    expect(rules('The guidance is at www.gov.uk/guidance')).toEqual(['link-bare-url']);
    expect(lint('Go to https://www.gov.uk/guidance')[0]!.message).toContain('"https://www.gov.uk/guidance"');
  });
  it('leaves an address in <...> to the content check: it is not MDX, so the build refuses it, naming the line', () => {
    // The regular expressions read <https://...> as a link; MDX (the parser that compiles the page) cannot read it at all.
    expect(rules('See <https://www.gov.uk/guidance>.')).toEqual([]);
    const findings = lintEntry(
      { collection: 'pages', file, body: 'Intro\n\nSee <https://www.gov.uk/guidance>.\n', bodyLine: 5, data: {}, text: '' },
      '2026-06-01',
    );
    expect(findings).toEqual([]);
    const root = fixtureFolder(
      { 'content/pages/guidance.mdx': '---\ntitle: Guidance\ndescription: d\n---\n\nSee <https://www.gov.uk/guidance>.\n' },
      'sg-lint-',
    );
    expect(lintContent(root, '2026-06-01').map((finding) => [finding.rule, finding.line])).toEqual([['unsafe-content', 6]]);
  });
  it('checks links written as HTML and reference links', () => {
    expect(rules('<a href="/about/">here</a>')).toEqual(['link-text']);
    expect(rules('Read [more][wt].\n\n[wt]: https://www.gov.uk/')).toEqual(['link-text']);
    expect(rules('Read [Working Together][wt].\n\n[wt]: https://www.gov.uk/')).toEqual([]);
  });
  it('rejects empty link text and a file name as link text', () => {
    expect(rules('[](/about/)')).toEqual(['link-text']);
    expect(rules('[annual-report_2019.pdf](/documents/a.pdf)')).toEqual(['link-text']);
  });
  it('leaves links in code alone', () => {
    expect(rules('Write `[click here](#)` and never do that.\n\n```\n[click here](#)\nhttps://example.org\n```')).toEqual([]);
  });
  it('does not mistake an attribute or a good link for a bare address', () => {
    expect(rules('<a href="https://www.gov.uk/">GOV.UK</a> and [NSPCC](https://www.nspcc.org.uk/)')).toEqual([]);
  });
});

describe('headings', () => {
  it('allows headings that go down one level at a time and back up any number', () => {
    expect(rules('## A\n\n### B\n\n#### C\n\n## D\n\n### E')).toEqual([]);
  });
  it('reports a level 1 heading in a body, since the page title is the level 1 heading', () => {
    const [finding] = lint('Intro\n\n# Our work\n');
    expect(finding).toMatchObject({ rule: 'heading-level-1', line: 7, severity: 'error' });
    expect(finding!.message).toContain('Make it a level 2 heading ("## Our work")');
  });
  it('reports a skipped level, from the title and between headings', () => {
    expect(lint('### Too deep')[0]).toMatchObject({ rule: 'heading-skips-level', line: 5 });
    expect(lint('### Too deep')[0]!.message).toContain('the heading before it is level 1 (the page title), so level 2 is skipped');
    expect(lint('## A\n\n#### B')[0]).toMatchObject({ rule: 'heading-skips-level', line: 7 });
  });
  it('sees underlined headings and HTML headings', () => {
    expect(rules('Title\n=====')).toEqual(['heading-level-1']);
    expect(rules('## A\n\nSection\n-------\n')).toEqual([]);
    expect(rules('<h4>Deep</h4>')).toEqual(['heading-skips-level']);
    expect(rules('<h1 class="x">Twice</h1>')).toEqual(['heading-level-1']);
  });
  it('is not fooled by a hash in code or a list item followed by a line of dashes', () => {
    expect(rules('```sh\n# a comment\n```\n- item\n---')).toEqual([]);
  });
  it('reports an empty heading', () => {
    expect(rules('##')).toEqual(['heading-empty']);
  });
});

describe('images', () => {
  it('reports empty, missing, file-name and generic alternative text', () => {
    expect(altTextProblem('')).toContain('empty alternative text');
    expect(altTextProblem(null)).toContain('no alternative text');
    expect(altTextProblem('IMG_2041.JPG')).toContain('is a file name');
    expect(altTextProblem('team-photo.png')).toContain('is a file name');
    expect(altTextProblem('DSC01234')).toContain('is a file name');
    expect(altTextProblem('Image')).toContain('only says it is an image');
    expect(altTextProblem('Partnership members at the 2019 conference')).toBeNull();
  });
  it('finds images in Markdown and HTML', () => {
    expect(
      rules(
        '![](/images/a.png)\n\n![chart_final.png](/images/b.png)\n\n<img src="/c.png" />\n\n<img src="/d.png" alt="A map of Southend" />',
      ),
    ).toEqual(['image-alt', 'image-alt', 'image-alt']);
  });
  it('checks the alternative text of a <Figure>, over several lines too', () => {
    expect(rules('<Figure src="/images/a.png" alt="IMG_0042.png" />')).toEqual(['image-alt']);
    expect(lint('Intro\n\n<Figure\n  src="/images/a.png"\n  alt=""\n/>')[0]).toMatchObject({ rule: 'image-alt', line: 7 });
    expect(
      rules(
        '<Figure src="/images/structure.png" alt="The partnership\'s structure: three partners and their groups" caption="How we work" />',
      ),
    ).toEqual([]);
  });
  it('knows what a file name looks like', () => {
    expect(isFileNameLike('report_final_v2')).toBe(true);
    expect(isFileNameLike('Screenshot 2026-01-01 at 10.00.00')).toBe(true);
    expect(isFileNameLike('Annual report 2019 to 2020')).toBe(false);
    expect(isFileNameLike('COVID-19')).toBe(false);
  });
});

describe('tables', () => {
  const captioned = (table: string) => `<Table caption="National helplines" firstCellIsHeader="true">\n${table}\n</Table>`;
  it('accepts a table with a header row and a caption', () => {
    expect(rules(captioned('| Helpline | Number |\n| --- | --- |\n| NSPCC | 0808 800 5000 |'))).toEqual([]);
  });
  it('warns about a table without a caption, at its first line, and says how to give it one', () => {
    const findings = lint('Text\n\n| Helpline | Number |\n| --- | --- |\n| NSPCC | 0808 800 5000 |');
    expect(findings.map((finding) => [finding.rule, finding.severity, finding.line])).toEqual([['table-caption', 'warning', 7]]);
    expect(findings[0]!.message).toContain('this table has no caption');
    expect(findings[0]!.message).toContain('<Table caption="...">');
  });
  it('warns only about the table outside a Table, when a body has both', () => {
    const body = `${captioned('| A | B |\n| --- | --- |\n| 1 | 2 |')}\n\nText.\n\n| C | D |\n| --- | --- |\n| 3 | 4 |`;
    expect(lint(body).map((finding) => [finding.rule, finding.line])).toEqual([['table-caption', 13]]);
  });
  it('reports a Markdown table whose first row is empty', () => {
    const [finding] = lint(captioned('|  |  |\n| --- | --- |\n| NSPCC | 0808 800 5000 |'));
    expect(finding).toMatchObject({ rule: 'table-header', line: 6 });
  });
  it('reports an HTML table without header cells', () => {
    expect(rules('<table>\n<tr><td>NSPCC</td><td>0808 800 5000</td></tr>\n</table>')).toEqual(['table-header']);
    expect(rules('<table>\n<tr><th>Helpline</th></tr>\n<tr><td>NSPCC</td></tr>\n</table>')).toEqual([]);
  });
});

describe('documents, bulletin links and procedures', () => {
  const review = (documents: string) => ({
    collection: 'reviews' as const,
    file: 'content/reviews/child-x.mdx',
    body: '',
    bodyLine: 12,
    data: {},
    text: `---\ntitle: Child X\ntype: Learning Review\npublished: 2026-01-10\nsummary: s\ndocuments:\n${documents}---\n`,
  });
  it('wants a title that is not a file name, and an accessible alternative, naming the line', () => {
    const entry = review(
      '  - title: report.pdf\n    file: report.pdf\n  - title: Learning briefing\n    file: briefing.pdf\n    accessibleAlternative: The briefing on this page.\n',
    );
    entry.data = {
      documents: [
        { title: 'report.pdf', file: 'report.pdf' },
        { title: 'Learning briefing', file: 'briefing.pdf', accessibleAlternative: 'The briefing on this page.' },
      ],
    };
    const findings = lintEntry(entry, '2026-06-01');
    expect(findings.map((finding) => [finding.rule, finding.line])).toEqual([
      ['document-title', 8],
      ['document-alternative', 8],
    ]);
    expect(findings[1]!.message).toContain('Fill in "Accessible alternative"');
  });
  it('reports a document without a title', () => {
    const entry = review('  - title: ""\n    file: report.pdf\n    accessibleAlternative: Email us.\n');
    entry.data = { documents: [{ title: '', file: 'report.pdf', accessibleAlternative: 'Email us.' }] };
    expect(lintEntry(entry, '2026-06-01')).toMatchObject([{ rule: 'document-title', line: 8 }]);
  });
  it("checks the link text of a bulletin's links", () => {
    const findings = lintEntry(
      {
        collection: 'bulletins',
        file: 'content/bulletins/b.mdx',
        body: '',
        bodyLine: 12,
        data: {
          links: [
            { title: 'Guidance for schools', url: 'https://www.gov.uk/a' },
            { title: 'Click here', url: 'https://www.gov.uk/b' },
          ],
        },
        text: '---\nnumber: 1\nlinks:\n  - title: Guidance for schools\n    url: https://www.gov.uk/a\n  - title: Click here\n    url: https://www.gov.uk/b\n---\n',
      },
      '2026-06-01',
    );
    expect(findings).toMatchObject([{ rule: 'link-text', line: 7 }]);
  });
  it('lists a procedure past its review date as a warning, not an error', () => {
    const procedure = (reviewDue: string) => ({
      collection: 'procedures' as const,
      file: 'content/procedures/p.mdx',
      body: '## About\n',
      bodyLine: 9,
      data: { title: 'Rapid review', reviewDue },
      text: `---\ntitle: Rapid review\nsummary: s\naudience: children\ncategory: c\nlastReviewed: 2019-06-30\nreviewDue: ${reviewDue}\n---\n## About\n`,
    });
    const [finding] = lintEntry(procedure('2020-06-30'), '2026-11-25');
    expect(finding).toMatchObject({ severity: 'warning', rule: 'procedure-review-due', line: 7 });
    expect(finding!.message).toContain('"Rapid review" was due for review on 30 June 2020');
    expect(lintEntry(procedure('2026-11-25'), '2026-11-25')).toEqual([]);
  });
});

describe('read as the compiler reads it (the MDX syntax tree), where line-by-line patterns read it wrongly', () => {
  it('sees a heading indented inside a list item, as the page shows it', () => {
    // MDX has no indented code: four spaces in a list item are the item's heading.
    expect(lint('1. Make a referral\n\n    ### What happens next').map((finding) => [finding.rule, finding.line])).toEqual([
      ['heading-skips-level', 7],
    ]);
  });
  it('reads no link in a code span that runs over two lines', () => {
    expect(rules('Write `a link such as\n[click here](#)` and never that.')).toEqual([]);
  });
  it("checks an image inside a link, and the link whose only words are the image's empty alternative text", () => {
    expect(rules('[![](/images/logo.png)](/about/)')).toEqual(['link-text', 'image-alt']);
    expect(rules("[![The partnership's logo](/images/logo.png)](/about/)")).toEqual([]);
  });
  it('reads alternative text as a screen reader gets it: brackets kept, however deep, and escapes undone', () => {
    expect(rules('![Chart [2019 [draft]] of referrals by age](/images/a.png) and [the [2019] report](/reports/2019/)')).toEqual([]);
    expect(lint('![IMG\\_2041.JPG](/images/a.png)')[0]!.message).toContain('the alternative text "IMG_2041.JPG" is a file name');
    expect(lint('[click \\[here\\]](#)').map((finding) => finding.message)).toContain(
      'the link "click [here]" does not go anywhere (its address is "#"). Add the full address of the page it should open, or remove the link.',
    );
  });
  it("reads an HTML heading's words, not its attributes", () => {
    const [finding] = lint('<h1 title="a > b">Twice</h1>');
    expect(finding).toMatchObject({ rule: 'heading-level-1' });
    expect(finding!.message).toContain('"# Twice" is a level 1 heading');
  });
  it('sees a heading inside a component, and none in a comment', () => {
    expect(rules('## A\n\n<Inset>\n#### Too deep\n</Inset>')).toEqual(['heading-skips-level']);
    expect(rules('## A\n\n{/* #### not shown */}')).toEqual([]);
  });
  it('finds no link in a reference with no definition: the page shows its brackets as text', () => {
    expect(rules('Read [more][wt].')).toEqual([]);
  });
  it('lints the syntax tree the content check parsed, when it is given one', () => {
    const body = '## A\n';
    const tree = parseBody(`\n\n\n\n#### Deep\n`);
    expect(
      lintEntry({ collection: 'pages', file, body, bodyLine: 5, data: {}, text: '' }, '2026-06-01', { bodyIsSafe: true, tree }),
    ).toMatchObject([{ rule: 'heading-skips-level', line: 5 }]);
  });
});

describe('the report for editors', () => {
  it('names file and line, errors before warnings, and says what stops publishing', () => {
    const text = formatFindings([
      { file: 'content/procedures/p.mdx', line: 7, severity: 'warning', rule: 'procedure-review-due', message: 'was due for review.' },
      {
        file: 'content/pages/a.mdx',
        line: 12,
        severity: 'error',
        rule: 'link-text',
        message: 'the link text "here" does not say where the link goes.',
      },
    ]);
    expect(text).toContain('Content check: 1 error, 1 warning.');
    expect(text).toContain('content/pages/a.mdx, line 12: the link text "here"');
    expect(text.indexOf('Errors:')).toBeLessThan(text.indexOf('Warnings:'));
  });
});

describe('linting a content folder', () => {
  const fixture = (files: Record<string, string>) => fixtureFolder(files, 'sg-lint-');
  it('fails a page with a "click here" link, naming the file and the line in the file', () => {
    const root = fixture({
      'content/pages/guidance.mdx': `---\ntitle: Guidance\ndescription: d\n---\n\n## Working Together\n\n${SEED_002_LINE}\n`,
    });
    const findings = lintContent(root, '2026-11-25');
    expect(
      findings.filter((finding) => finding.severity === 'error').map((finding) => `${finding.file}:${finding.line}:${finding.rule}`),
    ).toEqual(['content/pages/guidance.mdx:8:link-text', 'content/pages/guidance.mdx:8:link-empty-target']);
  });
  it('lists every upload no entry names: replaced in its entry, or left by a deleted entry, with the path and what to do', () => {
    const review = (slug: string, file: string) =>
      `---\ntitle: ${slug}\ntype: Learning Review\npublished: 2026-01-10\nsummary: s\ndocuments:\n  - title: Report\n    file: ${file}\n    accessibleAlternative: The summary on this page.\n---\n`;
    const root = fixture({
      'content/reviews/adult-e.mdx': review('Adult E', 'adult-e-report.pdf'),
      'content/reviews/adult-e/adult-e-report.pdf': 'used',
      'content/reviews/adult-e/adult-e-old-report.pdf': 'replaced',
      'content/reviews/adult-e/.DS_Store': 'hidden: not an upload',
      'content/reviews/child-z/child-z-report.pdf': 'its entry was deleted',
      'content/reports/annual-2019/annual-report.pdf': 'its entry was deleted',
    });
    const unused = lintContent(root, '2026-11-25').filter((finding) => finding.rule === 'document-unused');
    expect(unused.map((finding) => [finding.file, finding.severity])).toEqual([
      ['content/reports/annual-2019/annual-report.pdf', 'warning'],
      ['content/reviews/adult-e/adult-e-old-report.pdf', 'warning'],
      ['content/reviews/child-z/child-z-report.pdf', 'warning'],
    ]);
    expect(unused[1]!.message).toContain('in the document folder of content/reviews/adult-e.mdx, but that entry does not name it');
    expect(unused[2]!.message).toContain('there is no entry content/reviews/child-z.mdx any more');
    for (const finding of unused) expect(finding.message).toMatch(/move it to the records store first; then delete it/);
    // Only an upload: the entry's own document, and entries' files, are not listed.
    expect(formatFindings(unused)).not.toContain('adult-e-report.pdf:');
  });
  it("the partnership's own content has no errors (warnings are listed)", () => {
    const findings = lintContent(process.cwd(), siteToday());
    const errors = findings.filter((finding) => finding.severity === 'error');
    const warnings = findings.filter((finding) => finding.severity === 'warning');
    if (warnings.length > 0) console.log(formatFindings(warnings));
    expect(errors, formatFindings(errors)).toEqual([]);
  });
});
