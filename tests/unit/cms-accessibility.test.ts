import { describe, expect, it } from 'vitest';
import {
  CMS_SCREENS,
  DECAP_FINDINGS,
  DECAP_MANUAL_FINDINGS,
  expectedFindings,
  listItemControlNames,
  listItemName,
  listItemSummary,
  previewFrameTitle,
} from '../../src/cms/accessibility';
import { cmsSiteUrl } from '../../src/cms/env';
import { SITE_URL } from '../../src/site/site-address';

describe("the names the project gives to Decap's controls", () => {
  it('titles the preview frame after the entry, or says what it is while it has no title', () => {
    expect(previewFrameTitle('Adult B', 'Review')).toBe('Preview of Adult B');
    expect(previewFrameTitle('  COVID-19   partner bulletin 1 ', 'Bulletin')).toBe('Preview of COVID-19 partner bulletin 1');
    expect(previewFrameTitle('', 'Bulletin')).toBe('Preview of this bulletin (no title yet)');
    expect(previewFrameTitle(undefined, 'Annual report')).toBe('Preview of this annual report (no title yet)');
  });

  it('names a list item after its list, its place and its text, without "(optional)"', () => {
    expect(listItemName('Documents (optional)', 1, 'Learning briefing')).toBe('Documents, item 1: Learning briefing');
    expect(listItemName('Learning themes', 3, '  ')).toBe('Learning themes, item 3');
    expect(listItemName('', 2, 'x')).toBe('List, item 2: x');
    expect(listItemControlNames('Documents, item 1: Learning briefing')).toEqual({
      toggle: 'Show or hide Documents, item 1: Learning briefing',
      move: 'Move Documents, item 1: Learning briefing',
      remove: 'Remove Documents, item 1: Learning briefing',
    });
  });
});

describe("what a list item's buttons say it holds", () => {
  it("is a single value's box, but an item of several fields' summary line, not its first box (a date's Day)", () => {
    expect(listItemSummary(['Mental capacity'], 'Theme')).toBe('Mental capacity');
    expect(listItemSummary(['30', '01', '2026', 'Added the LADO.'], '2026-01-30: Added the LADO.')).toBe('2026-01-30: Added the LADO.');
    expect(listItemSummary([], 'Safeguarding adults review report')).toBe('Safeguarding adults review report');
    expect(listItemName('What changed (optional)', 1, '2026-01-30: Added the LADO.')).toBe(
      'What changed, item 1: 2026-01-30: Added the LADO.',
    );
  });

  it('leaves out a summary of empty fields', () => {
    expect(listItemName('What changed (optional)', 2, ': ')).toBe('What changed, item 2');
    expect(listItemName('What changed', 2, listItemSummary(['', '', '', ''], ': '))).toBe('What changed, item 2');
  });
});

describe('the faults only Decap can fix', () => {
  it("lists each with its screens, what does not work, and Decap's issue or none", () => {
    const screens = new Set<string>(CMS_SCREENS.map((screen) => screen.id));
    for (const finding of DECAP_FINDINGS) {
      expect(
        Object.keys(finding.counts).every((screen) => screens.has(screen)),
        finding.rule,
      ).toBe(true);
      expect(
        Object.values(finding.counts).every((count) => Number.isInteger(count) && count! > 0),
        finding.rule,
      ).toBe(true);
      expect(finding.problem).toMatch(/\.$/);
      if (finding.issue) expect(finding.issue.url).toMatch(/^https:\/\/github\.com\/decaporg\/decap-cms\/issues\/\d+$/);
    }
    for (const finding of DECAP_MANUAL_FINDINGS)
      if (finding.issue) expect(finding.issue.url).toMatch(/^https:\/\/github\.com\/decaporg\/decap-cms\/issues\/\d+$/);
  });

  it('gives each screen the findings the browser test expects there, in rule order', () => {
    expect(expectedFindings('bulletin')).toEqual([
      { rule: 'nested-interactive', count: 2 },
      { rule: 'region', count: 4 },
    ]);
    expect(expectedFindings('settings')).toEqual([{ rule: 'region', count: 4 }]);
    expect(expectedFindings('collection')).toEqual([]);
  });
});

describe('the site address the CMS links to ("View Live")', () => {
  it("is the dev server's own address under npm start, the public address otherwise", () => {
    expect(cmsSiteUrl(true, new URL('http://127.0.0.1:4321/admin/config.yml'))).toBe('http://127.0.0.1:4321');
    expect(cmsSiteUrl(false, new URL('http://127.0.0.1:4321/admin/config.yml'))).toBe(SITE_URL);
    expect(cmsSiteUrl(true)).toBe(SITE_URL);
  });
});
