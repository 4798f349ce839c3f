import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkAllContent } from '../../src/content/files';
import { lintContent } from '../../src/content/lint';
import { generateEntries, writeGeneratedEntries } from '../../tools/generate-content';

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
});
