import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkAllContent } from '../../src/content/files';
import { lintContent } from '../../src/content/lint';
import { generateEntries, siteVocabulary, siteWords, writeGeneratedEntries } from '../../tools/generate-content';

describe("the benchmark's generated content", () => {
  it('is the same every time, a third each of pages, procedures and bulletins', () => {
    const files = generateEntries(9, '2026-11-25');
    expect(files).toEqual(generateEntries(9, '2026-11-25'));
    expect(files.map((file) => file.path.split('/')[1])).toEqual([
      'pages',
      'procedures',
      'bulletins',
      'pages',
      'procedures',
      'bulletins',
      'pages',
      'procedures',
      'bulletins',
    ]);
  });
  it('passes the content model and the content linter, like real content', () => {
    const root = mkdtempSync(join(tmpdir(), 'sg-generated-'));
    expect(writeGeneratedEntries(root, 30, '2026-11-25')).toBe(30);
    expect(checkAllContent(root)).toEqual([]);
    expect(lintContent(root, '2026-11-25')).toEqual([]);
  });
  it("in the site's vocabulary, writes the site's own words and names of its own, the same every time, and passes the same checks", () => {
    const words = siteWords(process.cwd());
    expect(words).toContain('safeguarding');
    expect(words.every((word) => /^[a-z][a-z']+$/.test(word))).toBe(true);
    const files = generateEntries(9, '2026-11-25', siteVocabulary(words, 9));
    expect(files).toEqual(generateEntries(9, '2026-11-25', siteVocabulary(words, 9)));
    expect(files.map((file) => file.path)).toEqual(generateEntries(9, '2026-11-25').map((file) => file.path));
    const text = files.map((file) => file.text.split('\n---\n')[1]!).join(' ');
    const known = new Set(words);
    const unknown = new Set((text.toLowerCase().match(/[a-z][a-z']+/g) ?? []).filter((word) => !known.has(word)));
    // Invented names (two or three of 22 syllables) beside the site's words and the generator's own fixed phrases.
    expect(
      [...unknown].some((word) =>
        /^(ash|bor|cal|den|ell|fen|gar|hol|ing|kel|lan|mor|nes|ock|pen|quen|ros|sted|tham|ver|wick|yar){2,3}$/.test(word),
      ),
    ).toBe(true);
    const root = mkdtempSync(join(tmpdir(), 'sg-generated-site-words-'));
    expect(writeGeneratedEntries(root, 30, '2026-11-25', siteVocabulary(words, 30))).toBe(30);
    expect(checkAllContent(root)).toEqual([]);
    expect(lintContent(root, '2026-11-25')).toEqual([]);
  });
});
