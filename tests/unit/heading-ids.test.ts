import { describe, expect, it } from 'vitest';
import { prefixedId } from '../../src/content/heading-ids';

describe('ids for the headings of a body shown inside a section', () => {
  it("starts each id with the section's id, so two bodies with the same heading never share an id", () => {
    expect(prefixedId('level-2', 'more-about-this-level')).toBe('level-2-more-about-this-level');
    expect(prefixedId('level-3', 'more-about-this-level')).not.toBe(prefixedId('level-2', 'more-about-this-level'));
  });

  it("keeps the compiler's id when there is no prefix, and gives none when the heading has none", () => {
    expect(prefixedId(undefined, 'consent')).toBe('consent');
    expect(prefixedId('', 'consent')).toBe('consent');
    expect(prefixedId('level-1', undefined)).toBeUndefined();
    expect(prefixedId('level-1', '')).toBeUndefined();
  });
});
