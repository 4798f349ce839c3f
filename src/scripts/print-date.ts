// The printed page's date (the print-only block in src/layouts/Layout.astro):
// the day it is printed, by the reader's clock, set when the page opens and
// again as it is printed. Without this script the block says the day the page
// was built, also true. No imports: it adds only itself to the site's script
// (the site's own date formatting, src/site/print.ts printedOnText, writes the
// same words: tests/unit/print.test.ts).
export function printedOn(now: Date): string {
  return `Printed on ${now.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' })}.`;
}

export function stampPrintDate(doc: Document, now: Date = new Date()): void {
  for (const element of doc.querySelectorAll<HTMLElement>('[data-print-date]')) element.textContent = printedOn(now);
}

export function keepPrintDate(win: Window): void {
  stampPrintDate(win.document);
  win.addEventListener('beforeprint', () => stampPrintDate(win.document));
}
