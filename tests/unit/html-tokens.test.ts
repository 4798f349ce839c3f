/**
 * The HTML tokenizer every reader of built pages uses (src/html/tokens.ts),
 * the walk that reads each built page once for all of them
 * (src/html/built-pages.ts), and each reader on HTML a regular expression
 * reads wrongly: ">" inside a quoted attribute, tags inside comments and
 * scripts, upper-case tags, unquoted attributes.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readHtml, type StartTag } from '../../src/html/tokens';
import { builtHtmlFiles, pagePath, walkBuiltPages, type PageReader } from '../../src/html/built-pages';
import { pageScanner, scanBuiltPage } from '../../src/security/built-page-scan';
import { parseHtml } from '../../tools/link-check';
import { frameHtmlBytes, htmlWeightFacts, renderBlockingInHtml } from '../../tools/page-weight';
import { shareImageKeyOfPage, shareImagesOfPages } from '../../src/share-images/pages';
import { scanBuiltSite } from '../../src/build/site-scan';

const starts = (html: string) => {
  const tags: StartTag[] = [];
  readHtml(html, { startTag: (tag) => tags.push(tag) });
  return tags;
};

describe('the HTML tokenizer', () => {
  it('reads ">" inside a quoted attribute as part of its value', () => {
    const [tag] = starts('<a title="1 > 0" href="/x/">x</a>');
    expect(tag!.name).toBe('a');
    expect([...tag!.attributes]).toEqual([
      ['title', '1 > 0'],
      ['href', '/x/'],
    ]);
  });

  it('reads upper-case tags and attribute names in lower case, unquoted values whole, entities decoded', () => {
    const html = '<A HREF=/about/?a=1&amp;b=2 Class=x>About</A>';
    const [tag] = starts(html);
    expect(tag!.name).toBe('a');
    expect(tag!.attributes.get('href')).toBe('/about/?a=1&b=2');
    expect(tag!.attributes.get('class')).toBe('x');
    expect(html.slice(tag!.start, tag!.end)).toBe('<A HREF=/about/?a=1&amp;b=2 Class=x>');
  });

  it("finds no tags in comments, in script text or in a textarea, and keeps a repeated attribute's first value", () => {
    const names = starts(
      '<!-- <iframe src="x"> --><script>if (a<b) document.write("<object>")</script><textarea><embed></textarea><p id=a id=b></p>',
    );
    expect(names.map((tag) => tag.name)).toEqual(['script', 'textarea', 'p']);
    expect(names[2]!.attributes.get('id')).toBe('a');
  });

  it('hands over the whole text of scripts and styles, in SVG too, and of one never closed', () => {
    const texts: string[] = [];
    readHtml('<style>a>b{}</style><svg><style>c{}</style><title>T<b>old</b></title></svg><script>x("</p>")', {
      elementText: (tag, text) => texts.push(`${tag.name}:${text}`),
    });
    expect(texts).toEqual(['style:a>b{}', 'style:c{}', 'script:x("</p>")']);
  });

  it('tells text outside tags, not comments or script text', () => {
    let text = '';
    readHtml('<p>One &amp; <!-- two --> three</p><script>four</script>', { text: (piece) => (text += piece) });
    expect(text).toBe('One &  three');
  });
});

describe('the walk over built pages', () => {
  const site = mkdtempSync(join(tmpdir(), 'sg-built-pages-'));
  afterAll(() => rmSync(site, { recursive: true, force: true }));
  const write = (file: string, text: string) => {
    mkdirSync(dirname(join(site, file)), { recursive: true });
    writeFileSync(join(site, file), text);
  };
  write(
    'index.html',
    '<!doctype html><html><head><meta property="og:image" content="https://x.uk/share-images/aa11.png"></head><body><main>Home</main></body></html>',
  );
  write(
    'about/index.html',
    '<!doctype html><html><head><meta property="og:image" content="https://x.uk/share-images/bb22.png"></head><body><p style="color:red">x</p></body></html>',
  );
  write('404.html', '<p>Not found</p>');
  write('_astro/site.css', 'a{}');

  it('lists each HTML page once, sorted, and names its address', () => {
    expect(builtHtmlFiles(site)).toEqual(['404.html', 'about/index.html', 'index.html']);
    expect(builtHtmlFiles(site).map(pagePath)).toEqual(['/404.html', '/about/', '/']);
  });

  it('reads each page once for every reader, and skips a page a reader does not want', () => {
    const seen: string[] = [];
    const tagReader: PageReader = {
      page: ({ file }) => ({ startTag: (tag) => seen.push(`${file} ${tag.name}`), end: () => seen.push(`${file} end`) }),
    };
    const mainOnly: PageReader = {
      page: ({ file }) => (file === 'index.html' ? { endTag: (tag) => seen.push(`main reader: ${tag.name}`) } : undefined),
    };
    expect(walkBuiltPages(site, [tagReader, mainOnly])).toBe(3);
    expect(seen.filter((line) => line.endsWith(' end'))).toEqual(['404.html end', 'about/index.html end', 'index.html end']);
    expect(seen.filter((line) => line.startsWith('main reader'))).toEqual([
      'main reader: head',
      'main reader: main',
      'main reader: body',
      'main reader: html',
    ]);
  });

  it("gives the build, in one walk, each page's policy scan and the share images pages name", () => {
    const scan = scanBuiltSite(site);
    expect([...scan.pages.keys()]).toEqual(['404.html', 'about/index.html', 'index.html']);
    expect(scan.pages.get('about/index.html')!.styleAttributes).toEqual(['<p style="color:red">']);
    expect([...scan.shareImages]).toEqual([
      ['bb22', ['about/index.html']],
      ['aa11', ['index.html']],
    ]);
    expect(shareImagesOfPages(site)).toEqual(scan.shareImages);
  });
});

describe('each reader, where a regular expression was wrong', () => {
  it('the policy scan: an event handler in upper case, and a style attribute after a ">" in a quoted value', () => {
    const scan = scanBuiltPage('<DIV ONCLICK=go()>x</DIV><p title="a > b" style="color:red">y</p><!-- <p onclick="x"> -->');
    expect(scan.eventHandlers).toEqual(['<DIV ONCLICK=go()>']);
    expect(scan.styleAttributes).toEqual(['<p title="a > b" style="color:red">']);
  });

  it("the policy scan: reads the page's own Content-Security-Policy, whatever the order or case of its attributes", () => {
    const { handler, result } = pageScanner('<META CONTENT="script-src \'self\'" HTTP-EQUIV=Content-Security-Policy>');
    readHtml('<META CONTENT="script-src \'self\'" HTTP-EQUIV=Content-Security-Policy>', handler);
    expect(result().metaPolicy).toBe("script-src 'self'");
    expect(result().unsafe).toEqual([]);
  });

  it('the link check: an unquoted href, a ">" in a title, and no link from a comment or a script', () => {
    const page = parseHtml(
      '<A TITLE="next > page" HREF=/next/>Next</A><!-- <a href="/old/"> --><script>"<a href=/in-script/>"</script><img src=/i.png alt="">',
    );
    expect(page.references.map((reference) => `${reference.where} ${reference.url}`)).toEqual(['a[href] /next/', 'img[src] /i.png']);
  });

  it('the link check: ids on any element, upper case too, and one <style> read as CSS only once', () => {
    const page = parseHtml('<SECTION ID=Part-1><style>a{background:url(/a.png)}</style></SECTION><a name="old">');
    expect([...page.ids]).toEqual(['Part-1', 'old']);
    expect(page.references.map((reference) => reference.url)).toEqual(['/a.png']);
  });

  it('page weight: a blocking script with an upper-case tag, none from a comment, and a stylesheet whose title has ">"', () => {
    const html =
      '<head><!-- <script src="/old.js"></script> --><LINK REL=stylesheet TITLE="a > b" HREF=/a.css><SCRIPT SRC=/blocking.js></SCRIPT><script src="/m.js" type=module></script></head>';
    expect(renderBlockingInHtml(html)).toEqual({ stylesheets: ['/a.css'], scripts: ['/blocking.js'] });
  });

  it('page weight: the frame leaves out what is inside <main>, even when a comment there holds "</main>"', () => {
    const page = (words: string) =>
      `<html><body><header>H</header><MAIN class="a>b"><p>${words}</p><!-- </main> --></MAIN><footer>F</footer></body></html>`;
    expect(htmlWeightFacts(page('x')).main).toBeDefined();
    expect(frameHtmlBytes(page('Many words. '.repeat(500)))).toBe(frameHtmlBytes(page('')));
  });

  it('share images: the og:image of the head, with its attributes in any order, not one in a comment or the body', () => {
    const site = mkdtempSync(join(tmpdir(), 'sg-share-hostile-'));
    try {
      writeFileSync(
        join(site, 'a.html'),
        '<html><head><!-- <meta property="og:image" content="/share-images/dead.png"> --><META CONTENT=https://x.uk/share-images/beef.png PROPERTY=og:image></head><body></body></html>',
      );
      writeFileSync(
        join(site, 'b.html'),
        '<html><head></head><body><meta property="og:image" content="/share-images/cafe.png"></body></html>',
      );
      expect(shareImageKeyOfPage(join(site, 'a.html'))).toBe('beef');
      expect(shareImageKeyOfPage(join(site, 'b.html'))).toBeUndefined();
    } finally {
      rmSync(site, { recursive: true, force: true });
    }
  });
});

describe("the one-year check's reading of a short page", () => {
  it('finds noindex in a robots <meta> whatever the order or case of its attributes, and not in a comment or another meta', async () => {
    const { pageIsNoindex } = await import('../../src/rules/withdrawn-check');
    expect(pageIsNoindex('<head><meta name="robots" content="noindex"></head>')).toBe(true);
    expect(pageIsNoindex('<head><META CONTENT="noindex, nofollow" NAME=Robots></head>')).toBe(true);
    expect(pageIsNoindex('<head><!-- <meta name="robots" content="noindex"> --><meta name="robots" content="index"></head>')).toBe(false);
    expect(pageIsNoindex('<head><meta name="description" content="noindex"></head>')).toBe(false);
  });
});
