import { describe, expect, it } from 'vitest';
import { editorMustReopen, editorOf } from '../../src/cms/entry-route';

describe('editorOf', () => {
  it('names the entry an editor address shows, and nothing for other screens', () => {
    expect(editorOf('/collections/reviews/entries/adult-b-safeguarding-adults-review')).toBe(
      'reviews/entries/adult-b-safeguarding-adults-review',
    );
    expect(editorOf('/collections/reviews/entries/adult-b/')).toBe('reviews/entries/adult-b');
    expect(editorOf('/collections/settings/entries/site')).toBe('settings/entries/site');
    expect(editorOf('/collections/bulletins/new')).toBe('bulletins/new');
    expect(editorOf('/collections/bulletins/new?title=x')).toBe('bulletins/new');
    expect(editorOf('/collections/bulletins')).toBeUndefined();
    expect(editorOf('/collections/bulletins/filter/x')).toBeUndefined();
    expect(editorOf('/collections/bulletins/newsletter')).toBeUndefined();
    expect(editorOf('/media')).toBeUndefined();
    expect(editorOf('/')).toBeUndefined();
  });
});

describe('editorMustReopen', () => {
  const a = '/collections/reviews/entries/d-domestic-homicide-review';
  const b = '/collections/reviews/entries/adult-b-safeguarding-adults-review';
  it('reopens the editor when the address bar, Back or Forward moves straight to another entry', () => {
    expect(editorMustReopen(a, b, 'POP')).toBe(true);
    expect(editorMustReopen(a, '/collections/bulletins/entries/covid-19-bulletin-1', 'POP')).toBe(true);
    expect(editorMustReopen('/collections/bulletins/new', '/collections/bulletins/entries/covid-19-bulletin-1', 'POP')).toBe(true);
    expect(editorMustReopen(b, '/collections/bulletins/new', 'POP')).toBe(true);
  });
  it('leaves Decap alone for the same entry, moves from or to a list, and its own moves after a save', () => {
    expect(editorMustReopen(a, a, 'POP')).toBe(false);
    expect(editorMustReopen(a, `${a}/`, 'POP')).toBe(false);
    expect(editorMustReopen('/collections/reviews', b, 'POP')).toBe(false);
    expect(editorMustReopen(a, '/collections/reviews', 'POP')).toBe(false);
    expect(editorMustReopen('/collections/bulletins/new', '/collections/bulletins/entries/covid-19-bulletin-7', 'REPLACE')).toBe(false);
    expect(editorMustReopen(a, b, 'REPLACE')).toBe(false);
  });
});
