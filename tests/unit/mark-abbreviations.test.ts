import { describe, expect, it } from 'vitest';
import { glossaryAbbreviation, type Abbreviation } from '../../src/content/abbreviations';
import { markAbbreviations, newPageAbbreviations, noteExplainedIn, takeBodyTurn } from '../../src/html/mark-abbreviations';

const GLOSSARY: Abbreviation[] = [
  glossaryAbbreviation('mash', {
    term: 'MASH+',
    expansion: 'Multi-Agency Safeguarding Hub',
    aliases: ['MASH'],
    otherExpansions: ['Multi Agency Safeguarding Hub'],
  }),
  glossaryAbbreviation('lado', { term: 'LADO', expansion: 'Local Authority Designated Officer' }),
  glossaryAbbreviation('cafcass', {
    term: 'CAFCASS',
    expansion: 'Children and Family Court Advisory and Support Service',
    aliases: ['Cafcass'],
  }),
  glossaryAbbreviation('nhs', { term: 'NHS', expansion: 'National Health Service', wellKnown: true }),
];

const link = (id: string, written: string) =>
  `<a class="govuk-link sg-glossary-link" href="/glossary/#${id}"><abbr class="sg-abbr">${written}</abbr></a>`;
const mark = (html: string, glossary = GLOSSARY) => markAbbreviations(html, glossary, newPageAbbreviations());

describe('marking abbreviations in a body', () => {
  it('writes out the first use, marks it as <abbr> and links it to the glossary; later uses stay plain', () => {
    expect(mark('<p>Ask the LADO. The LADO will call back.</p>')).toBe(
      `<p>Ask the Local Authority Designated Officer (${link('lado', 'LADO')}). The LADO will call back.</p>`,
    );
  });

  it('counts the first use per page, across every body the page shows, in order', () => {
    const page = newPageAbbreviations();
    expect(markAbbreviations('<p>The LADO.</p>', GLOSSARY, page)).toContain(link('lado', 'LADO'));
    expect(markAbbreviations('<p>The LADO and the MASH+.</p>', GLOSSARY, page)).toBe(
      `<p>The LADO and the Multi-Agency Safeguarding Hub (${link('mash', 'MASH+')}).</p>`,
    );
    // Another page starts again.
    expect(mark('<p>The LADO.</p>')).toContain('Local Authority Designated Officer (');
  });

  it('adds only the <abbr> and the link where the author already wrote it out, in any of its ways, before or after', () => {
    expect(mark('<p>The Local Authority Designated Officer (LADO) said.</p>')).toBe(
      `<p>The Local Authority Designated Officer (${link('lado', 'LADO')}) said.</p>`,
    );
    expect(mark('<p>The Multi Agency Safeguarding Hub (MASH) met.</p>')).toBe(
      `<p>The Multi Agency Safeguarding Hub (${link('mash', 'MASH')}) met.</p>`,
    );
    expect(mark('<p>The LADO (Local Authority Designated Officer) said.</p>')).toBe(
      `<p>The ${link('lado', 'LADO')} (Local Authority Designated Officer) said.</p>`,
    );
    // Written out across inline markup.
    expect(mark('<p>The <strong>Local Authority Designated Officer</strong> (LADO) said.</p>')).toBe(
      `<p>The <strong>Local Authority Designated Officer</strong> (${link('lado', 'LADO')}) said.</p>`,
    );
  });

  it('finds other spellings, as written, and tells MASH+ from MASH and both from longer words', () => {
    expect(mark('<p>Cafcass attended.</p>')).toBe(
      `<p>Children and Family Court Advisory and Support Service (${link('cafcass', 'Cafcass')}) attended.</p>`,
    );
    expect(mark('<p>The MASH+ team, then MASH.</p>')).toBe(
      `<p>The Multi-Agency Safeguarding Hub (${link('mash', 'MASH+')}) team, then MASH.</p>`,
    );
    expect(mark('<p>The MASH team, then MASH+.</p>')).toBe(
      `<p>The Multi-Agency Safeguarding Hub (${link('mash', 'MASH')}) team, then MASH+.</p>`,
    );
    expect(mark('<p>MASHED, LADOS, lado, sspa@LADO.example</p>')).toBe('<p>MASHED, LADOS, lado, sspa@LADO.example</p>');
  });

  it('leaves abbreviations everyone knows as they are', () => {
    expect(mark('<p>Ask the NHS.</p>')).toBe('<p>Ask the NHS.</p>');
  });

  it('inside a link, writes it out and marks it, but adds no second link', () => {
    expect(mark('<p><a href="/lado/">Contact the LADO</a> today. The LADO helps.</p>')).toBe(
      '<p><a href="/lado/">Contact the Local Authority Designated Officer (<abbr class="sg-abbr">LADO</abbr>)</a> today. The LADO helps.</p>',
    );
  });

  it('in a heading, writes it out and marks it, with no link', () => {
    expect(mark('<h2 id="the-lado">The LADO</h2><p>The LADO helps.</p>')).toBe(
      '<h2 id="the-lado">The Local Authority Designated Officer (<abbr class="sg-abbr">LADO</abbr>)</h2><p>The LADO helps.</p>',
    );
  });

  it("never changes code, preformatted text, scripts, styles, SVG or attribute values; an author's <abbr> counts as the first use", () => {
    const untouched = [
      '<p><code>LADO</code></p>',
      '<pre>MASH+</pre>',
      '<script>const LADO = 1;</script>',
      '<style>.LADO{}</style>',
      '<svg><title>LADO</title><text>LADO</text></svg>',
      '<p title="the LADO" data-x="MASH"><img alt="LADO chart" src="/LADO.png"></p>',
      '<!-- LADO --><p>x</p>',
    ];
    for (const html of untouched) expect(mark(html), html).toBe(html);
    expect(mark('<p><code>LADO</code> then the LADO</p>')).toBe(
      `<p><code>LADO</code> then the Local Authority Designated Officer (${link('lado', 'LADO')})</p>`,
    );
    expect(mark('<p><abbr title="Local Authority Designated Officer">LADO</abbr>, then the LADO</p>')).toBe(
      '<p><abbr title="Local Authority Designated Officer">LADO</abbr>, then the LADO</p>',
    );
  });

  it('keeps the text around it as it was, escaped', () => {
    expect(mark('<p>Tom &amp; Jerry&#39;s &lt;LADO&gt; here</p>')).toBe(
      `<p>Tom &amp; Jerry&#39;s &lt;Local Authority Designated Officer (${link('lado', 'LADO')})&gt; here</p>`,
    );
  });

  it('escapes everything it takes from the glossary', () => {
    const hostile = [
      glossaryAbbreviation('x" onmouseover="alert(1)', { term: 'ZZZ', expansion: '<script>alert("x")</script> & <b>bold</b>' }),
    ];
    const out = mark('<p>The ZZZ.</p>', hostile);
    expect(out).toBe(
      '<p>The &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt; (<a class="govuk-link sg-glossary-link" href="/glossary/#x&quot; onmouseover=&quot;alert(1)"><abbr class="sg-abbr">ZZZ</abbr></a>).</p>',
    );
    expect(out).not.toContain('<script>');
  });
});

describe('text shown above a body', () => {
  it('counts an abbreviation a summary writes out: the body then leaves it plain', () => {
    const page = newPageAbbreviations();
    noteExplainedIn(['The Local Authority Designated Officer (LADO) manages allegations.', 'The MASH+ met.'], GLOSSARY, page);
    expect([...page.seen]).toEqual(['lado']);
    // MASH+ was used above without being written out: the body still writes it out at its first use.
    expect(markAbbreviations('<p>The LADO and the MASH+.</p>', GLOSSARY, page)).toBe(
      `<p>The LADO and the Multi-Agency Safeguarding Hub (${link('mash', 'MASH+')}).</p>`,
    );
  });
});

describe("a page's bodies", () => {
  it('are marked in the order their turns were taken, whichever is rendered first', async () => {
    const locals = {};
    const first = takeBodyTurn(locals);
    const second = takeBodyTurn(locals);
    // The second body is ready first, but waits for the first.
    const secondDone = second.mark('<p>The LADO, again.</p>', GLOSSARY);
    const firstDone = first.mark('<p>The LADO.</p>', GLOSSARY);
    expect(await firstDone).toBe(`<p>The Local Authority Designated Officer (${link('lado', 'LADO')}).</p>`);
    expect(await secondDone).toBe('<p>The LADO, again.</p>');
    // Another page (another Astro.locals) starts again.
    expect(await takeBodyTurn({}).mark('<p>The LADO.</p>', GLOSSARY)).toContain('Local Authority Designated Officer (');
  });
});
