/** The CMS's previews of body components: the site's markup and classes, every text escaped. */
import { describe, expect, it } from 'vitest';
import {
  blocksHtml,
  contactPanelHtml,
  figureHtml,
  helpNumbersHtml,
  inlineHtml,
  insetHtml,
  mdxCodeHtml,
  phoneLinkHtml,
  tableHtml,
  warningHtml,
} from '../../src/cms/preview-html';
import { alignmentClass, cellAlignment } from '../../src/content/table-cells';

describe('previews of the components editors use', () => {
  it('shows a warning and an inset as GOV.UK Frontend does, with links, bold and lists', () => {
    expect(warningHtml('Call [999](tel:999) **now**.')).toBe(
      '<div class="govuk-warning-text"><span class="govuk-warning-text__icon" aria-hidden="true">!</span><strong class="govuk-warning-text__text"><span class="govuk-visually-hidden">Warning</span> Call <a href="tel:999">999</a> <strong>now</strong>.</strong></div>',
    );
    expect(insetHtml('One line, *inline*.')).toBe('<div class="govuk-inset-text">One line, <em>inline</em>.</div>');
    expect(insetHtml('First.\n\n- a\n- b')).toBe('<div class="govuk-inset-text"><p>First.</p><ul><li>a</li><li>b</li></ul></div>');
    expect(blocksHtml('1. one\n2. two')).toBe('<ol><li>one</li><li>two</li></ol>');
  });

  it("escapes text and drops links that are not web, mail, phone or the site's own", () => {
    expect(inlineHtml('<script>alert(1)</script> & "quotes"')).toBe('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;');
    expect(inlineHtml('[click](javascript:alert(1))')).not.toContain('href');
    expect(inlineHtml('\\*not emphasis\\*')).toBe('*not emphasis*');
    expect(mdxCodeHtml('<Foo bar="1" />')).toContain('&lt;Foo bar=&quot;1&quot; /&gt;');
  });

  it('shows who to call from the settings, leaving out a number not known but never leaving adults without a route', () => {
    const html = helpNumbersHtml({
      childrenInHours: '01702 215007',
      childrenInHoursTimes: 'Monday to Friday',
      adultsInHours: '',
      adultsContactPage: 'https://www.southend.gov.uk/',
      outOfHours: '0345 606 1212',
    });
    expect(html).toContain('<h2 class="sg-help__title" id="help-title">Worried about a child or an adult?</h2>');
    expect(html).toContain('href="tel:+441702215007">01702\u00a0215007</a>');
    expect(html).toContain('<p class="sg-help__relay">Relay UK: 18001 then 01702\u00a0215007</p>');
    expect(html).toContain(
      '<a class="govuk-link sg-help__link" href="https://www.southend.gov.uk/">Contact Southend adult social care</a>',
    );
    expect(html.match(/<li class="sg-help__item/g)).toHaveLength(5);
    expect(html).toContain('<h3 class="sg-help__subtitle">If you cannot hear or speak on the phone</h3>');
    expect(html).toContain('href="https://999bsl.co.uk/"');
    expect(helpNumbersHtml({}, 'Who to call now')).toContain('>Who to call now</h2>');
  });

  it('shows a settings address the build would refuse as text, not as a link', () => {
    const html = helpNumbersHtml({ adultsContactPage: 'javascript:alert(1)', childrenOnlineForm: 'http://example.org/form' });
    expect(html).not.toContain('javascript:');
    expect(html).not.toContain('http://example.org');
    expect(html).toContain('<p>Contact Southend adult social care</p>');
    expect(html).toContain('Report a concern about a child online</li>');
  });

  it('shows the contact panel, a figure and a table as the site does', () => {
    expect(contactPanelHtml({ organisation: 'O', email: 'a@b.org', phone: '01702 534706', address: ['Line 1', 'Line 2'] })).toContain(
      'Line 1<br>Line 2',
    );
    expect(figureHtml({ alt: 'A "diagram"', caption: 'Caption' }, '/images/a.png')).toBe(
      '<figure class="sg-figure"><img class="sg-content-image" src="/images/a.png" alt="A &quot;diagram&quot;"><figcaption class="govuk-body-s sg-figure__caption">Caption</figcaption></figure>',
    );
    const table = tableHtml('| Service | Calls |\n| :-- | --: |\n| Children | 1,350 |');
    expect(table).toContain('<th class="sg-align-left" scope="col">Service</th><th class="sg-align-right" scope="col">Calls</th>');
    expect(table).toContain('<tr><td class="sg-align-left">Children</td><td class="sg-align-right">1,350</td></tr>');
    expect(table).not.toContain('<caption');
  });

  it('shows a Table with its caption, escaped, and its first column as row headings when chosen', () => {
    const table = tableHtml('| Service | Calls |\n| :-- | --: |\n| Children | 1,350 |', {
      caption: 'Calls <b>& "more"</b>',
      firstCellIsHeader: true,
    });
    expect(table).toContain(
      '<table class="govuk-table"><caption class="govuk-table__caption govuk-table__caption--s">Calls &lt;b&gt;&amp; &quot;more&quot;&lt;/b&gt;</caption><thead>',
    );
    expect(table).toContain('<tr><th class="sg-align-left" scope="row">Children</th><td class="sg-align-right">1,350</td></tr>');
    expect(tableHtml('| A |\n| --- |', { caption: "The council's figures" })).toContain('>The council\u2019s figures</caption>');
  });
});

describe('aligned table columns', () => {
  it('become a class, from the style MDX gives a cell', () => {
    expect(cellAlignment({ textAlign: 'right' })).toBe('right');
    expect(cellAlignment('text-align: center')).toBe('center');
    expect(cellAlignment({ textAlign: 'justify' })).toBeUndefined();
    expect(cellAlignment(undefined)).toBeUndefined();
    expect(alignmentClass({ textAlign: 'left' })).toBe('sg-align-left');
  });
});

describe('phone numbers in the preview', () => {
  it('are telephone links only when they are phone numbers; otherwise text marked "Not a phone number yet"', () => {
    expect(phoneLinkHtml('01702 534706', 'govuk-link')).toBe('<a class="govuk-link" href="tel:+441702534706">01702\u00a0534706</a>');
    expect(phoneLinkHtml('01702 53470O', 'govuk-link')).toBe(
      '<span class="sg-phone-unfinished">01702 53470O</span> <strong class="govuk-tag govuk-tag--red">Not a phone number yet</strong>',
    );
    const help = helpNumbersHtml({ childrenInHours: '01702 CALLME', outOfHours: '0345 606 1212' });
    expect(help).not.toContain('tel:+441702');
    expect(help).toContain('01702 CALLME</span> <strong class="govuk-tag govuk-tag--red">Not a phone number yet</strong>');
    expect(help).toContain('href="tel:+443456061212"');
    expect(help).toContain('href="tel:999"');
    expect(help).toContain('href="tel:101"');
    expect(contactPanelHtml({ organisation: 'O', email: 'a@b.org', phone: 'ring us', address: [] })).not.toContain('tel:');
  });
});
