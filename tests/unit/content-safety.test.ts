/**
 * The safe MDX (src/content/safety*.ts): every body in content/ passes;
 * every kind of code, unsafe element, attribute and address is refused, on
 * its line, with what to write instead, by both parsers (the compiler's in
 * the build, micromark's in the CMS) alike; and the MDX compiler refuses
 * before compiling (src/content/mdx-processor.ts).
 */
import { describe, expect, it } from 'vitest';
import { mdxToJs } from 'satteri';
import { readAllEntries } from '../../src/content/files';
import { EDITOR_COMPONENTS } from '../../src/cms/editor-components';
import { BODY_BLOCKS, BODY_COMPONENTS } from '../../src/content/model';
import { checkBodySafety, unsafeAddress } from '../../src/content/safety';
import { checkBodySafetyInBrowser } from '../../src/content/safety-browser';
import { isCommentOnly, isLiteralExpression } from '../../src/content/safety-rules';
import { compileProblems, safeMdxProcessor } from '../../src/content/mdx-processor';
import { unsafeBodyMessage } from '../../src/cms/body-check';
import { HOSTILE_BODIES } from '../support/hostile-content';

const both = (body: string, collection: Parameters<typeof checkBodySafety>[1]['collection'] = 'bulletins') => ({
  build: checkBodySafety(body, { collection }),
  cms: checkBodySafetyInBrowser(body, { collection }),
});

describe('the safe MDX', () => {
  it('accepts every body in content/ today, with both parsers', () => {
    const entries = readAllEntries(process.cwd()).filter((entry) => entry.body.trim() !== '');
    expect(entries.length).toBeGreaterThan(20);
    for (const entry of entries) {
      const { build, cms } = both(entry.body, entry.collection);
      expect(build, entry.file).toEqual([]);
      expect(cms, entry.file).toEqual([]);
    }
  });

  it('accepts what every editor component writes', () => {
    const samples: Record<string, Record<string, unknown>> = {
      Warning: { text: 'Call [999](tel:999) if someone is in danger.' },
      Inset: { text: 'A note.\n\nWith [a link](https://www.gov.uk/).' },
      HelpNumbers: { title: 'Who to call' },
      ContactPanel: {},
      Figure: { src: '/images/diagram.png', alt: 'A "quoted" and \'quoted\' diagram', caption: 'Costs $5 \\ "both" \'quotes\'' },
      table: { markdown: '| A | B |\n| --- | --: |\n| 1 | 2 |' },
      Table: {
        caption: 'Costs $5 \\ "both" \'quotes\' {braces}',
        firstCellIsHeader: true,
        markdown: '| A | B |\n| --- | --: |\n| 1 | 2 |',
      },
    };
    for (const component of EDITOR_COMPONENTS.filter((item) => item.id !== 'mdx')) {
      const body = `Before.\n\n${component.toBlock(samples[component.id] ?? {})}\n\nAfter.\n`;
      const { build, cms } = both(body, 'pages');
      expect(build, `${component.id}: ${body}`).toEqual([]);
      expect(cms, component.id).toEqual([]);
    }
    expect(BODY_BLOCKS.length + BODY_COMPONENTS.length + 1).toBe(EDITOR_COMPONENTS.length - 1);
  });

  it('accepts comments, literal attributes, the allowed HTML and safe addresses', () => {
    const body = [
      '{/* A note for editors */}',
      '',
      '<Figure src="/images/a.png" alt={"Text"} caption={`A caption`} />',
      '',
      'The <abbr title="Multi-Agency Safeguarding Hub">MASH</abbr> team.<br />H<sub>2</sub>O and x<sup>2</sup>.',
      '',
      '[About](/about/) [Top](#top) [Mail](mailto:SSPA@southend.gov.uk) [Call](tel:01702534706) [Web](https://www.gov.uk/) [Old](http://example.org/)',
      '',
      '![A diagram](/images/a.png)',
    ].join('\n');
    expect(both(body, 'pages')).toEqual({ build: [], cms: [] });
    expect(both('<LastTested />\n\n<KnownIssues />\n\n<ComplianceStatus />\n', 'pages')).toEqual({ build: [], cms: [] });
  });

  for (const hostile of HOSTILE_BODIES) {
    it(`refuses ${hostile.name}, on its line, with both parsers`, () => {
      const { build, cms } = both(hostile.body, hostile.collection ?? 'pages');
      expect(build.length, JSON.stringify(build)).toBeGreaterThan(0);
      expect(cms.length, JSON.stringify(cms)).toBeGreaterThan(0);
      expect(build[0]!.line).toBe(hostile.line);
      expect(cms[0]!.line).toBe(hostile.line);
      expect(build[0]!.message).toContain(hostile.says);
      expect(cms[0]!.message).toContain(hostile.says);
    });
  }

  it('tells a careless editor what to write instead', () => {
    const said = (body: string) =>
      checkBodySafety(body, { collection: 'pages' })
        .map((problem) => problem.message)
        .join(' ');
    expect(said('Email <sspa@southend.gov.uk> today.\n')).toContain('[name@example.org](mailto:name@example.org)');
    expect(said('One line<br>and the next.\n')).toContain('or end with />, as in <br />');
    expect(said('Ages {5} to 11.\n')).toContain('put a backslash before it: \\{');
  });

  it('refuses the statement components outside pages', () => {
    expect(checkBodySafety('<LastTested />\n', { collection: 'bulletins' })[0]!.message).toContain('<LastTested> is not a component');
  });

  it('knows a literal from code', () => {
    for (const literal of ['3', '-2.5', 'true', 'false', '"text"', "'text'", '`text`'])
      expect(isLiteralExpression(literal), literal).toBe(true);
    for (const code of ['a', '`${a}`', '"a" + b', '"a\\u0022"', 'fetch("/")', '(1)', '3;alert(1)', '[1]', 'null', '`a\\`'])
      expect(isLiteralExpression(code), code).toBe(false);
    expect(isCommentOnly('/* a note */')).toBe(true);
    expect(isCommentOnly(' /* a */ evil() /* b */ ')).toBe(false);
    expect(isCommentOnly('// a note')).toBe(false);
  });

  it('refuses addresses that could run code, however they are written', () => {
    for (const address of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      ' javascript:alert(1)',
      'java\tscript:alert(1)',
      'java\nscript:x',
      'vbscript:x',
      'data:text/html,<script>',
      'file:///etc/passwd',
      'blob:https://x/y',
    ]) {
      expect(unsafeAddress(address), JSON.stringify(address)).toBeDefined();
    }
    for (const address of [
      '/about/',
      '#top',
      '?q=a',
      'https://www.gov.uk/',
      'http://example.org',
      'mailto:a@b.uk',
      'tel:999',
      'about/',
      '//www.gov.uk/',
    ]) {
      expect(unsafeAddress(address), address).toBeUndefined();
    }
  });
});

describe('the MDX compiler', () => {
  const canaryCode = "export const ran = (await import('node:fs')).writeFileSync('/tmp/should-not-exist', 'ran')\n\n# Title\n";

  it('would turn an unchecked body into code that runs (so only the check stands in the way)', () => {
    // Compiled, never run: the code is in the output.
    expect(mdxToJs(canaryCode).code).toContain('writeFileSync');
  });

  it('refuses a body before the compiler sees it', async () => {
    const seen: string[] = [];
    const inner = {
      name: 'satteri',
      options: { mdastPlugins: [], hastPlugins: [], features: {} },
      createRenderer: () => {
        throw new Error('not used');
      },
      createMdxRenderer: async () => ({
        process: async (content: string) => {
          seen.push(content);
          return { code: '' };
        },
      }),
    };
    const processor = safeMdxProcessor('/project', inner as never) as unknown as {
      name: string;
      createMdxRenderer: (
        ...args: unknown[]
      ) => Promise<{ process: (c: string, f: string, fm: Record<string, unknown>) => Promise<unknown> }>;
    };
    expect(processor.name).toBe('satteri');
    const renderer = await processor.createMdxRenderer({}, {});
    await expect(renderer.process(canaryCode, '/project/content/pages/privacy.mdx', {})).rejects.toThrow(
      /content\/pages\/privacy\.mdx, line 1: import and export lines are not allowed/,
    );
    await expect(renderer.process('# Fine\n', '/project/content/pages/privacy.mdx', { layout: '../../src/evil.js' })).rejects.toThrow(
      /field "layout"/,
    );
    expect(seen).toEqual([]);
    await renderer.process('Safe text.\n', '/project/content/pages/privacy.mdx', {});
    expect(seen).toEqual(['Safe text.\n']);
  });

  it("checks files outside content/ by the pages' rules", () => {
    expect(compileProblems('<script>x</script>\n', 'src/pages/x.mdx', {})[0]!.message).toContain('<script> is not allowed');
  });
});

describe('the CMS before it saves', () => {
  it('says what is wrong and on which line of the body, or nothing', () => {
    expect(unsafeBodyMessage('bulletins', 'Fine.\n')).toBeUndefined();
    expect(unsafeBodyMessage('bulletins', undefined)).toBeUndefined();
    const message = unsafeBodyMessage('bulletins', 'Fine.\n\n<script>alert(1)</script>\n');
    expect(message).toMatch(/^Not saved: .*Line 3 of the body: <script> is not allowed/);
  });
});
