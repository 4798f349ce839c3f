/**
 * Filling the CMS's forms as an editor does, one small function a widget, so
 * that when a widget changes, one function changes. Each waits until the
 * form (or the editor's own model) holds what was entered.
 */
import type { Page } from 'playwright-core';
import { waitFor } from './wait-for';

/** Enters a date (YYYY-MM-DD) in the date field labelled `label`, and waits until the field holds it. */
export async function fillDate(page: Page, label: string, isoDate: string): Promise<void> {
  const input = page.getByLabel(label, { exact: true });
  await input.fill(isoDate);
  await waitFor(`the ${label} field to hold ${isoDate}`, async () => (await input.inputValue()) === isoDate);
}

/** Chooses `option` in the select field labelled `label` (Decap's select: a combobox with a list of options). */
export async function chooseOption(page: Page, label: string, option: string): Promise<void> {
  await page.getByLabel(label, { exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
  await page.locator('[class*="singleValue"]', { hasText: option }).first().waitFor();
}

/**
 * Selects `text` in the body's rich text editor, and waits until the editor's
 * own model (Slate's selection, which its buttons act on) covers exactly it.
 */
export async function selectInRichText(page: Page, text: string, scope = '.cms-editor-visual'): Promise<void> {
  await waitFor(`"${text}" selected in the rich text editor`, async () => {
    const selected = await page.evaluate(({ selector, wanted }) => {
      interface SlateNode { text?: string; children?: SlateNode[] }
      interface Point { path: number[]; offset: number }
      interface SlateEditor { children: SlateNode[]; selection: { anchor: Point; focus: Point } | null }
      type Fiber = { return: Fiber | null; memoizedProps?: { editor?: SlateEditor } };
      const root = document.querySelector(`${selector} [data-slate-editor="true"]`);
      if (!root) return undefined;
      const fiberKey = Object.keys(root).find((key) => key.startsWith('__reactFiber$'));
      let fiber = fiberKey ? (root as unknown as Record<string, Fiber>)[fiberKey] : null;
      while (fiber && !fiber.memoizedProps?.editor?.children) fiber = fiber.return;
      const editor = fiber?.memoizedProps?.editor;
      const selection = editor?.selection;
      const leaf = (point: Point) => point.path.reduce<SlateNode | undefined>((node, index) => node?.children?.[index], { children: editor!.children });
      const already = selection && selection.anchor.path.join() === selection.focus.path.join()
        ? leaf(selection.anchor)?.text?.slice(Math.min(selection.anchor.offset, selection.focus.offset), Math.max(selection.anchor.offset, selection.focus.offset))
        : undefined;
      if (already === wanted) return wanted;
      // Not yet: select it in the page, which the editor follows.
      root instanceof HTMLElement && root.focus();
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent?.indexOf(wanted) ?? -1;
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + wanted.length);
        const domSelection = getSelection();
        domSelection?.removeAllRanges();
        domSelection?.addRange(range);
        break;
      }
      return undefined;
    }, { selector: scope, wanted: text });
    return selected === text;
  });
}
