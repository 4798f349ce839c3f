// The printed page's date (the print-only block in src/layouts/Layout.astro):
// the day it is printed, set when the page opens and again as it is printed.
// Without this script the block says the day the page was built, also true.
import { localIsoDate, printedOnText } from '../site/print';

export function stampPrintDate(doc: Document, now: Date = new Date()): void {
  for (const element of doc.querySelectorAll<HTMLElement>('[data-print-date]')) element.textContent = printedOnText(localIsoDate(now));
}

export function keepPrintDate(win: Window): void {
  stampPrintDate(win.document);
  win.addEventListener('beforeprint', () => stampPrintDate(win.document));
}
