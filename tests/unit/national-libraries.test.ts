import { describe, expect, it } from 'vitest';
import { DHR_LIBRARY, NSPCC_LIBRARY, SAR_LIBRARY, nationalLibraries, nationalLibraryFor } from '../../src/site/national-libraries';
import { REVIEW_TYPES } from '../../src/content/model';

describe('where reviews from other areas are published', () => {
  it('sends reviews about children to the NSPCC repository, and only those', () => {
    expect(nationalLibraryFor('Child Safeguarding Practice Review')).toBe(NSPCC_LIBRARY);
    expect(nationalLibraryFor('Serious Case Review')).toBe(NSPCC_LIBRARY);
    expect(NSPCC_LIBRARY.href).toBe('https://learning.nspcc.org.uk/case-reviews/national-case-review-repository');
    expect(NSPCC_LIBRARY.before).toContain('reviews about children');
  });
  it('sends a domestic homicide review to the Home Office library on GOV.UK', () => {
    expect(nationalLibraryFor('Domestic Homicide Review')).toBe(DHR_LIBRARY);
    expect(DHR_LIBRARY.href).toBe('https://www.gov.uk/government/collections/domestic-homicide-review-library');
    expect(`${DHR_LIBRARY.before}${DHR_LIBRARY.name}${DHR_LIBRARY.after}`).toBe(
      'The Home Office publishes domestic homicide reviews from England and Wales in its Domestic Homicide Review library on GOV.UK.',
    );
  });
  it("sends a safeguarding adults review to the National Network's library", () => {
    expect(nationalLibraryFor('Safeguarding Adults Review')).toBe(SAR_LIBRARY);
    expect(SAR_LIBRARY.href).toBe('https://nationalnetwork.org.uk/search.html');
    expect(SAR_LIBRARY.before).toContain('National Network for Chairs of Safeguarding Adults Boards');
  });
  it('names no library for a local learning review, which has none', () => {
    expect(nationalLibraryFor('Learning Review')).toBeUndefined();
  });
  it('knows every type of review the content model has', () => {
    const decided = REVIEW_TYPES.filter((type) => type === 'Learning Review' || nationalLibraryFor(type));
    expect(decided).toEqual([...REVIEW_TYPES]);
  });
  it('lists each library once, in the order of the review types', () => {
    expect(nationalLibraries()).toEqual([NSPCC_LIBRARY, SAR_LIBRARY, DHR_LIBRARY]);
    expect(nationalLibraries(['Domestic Homicide Review', 'Learning Review'])).toEqual([DHR_LIBRARY]);
  });
  it('writes each library as a sentence that expands its abbreviations and ends with a full stop', () => {
    for (const library of nationalLibraries()) {
      const sentence = `${library.before}${library.name}${library.after}`;
      expect(sentence).toMatch(/^[A-Z].*\.$/);
      expect(library.href).toMatch(/^https:\/\//);
    }
    expect(NSPCC_LIBRARY.before).toContain('National Society for the Prevention of Cruelty to Children (NSPCC)');
  });
});
