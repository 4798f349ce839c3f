import { describe, expect, it } from 'vitest';
import { printedOn } from '../../src/scripts/print-date';
import {
  builtOnText,
  cssString,
  linkTextIsAddress,
  localIsoDate,
  printedOnText,
  siteAddressCss,
  PRINTED_COPY_WARNING,
} from '../../src/site/print';

const SITE = 'https://www.example.org';

describe('what a printed page says about itself', () => {
  it('the day it was built without JavaScript, the day it is printed with it', () => {
    expect(builtOnText('2026-03-05')).toBe('Printed from this page as it was built on 5 March 2026.');
    expect(printedOnText('2026-12-25')).toBe('Printed on 25 December 2026.');
    expect(PRINTED_COPY_WARNING).toBe('Printed copies may be out of date: check the website');
  });

  it("the page's script writes the same words as the site's own dates, for every month", () => {
    for (let month = 0; month < 12; month += 1) {
      const now = new Date(2026, month, month + 1, 12);
      expect(printedOn(now)).toBe(printedOnText(localIsoDate(now)));
    }
  });

  it("takes the printing day from the reader's own clock", () => {
    expect(localIsoDate(new Date(2026, 0, 9, 23, 59))).toBe('2026-01-09');
    expect(localIsoDate(new Date(2026, 11, 31, 0, 0))).toBe('2026-12-31');
  });
});

describe("the print stylesheet's site address", () => {
  it('is a custom property holding the address without its trailing slash', () => {
    expect(siteAddressCss(`${SITE}/`)).toBe(':root{--sg-site-address:"https://www.example.org"}');
  });
  it('escapes quotes and backslashes, and refuses control characters', () => {
    expect(cssString('a"b\\c')).toBe('"a\\"b\\\\c"');
    expect(() => cssString('a\nb')).toThrow('control characters');
  });
});

describe('a link whose text is already its address', () => {
  it('is recognised with or without the scheme, "www." or the trailing slash', () => {
    expect(linkTextIsAddress('https://www.gov.uk/', 'https://www.gov.uk/', SITE)).toBe(true);
    expect(linkTextIsAddress('www.gov.uk', 'https://www.gov.uk/', SITE)).toBe(true);
    expect(linkTextIsAddress('gov.uk/guidance', 'https://www.gov.uk/guidance', SITE)).toBe(true);
    expect(linkTextIsAddress('SSPA@southend.gov.uk', 'mailto:SSPA@southend.gov.uk', SITE)).toBe(true);
  });
  it("counts a site-relative link's text as its address on the site's address, or as the path", () => {
    expect(linkTextIsAddress('www.example.org/procedures/', '/procedures/', SITE)).toBe(true);
    expect(linkTextIsAddress('/procedures/', '/procedures/', SITE)).toBe(true);
  });
  it('is not a link with words for its text', () => {
    expect(linkTextIsAddress('GOV.UK guidance', 'https://www.gov.uk/guidance', SITE)).toBe(false);
    expect(linkTextIsAddress('Procedures', '/procedures/', SITE)).toBe(false);
    expect(linkTextIsAddress('', '/procedures/', SITE)).toBe(false);
    expect(linkTextIsAddress('www.gov.uk', 'https://www.gov.uk/other', SITE)).toBe(false);
  });
});
