import { describe, expect, it } from 'vitest';
import { makePdf, wrap } from '../../tools/sample-pdf';

describe('the sample PDF writer', () => {
  const pdf = makePdf({
    title: 'Child A (sample)',
    lines: ['Child A', '', ...Array.from({ length: 60 }, (_, i) => `Line ${i + 1} of a long learning briefing.`)],
  });
  const text = pdf.toString('latin1');

  it('writes a PDF with a title, a language and every page', () => {
    expect(text.startsWith('%PDF-1.4')).toBe(true);
    expect(text.trimEnd().endsWith('%%EOF')).toBe(true);
    expect(text).toContain('/Title (Child A \\(sample\\))');
    expect(text).toContain('/Lang (en-GB)');
    expect(text).toMatch(/\/Count 2 /);
  });

  it('has a cross-reference table whose offsets point at each object', () => {
    const startxref = Number(/startxref\n(\d+)/.exec(text)![1]);
    expect(text.slice(startxref, startxref + 4)).toBe('xref');
    const entries = text
      .slice(startxref)
      .split('\n')
      .slice(3)
      .filter((line) => / 00000 n $/.test(line));
    entries.forEach((entry, index) => {
      const offset = Number(entry.slice(0, 10));
      expect(text.slice(offset, offset + `${index + 1} 0 obj`.length)).toBe(`${index + 1} 0 obj`);
    });
  });

  it('wraps long lines at word boundaries', () => {
    expect(wrap('one two three four', 9)).toEqual(['one two', 'three', 'four']);
  });
});
