// Wide tables' scroll boxes are tab stops only while they overflow
// (src/site/scroll-box.ts): checked now, and again whenever a box or its
// table changes size (a window resized or turned, text zoomed or spaced).
// Without this script every box stays a tab stop, as the HTML has it.
import { syncTabStop } from '../site/scroll-box';

const boxes = [...document.querySelectorAll<HTMLElement>('.sg-table-wrap')];
const syncAll = () => {
  for (const box of boxes) syncTabStop(box);
};
syncAll();
if (typeof ResizeObserver === 'function') {
  const observer = new ResizeObserver(syncAll);
  for (const box of boxes) {
    observer.observe(box);
    if (box.firstElementChild) observer.observe(box.firstElementChild);
  }
} else {
  window.addEventListener('resize', syncAll);
}
