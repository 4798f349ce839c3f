/**
 * A scroll box (a wide table's .sg-table-wrap) is a tab stop only while it
 * has more to show than fits: then a keyboard user needs to reach it to
 * scroll it (WCAG 2.1.1); when everything fits, a tab stop that does nothing
 * only slows them down. The boxes scroll sideways only (overflow-x), so only
 * their width is compared. Run by src/scripts/scroll-boxes.ts on load and
 * whenever a box or its table changes size.
 */

/** What the check reads and changes of a box: an HTMLElement has all of it. */
export interface ScrollBox {
  readonly scrollWidth: number;
  readonly clientWidth: number;
  getAttribute(name: string): string | null;
  setAttribute(name: string, value: string): void;
  removeAttribute(name: string): void;
}

/** The box's content is wider than the box, so part of it is hidden until scrolled to. */
export function overflows(box: Pick<ScrollBox, 'scrollWidth' | 'clientWidth'>): boolean {
  return box.scrollWidth > box.clientWidth;
}

/** Makes the box a tab stop while it overflows, and not otherwise. Returns whether it is one. */
export function syncTabStop(box: ScrollBox): boolean {
  const needed = overflows(box);
  if (needed && box.getAttribute('tabindex') !== '0') box.setAttribute('tabindex', '0');
  if (!needed && box.getAttribute('tabindex') !== null) box.removeAttribute('tabindex');
  return needed;
}
