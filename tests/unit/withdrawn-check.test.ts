import { rmSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import {
  SentenceFinder,
  findRuleProblems,
  formatRuleProblems,
  normaliseText,
  reviewMarks,
  reviewSentences,
  type ReviewMarks,
} from '../../src/rules/withdrawn-check';
import { fixtureFolder } from '../support/fixture-folder';
import { createHash } from 'node:crypto';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

const PDF = '%PDF-1.4 the withdrawn report';
const GONE_TEXT = 'Adult Q’s carers did not share what they saw with each other.';
const gone: ReviewMarks = {
  slug: 'adult-q',
  file: 'content/reviews/adult-q.mdx',
  name: 'Safeguarding Adults Review Adult Q',
  state: 'withdrawn',
  sentences: reviewSentences('', GONE_TEXT),
  documents: [
    {
      name: 'adult-q-report.pdf',
      href: '/documents/reviews/adult-q/adult-q-report.pdf',
      bytes: PDF.length,
      sha256: createHash('sha256').update(PDF).digest('hex'),
    },
  ],
  shareImageKey: 'aaaaaaaaaaaaaaaaaaaa',
};
const shown: ReviewMarks = {
  slug: 'child-p',
  file: 'content/reviews/child-p.mdx',
  name: 'Child Safeguarding Practice Review Child P',
  state: 'public',
  sentences: reviewSentences('Child P went missing from school many times that year.', ''),
  documents: [{ name: 'child-p-report.pdf', href: '/documents/reviews/child-p/child-p-report.pdf', bytes: 3, sha256: 'x' }],
  shareImageKey: 'bbbbbbbbbbbbbbbbbbbb',
};

/** The report names the review first (`heading`), then, on one of the lines under it, a problem matching `expected`. */
function expectReported(problems: ReturnType<typeof findRuleProblems>, heading: string, expected: RegExp): void {
  const [first, ...rest] = formatRuleProblems(problems).split('\n');
  expect(first).toBe(heading);
  expect(rest.map((line) => line.trim())).toContainEqual(expect.stringMatching(expected));
}

const page = (body: string, head = '') =>
  `<!DOCTYPE html><html><head>${head}<meta property="og:image" content="https://example.org/share-images/bbbbbbbbbbbbbbbbbbbb.png"></head><body>${body}</body></html>`;
/** A site that keeps the rule: Child P public in full, Adult Q as its short noindex page. */
const CLEAN: Record<string, string> = {
  'index.html': page('<p>Welcome</p>'),
  'reviews/child-p/index.html': page('<p>Child P went missing from <a href="/x/">school</a> many times that&nbsp;year.</p>'),
  'reviews/adult-q/index.html': page(
    '<p>Safeguarding Adults Review Adult Q is no longer on this website; it is available on request.</p>',
    '<meta name="robots" content="noindex">',
  ),
  'documents/reviews/child-p/child-p-report.pdf': 'pdf',
  'share-images/bbbbbbbbbbbbbbbbbbbb.png': 'png',
  'reviews/rss.xml': '<rss><channel><item><link>https://example.org/reviews/child-p/</link></item></channel></rss>',
  'sitemap-0.xml': '<urlset><url><loc>https://example.org/reviews/child-p/</loc></url><url><loc>https://example.org/</loc></url></urlset>',
};

function site(extra: Record<string, string> = {}, without: string[] = []): string {
  const files = { ...CLEAN, ...extra };
  for (const path of without) delete files[path];
  const root = fixtureFolder(files, 'sg-rule-');
  folders.push(root);
  return root;
}

function pagefindFragment(url: string, content: string): Buffer {
  return gzipSync(
    Buffer.from(`pagefind_dcd${JSON.stringify({ url, content, word_count: 9, filters: {}, meta: { title: 'x' }, anchors: [] })}`),
  );
}

describe('text compared as words', () => {
  it('reads the same sentence the same in MDX, HTML, XML and JSON', () => {
    const words = 'adult qs carers did not share what they saw with each other';
    expect(normaliseText("Adult Q's carers did not share what they saw with each other.")).toBe(words);
    expect(normaliseText('<li>Adult Q&#39;s <strong>carers</strong> did not share what they saw with each&nbsp;other.</li>')).toBe(words);
    expect(normaliseText('"content":"Adult Q\\u2019s carers did not share what they saw with each other."')).toBe(`content ${words}`);
    expect(normaliseText('Adult Q&rsquo;s carers&mdash;all')).toBe('adult qs carers all');
  });

  it('takes sentences of 6 words or more from the summary and the body, without list marks or headings', () => {
    const sentences = reviewSentences(
      'First sentence of the summary is here. Short one.',
      '## What happened\n\n- A bullet point with enough words in it.\n- Two words.\n\n<Inset>An inset sentence, with [a link](/x/) in it, counts.</Inset>\n',
    );
    expect(sentences).toEqual([
      'first sentence of the summary is here',
      'a bullet point with enough words in it',
      'an inset sentence with a link in it counts',
    ]);
  });
});

describe('finding sentences in one pass', () => {
  const padded = (text: string, sentence: string) => ` ${text} `.includes(` ${sentence} `);

  it('finds a sentence only as whole words, at the start, the middle or the end of the text', () => {
    const finder = new SentenceFinder(['the carers did not share', 'share what they saw', 'each other', 'they saw with']);
    expect([...finder.foundIn('the carers did not share what they saw with each other')].sort()).toEqual([
      'each other',
      'share what they saw',
      'the carers did not share',
      'they saw with',
    ]);
    expect([...finder.foundIn('bathe carers did not share')]).toEqual([]);
    expect([...finder.foundIn('the carers did not shared')]).toEqual([]);
    expect([...finder.foundIn('each others')]).toEqual([]);
    expect([...finder.foundIn('')]).toEqual([]);
  });

  it('gives the same answer as looking for each sentence in the whole text', () => {
    const words = ['a', 'ab', 'b', 'ba', 'c', 'abc'];
    let seed = 7;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const phrase = (length: number) => Array.from({ length }, () => words[Math.floor(next() * words.length)]!).join(' ');
    for (let round = 0; round < 200; round += 1) {
      const sentences = Array.from({ length: 6 }, () => phrase(1 + Math.floor(next() * 3)));
      const text = phrase(Math.floor(next() * 30));
      const found = new SentenceFinder(sentences).foundIn(text);
      for (const sentence of sentences) expect(found.has(sentence), `${sentence} in ${text}`).toBe(padded(text, sentence));
    }
  });
});

describe('the rule check on a built folder', () => {
  it('passes a folder that keeps the rule', () => {
    expect(findRuleProblems(site(), [gone, shown])).toEqual([]);
  });

  const leaks: [string, Record<string, string | Buffer>, RegExp][] = [
    [
      'its text on its short page',
      { 'reviews/adult-q/index.html': page(`<p>${GONE_TEXT}</p>`, '<meta name="robots" content="noindex">') },
      /^reviews\/adult-q\/index\.html: a page holds its text: "adult qs carers/,
    ],
    [
      'its text on another page',
      { 'bulletins/one/index.html': page(`<p>Adult Q&#x2019;s carers did not share what they <em>saw</em> with each other</p>`) },
      /^bulletins\/one\/index\.html: a page holds its text/,
    ],
    ['its text in a script', { '_astro/search.js': `const x="${GONE_TEXT}";` }, /^_astro\/search\.js: a file holds its text/],
    [
      'a document under its folder',
      { 'documents/reviews/adult-q/adult-q-report.pdf': PDF },
      /^documents\/reviews\/adult-q\/adult-q-report\.pdf: a document of the review is in the built site/,
    ],
    ['a copy of its document elsewhere', { 'files/report.pdf': PDF }, /^files\/report\.pdf: a copy of its document adult-q-report\.pdf/],
    [
      'a link to its document',
      { 'reviews/index.html': page('<a href="/documents/reviews/adult-q/adult-q-report.pdf">Report</a>') },
      /^reviews\/index\.html: a page links to its document/,
    ],
    [
      'its share image',
      {
        'share-images/aaaaaaaaaaaaaaaaaaaa.png': 'png',
        'reviews/adult-q/index.html': page(
          '',
          '<meta name="robots" content="noindex"><meta property="og:image" content="https://example.org/share-images/aaaaaaaaaaaaaaaaaaaa.png">',
        ),
      },
      /^share-images\/aaaaaaaaaaaaaaaaaaaa\.png: the share image of its full page/,
    ],
    [
      'a feed item',
      {
        'reviews/rss.xml':
          '<rss><channel><item><title>Adult Q</title><link>https://example.org/reviews/adult-q/</link></item></channel></rss>',
      },
      /^reviews\/rss\.xml: a feed holds an item for it \(\/reviews\/adult-q\/\)/,
    ],
    [
      'a sitemap entry',
      { 'sitemap-0.xml': '<urlset><url><loc>https://example.org/reviews/adult-q/</loc></url></urlset>' },
      /^sitemap-0\.xml: the sitemap holds an entry for it/,
    ],
    [
      'a search fragment',
      { 'pagefind/fragment/en_abc.pf_fragment': pagefindFragment('/reviews/adult-q/', GONE_TEXT) as unknown as string },
      /^pagefind\/fragment\/en_abc\.pf_fragment: the search index \(Pagefind\) holds its text/,
    ],
    [
      'its short page without noindex',
      { 'reviews/adult-q/index.html': page('<p>No longer on this website.</p>') },
      /^reviews\/adult-q\/index\.html: its short page is not marked noindex/,
    ],
  ];
  it.each(leaks)('finds %s, naming the review and the file', (_name, extra, expected) => {
    const problems = findRuleProblems(site(extra as Record<string, string>), [gone, shown]);
    expectReported(problems, 'Safeguarding Adults Review Adult Q (content/reviews/adult-q.mdx, withdrawn):', expected);
  });

  it('leaves alone the same document published by a public review or a report', () => {
    const sharing = { ...shown, documents: [{ ...gone.documents[0]!, href: '/documents/reviews/child-p/child-p-report.pdf' }] };
    expect(
      findRuleProblems(
        site({ 'documents/reviews/child-p/child-p-report.pdf': PDF, 'documents/reports/annual/report.pdf': PDF }),
        [gone, sharing],
        ['/documents/reports/annual/report.pdf'],
      ),
    ).toEqual([]);
    expect(findRuleProblems(site({ 'documents/reports/annual/report.pdf': PDF }), [gone, shown])).toContainEqual(
      expect.objectContaining({ file: 'documents/reports/annual/report.pdf', problem: 'a copy of its document adult-q-report.pdf' }),
    );
  });

  it('finds a page for a review that is not published yet', () => {
    const problems = findRuleProblems(site(), [gone, shown, { ...gone, slug: 'child-p', state: 'scheduled', sentences: [] }]);
    expect(problems).toContainEqual(
      expect.objectContaining({ file: 'reviews/child-p/index.html', problem: 'a page for a review that is not published yet' }),
    );
  });

  describe('a review not published yet', () => {
    const scheduled: ReviewMarks = {
      ...gone,
      slug: 'adult-e',
      file: 'content/reviews/adult-e.mdx',
      name: 'Safeguarding Adults Review Adult E',
      state: 'scheduled',
      sentences: reviewSentences('Adult E lived with her son in a flat by the sea.', ''),
      documents: [],
      shareImageKey: 'eeeeeeeeeeeeeeeeeeee',
    };
    const scheduledLeaks: [string, Record<string, string>, RegExp][] = [
      [
        'a link on the reviews list',
        { 'reviews/index.html': page('<a href="/reviews/adult-e/">Soon</a>') },
        /^reviews\/index\.html: a page links to its address \(\/reviews\/adult-e\/\) before it is published/,
      ],
      [
        'its name in the A to Z',
        { 'search/index.html': page('<li>Safeguarding Adults Review <abbr>Adult E</abbr></li>') },
        /^search\/index\.html: a page names it \("Safeguarding Adults Review Adult E"\) before it is published/,
      ],
      ['its name on the 404 page', { '404.html': page('<p>Safeguarding Adults Review Adult E</p>') }, /^404\.html: a page names it/],
      [
        'its name in config.yml',
        { 'admin/config.yml': 'view_filters:\n  - label: Safeguarding Adults Review Adult E\n' },
        /^admin\/config\.yml: a file names it/,
      ],
      [
        'its name in the CMS bundle',
        { 'admin/cms.js': 'const a="Safeguarding Adults Review Adult E";' },
        /^admin\/cms\.js: a file names it/,
      ],
      [
        'its text in a feed',
        { 'reviews/rss.xml': '<rss><item><description>Adult E lived with her son in a flat by the sea.</description></item></rss>' },
        /^reviews\/rss\.xml: a feed holds its text/,
      ],
    ];
    it.each(scheduledLeaks)('finds %s', (_name, extra, expected) => {
      const problems = findRuleProblems(site(extra), [gone, shown, scheduled]);
      expectReported(problems, 'Safeguarding Adults Review Adult E (content/reviews/adult-e.mdx, scheduled):', expected);
    });

    it('passes a site that has nothing of it, and does not mistake a name that only starts the same', () => {
      expect(
        findRuleProblems(site({ 'search/index.html': page('<li>Safeguarding Adults Review Adult Eleanor</li>') }), [
          gone,
          shown,
          scheduled,
        ]),
      ).toEqual([]);
    });
  });

  it('finds a share image that no page uses', () => {
    expect(findRuleProblems(site({ 'share-images/cccccccccccccccccccc.png': 'png' }), [gone, shown])).toEqual([
      {
        review: '(no page)',
        file: 'share-images/cccccccccccccccccccc.png',
        problem: 'a share image that no page uses: a leftover, which may show a withdrawn review',
      },
    ]);
  });

  it('fails when it cannot see a public review where it looks, so it never passes by looking in the wrong place', () => {
    const problems = findRuleProblems(
      site({ 'reviews/child-p/index.html': page('<p>Child P went elsewhere.</p>') }, [
        'share-images/bbbbbbbbbbbbbbbbbbbb.png',
        'documents/reviews/child-p/child-p-report.pdf',
      ]),
      [gone, shown],
    );
    expect(problems.map((problem) => problem.problem)).toEqual([
      expect.stringMatching(/^none of its 1 sentences were found on its own page, so the check no longer matches how the site is built/),
      expect.stringMatching(/^its share image is not under the name the check expects/),
      expect.stringMatching(/^its document is not where the check expects it/),
    ]);
  });
});

describe("the marks of the project's reviews", () => {
  it('on the day Adult B leaves, marks it withdrawn, with its text but not the sample note every review shares', () => {
    const reviews = reviewMarks(process.cwd(), '2027-01-20');
    const adultB = reviews.find((review) => review.slug === 'adult-b-safeguarding-adults-review')!;
    expect(adultB.state).toBe('withdrawn');
    expect(adultB.name).toBe('Safeguarding Adults Review Adult B');
    expect(adultB.sentences).toContain('adult b was in his seventies and lived alone');
    expect(adultB.sentences.some((sentence) => sentence.startsWith('this is sample content'))).toBe(false);
    expect(adultB.documents.map((document) => document.href)).toEqual([
      '/documents/reviews/adult-b-safeguarding-adults-review/adult-b-safeguarding-adults-review-report.pdf',
    ]);
    expect(adultB.shareImageKey).toMatch(/^[0-9a-f]{20}$/);
    expect(reviewMarks(process.cwd(), '2027-01-19').find((review) => review.slug === adultB.slug)!.state).toBe('public');
  });
});
