/**
 * "Worried about a child or an adult?": who to call, and the ways to get help
 * without speaking on the phone, from the site settings (src/site/help-numbers.ts),
 * and phone numbers as they are shown (src/site/phone.ts).
 */
import { describe, expect, it } from 'vitest';
import { NATIONAL_TEXT_ROUTES, helpCallers, textRoutes, type HelpSettings } from '../../src/site/help-numbers';
import { isTelHref, phoneText, phoneTextHtml, relayUkCall } from '../../src/site/phone';
import { missingSettings } from '../../src/site/settings-report';
import { readAllEntries } from '../../src/content/files';
import { formatRetentionReport, retentionReport } from '../../src/rules/retention-report';

const NBSP = '\u00a0';

const today: HelpSettings = {
  childrenInHours: '01702 215007',
  childrenInHoursTimes: 'Monday to Friday, office hours',
  adultsInHours: '',
  adultsContactPage: 'https://www.southend.gov.uk/',
  outOfHours: '0345 606 1212',
};

const byKey = (settings: HelpSettings) => new Map(helpCallers(settings).map((caller) => [caller.key, caller]));

describe('who to call', () => {
  it('lists 999, children, adults, out of hours and 101, in that order, each number with its Relay UK number', () => {
    const callers = helpCallers({ ...today, adultsInHours: '01702 000000' });
    expect(callers.map((caller) => [caller.key, caller.number, caller.relay])).toEqual([
      ['emergency', '999', { number: '18000' }],
      ['children', '01702 215007', { prefix: '18001 then', number: '01702 215007' }],
      ['adults', '01702 000000', { prefix: '18001 then', number: '01702 000000' }],
      ['out-of-hours', '0345 606 1212', { prefix: '18001 then', number: '0345 606 1212' }],
      ['police', '101', { prefix: '18001 then', number: '101' }],
    ]);
    expect(callers[1]!.text).toBe("Southend children's social care, Monday to Friday, office hours.");
  });

  it("with the adults' number filled in, shows it and no fallback link", () => {
    const adults = byKey({ ...today, adultsInHours: ' 01702 000000 ' }).get('adults')!;
    expect(adults).toMatchObject({
      heading: 'Worried about an adult, office hours',
      number: '01702 000000',
      text: 'Southend adult social care.',
    });
    expect(adults.link).toBeUndefined();
  });

  it("with the adults' number empty, still tells adults what to do: the council's adult social care page, and the emergency duty service out of hours", () => {
    for (const empty of ['', '   ', undefined]) {
      const adults = byKey({ ...today, adultsInHours: empty }).get('adults')!;
      expect(adults.number).toBeUndefined();
      expect(adults.relay).toBeUndefined();
      expect(adults.link).toEqual({ href: 'https://www.southend.gov.uk/', text: 'Contact Southend adult social care' });
      expect(adults.text).toBe('On the Southend-on-Sea City Council website. At other times, call the emergency duty service.');
    }
  });

  it("never leaves adults with nothing: without the council's page or an out-of-hours number, it names the council", () => {
    const adults = byKey({ adultsInHours: '' }).get('adults')!;
    expect(adults).toMatchObject({ text: "Contact Southend-on-Sea City Council's adult social care." });
    expect(adults.link).toBeUndefined();
  });

  it("leaves out a children's or out-of-hours number that is empty; 999 and 101 are always there", () => {
    expect(helpCallers({ adultsContactPage: 'https://www.southend.gov.uk/' }).map((caller) => caller.key)).toEqual([
      'emergency',
      'adults',
      'police',
    ]);
    expect(byKey({ ...today, childrenInHoursTimes: '' }).get('children')!.text).toBe("Southend children's social care.");
  });
});

describe('help without speaking on the phone', () => {
  it('always gives emergencySMS, 999 BSL and Relay UK, with their real addresses and what to do', () => {
    const routes = textRoutes({});
    expect(routes).toEqual(NATIONAL_TEXT_ROUTES);
    expect(routes.map((route) => route.link.href)).toEqual([
      'https://www.emergencysms.net/',
      'https://999bsl.co.uk/',
      'https://www.relayuk.bt.com/',
    ]);
    expect(routes[0]!.text).toContain('text "register" to 999');
    expect(routes[0]!.text).toContain('before you need it');
    expect(routes[1]!.lead).toContain('British Sign Language');
    expect(routes[2]!.text).toBe('Call 18000 for 999. For any other number on this page, call 18001 then the number.');
  });

  it("adds the council's online forms only when the settings have them", () => {
    expect(textRoutes({ childrenOnlineForm: '', adultsOnlineForm: '  ' }).map((route) => route.key)).toEqual([
      'emergency-sms',
      '999-bsl',
      'relay-uk',
    ]);
    const routes = textRoutes({
      childrenOnlineForm: 'https://example.southend.gov.uk/child',
      adultsOnlineForm: 'https://example.southend.gov.uk/adult',
    });
    expect(routes.slice(3).map((route) => [route.key, route.link.href, route.link.text])).toEqual([
      ['children-form', 'https://example.southend.gov.uk/child', 'Report a concern about a child online'],
      ['adults-form', 'https://example.southend.gov.uk/adult', 'Report a concern about an adult online'],
    ]);
  });
});

describe('phone numbers as they are shown', () => {
  it('keep each number on one line: non-breaking spaces and hyphens', () => {
    expect(phoneText(' 0808 800 5000 ')).toBe(`0808${NBSP}800${NBSP}5000`);
    expect(phoneText('0345-606\t1212')).toBe(`0345\u2011606${NBSP}1212`);
    expect(phoneText('999')).toBe('999');
  });

  it('change only the text of rendered link HTML, never a tag or an attribute', () => {
    expect(phoneTextHtml('0808 800 5000')).toBe(`0808${NBSP}800${NBSP}5000`);
    expect(phoneTextHtml('<strong class="a b">0808 800</strong> 5000')).toBe(`<strong class="a b">0808${NBSP}800</strong>${NBSP}5000`);
    expect(phoneTextHtml('Tom &amp; Jerry')).toBe(`Tom${NBSP}&amp;${NBSP}Jerry`);
  });

  it('know a telephone link, and how to call a number through Relay UK', () => {
    expect(isTelHref('tel:999')).toBe(true);
    expect(isTelHref(' TEL:+441702534706')).toBe(true);
    expect(isTelHref('https://example.org/')).toBe(false);
    expect(isTelHref(undefined)).toBe(false);
    expect(relayUkCall('999')).toEqual({ number: '18000' });
    expect(relayUkCall('0808 800 5000')).toEqual({ prefix: '18001 then', number: '0808 800 5000' });
  });
});

describe("npm run retention, with the site's own settings", () => {
  // The same steps as scripts/retention.ts.
  const settings = readAllEntries(process.cwd()).find((entry) => entry.collection === 'settings')?.data ?? {};
  const empty = (name: string) => settings[name] === undefined || String(settings[name]).trim() === '';

  it("lists every optional setting that is empty, the adults' number and the online forms among them while they are", () => {
    const missing = missingSettings(settings);
    for (const [name, label] of [
      ['adultsInHours', 'Adult social care, office hours (adultsInHours)'],
      ['childrenOnlineForm', "Children's social care, online form (childrenOnlineForm)"],
      ['adultsOnlineForm', 'Adult social care, online form (adultsOnlineForm)'],
    ] as const) {
      if (empty(name)) expect(missing).toContain(label);
      else expect(missing).not.toContain(label);
    }
    expect(formatRetentionReport(retentionReport([], '2026-11-29', 1), missing)).toContain('Settings still empty');
  });

  it("never lists the council's adult social care page: it is required, so the panel always has it", () => {
    expect(settings.adultsContactPage).toMatch(/^https:\/\//);
    expect(missingSettings({ ...settings, adultsContactPage: '' }).join('\n')).not.toContain('adultsContactPage');
  });
});
