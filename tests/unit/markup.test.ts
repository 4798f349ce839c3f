/**
 * The element trees the site and the CMS previews share (src/html/markup.ts):
 * text and attributes always escaped, raw HTML only where it is given, and the
 * same HTML whether the site serialises a block or React draws it.
 */
import { createElement, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import {
  embedded,
  escapeAttribute,
  escapeText,
  h,
  raw,
  renderHtml,
  toElements,
  type CreateElement,
  type MarkupNode,
} from '../../src/html/markup';
import { normalisedHtml } from '../support/markup-compare';

const asReact = (node: MarkupNode): string =>
  renderToStaticMarkup(createElement('div', null, toElements(node, createElement as CreateElement<ReactElement>) as ReactElement));
const reactInner = (node: MarkupNode): string => asReact(node).replace(/^<div>|<\/div>$/g, '');

describe('markup trees', () => {
  it('escape every text and attribute value, as Astro escapes an expression', () => {
    const hostile = '<script>alert("x")</script> & \'y\'';
    expect(renderHtml(h('p', { title: hostile, class: 'govuk-body' }, hostile))).toBe(
      '<p title="<script>alert(&quot;x&quot;)</script> &amp; \'y\'" class="govuk-body">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;</p>',
    );
    expect(escapeText('a & b < c > d " e \' f')).toBe('a &amp; b &lt; c &gt; d &quot; e &#39; f');
    expect(escapeAttribute('a & "b"')).toBe('a &amp; &quot;b&quot;');
  });

  it('refuse event handlers and names that are not HTML, so a block cannot run anything', () => {
    expect(() => h('a', { onclick: 'alert(1)' })).toThrow(/"onclick" is not an attribute a block may have/);
    expect(() => h('a', { 'href"><script': 'x' })).toThrow(/is not an attribute/);
    expect(() => h('script><img', null)).toThrow(/is not an HTML element name/);
  });

  it('leave out empty children and attributes, write boolean attributes bare and void elements without an end tag', () => {
    expect(
      renderHtml(
        h('div', { 'data-pagefind-ignore': true, hidden: false, id: undefined }, null, false, undefined, 'a', h('br', null), 2, [
          'b',
          ['c'],
        ]),
      ),
    ).toBe('<div data-pagefind-ignore>a<br>2bc</div>');
  });

  it('take raw HTML as it is given, and draw an embedded node only in React', () => {
    expect(renderHtml(h('p', null, raw('<em>made safe by its maker</em>')))).toBe('<p><em>made safe by its maker</em></p>');
    expect(() => renderHtml(h('div', null, embedded('a React node')))).toThrow(/drawn only by the CMS preview/);
    const node = toElements(
      h('div', null, embedded(createElement('em', null, 'inside'))),
      createElement as CreateElement<ReactElement>,
    ) as ReactElement;
    expect(renderToStaticMarkup(node)).toBe('<div><em>inside</em></div>');
  });

  it('draw the same HTML in React as the site serialises, raw HTML included', () => {
    const tree = [
      h(
        'div',
        { class: 'govuk-warning-text' },
        h('span', { class: 'govuk-warning-text__icon', 'aria-hidden': 'true' }, '!'),
        h('strong', null, 'It\'s "here" & <now>'),
      ),
      h('label', { class: 'govuk-label', for: 'q' }, 'Search'),
      h('input', { id: 'q', maxlength: 200, autocomplete: 'off', hidden: true }),
      h('p', null, 'Call ', raw('<a href="tel:999">999</a>'), ' now'),
      h('dl', { 'data-pagefind-ignore': true }, h('dt', null, 'Key'), h('dd', null, 'Value')),
    ];
    const site = renderHtml(tree);
    expect(normalisedHtml(reactInner(tree))).toBe(normalisedHtml(site));
    expect(reactInner(tree)).toMatch(/ maxlength="200"/i);
    expect(() => toElements(h('p', null, raw('<b>x</b>'), embedded('y')), createElement as CreateElement<ReactElement>)).toThrow(
      /cannot share an element/,
    );
  });
});
