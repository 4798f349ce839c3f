/**
 * Decap's rich text editor (Slate) as the editor itself sees it, read from
 * its React component in the page: the text of each top-level block, where
 * its selection is (which is what typing uses: the browser's selection can be
 * ahead of it) and whether it has the keyboard. Tests type only once the
 * editor says the caret is where the text should go.
 */
import type { Locator, Page } from 'playwright-core';
import { waitFor } from './wait-for';

export interface SlateState {
  /** Each top-level block's text. */
  blocks: string[];
  /** The keyboard is in the editor itself (not in a component's form inside it, not elsewhere). */
  focused: boolean;
  /** The selection is a caret at the very end of the text. */
  caretAtEnd: boolean;
  /** The text the editor's selection covers, when it lies in one leaf (what its buttons act on). */
  selected?: string;
}

/** The state of the first Slate editor under `scope` (the body's rich text editor by default); undefined until it is drawn. */
export function slateState(page: Page, scope = '.cms-editor-visual'): Promise<SlateState | undefined> {
  return page.evaluate((selector) => {
    interface SlateNode {
      text?: string;
      children?: SlateNode[];
    }
    interface Point {
      path: number[];
      offset: number;
    }
    interface SlateEditor {
      children: SlateNode[];
      selection: { anchor: Point; focus: Point } | null;
    }
    type Fiber = { return: Fiber | null; memoizedProps?: { editor?: SlateEditor } };
    const root = document.querySelector(`${selector} [data-slate-editor="true"]`);
    if (!root) return undefined;
    const fiberKey = Object.keys(root).find((key) => key.startsWith('__reactFiber$'));
    let fiber = fiberKey ? (root as unknown as Record<string, Fiber>)[fiberKey] : null;
    while (fiber && !fiber.memoizedProps?.editor?.children) fiber = fiber.return;
    const editor = fiber?.memoizedProps?.editor;
    if (!editor) return undefined;
    const text = (node: SlateNode): string => node.text ?? (node.children ?? []).map(text).join('');
    // The end of the text: the last leaf of the last block, however deep.
    const path: number[] = [];
    let node: SlateNode = { children: editor.children };
    while (node.children?.length) {
      path.push(node.children.length - 1);
      node = node.children.at(-1)!;
    }
    const { selection } = editor;
    const caretAtEnd =
      Boolean(selection) &&
      selection!.anchor.path.join() === selection!.focus.path.join() &&
      selection!.anchor.offset === selection!.focus.offset &&
      selection!.anchor.path.join() === path.join() &&
      selection!.anchor.offset === (node.text ?? '').length;
    const leaf = (point: Point) =>
      point.path.reduce<SlateNode | undefined>((parent, index) => parent?.children?.[index], { children: editor.children });
    const selected =
      selection && selection.anchor.path.join() === selection.focus.path.join()
        ? leaf(selection.anchor)?.text?.slice(
            Math.min(selection.anchor.offset, selection.focus.offset),
            Math.max(selection.anchor.offset, selection.focus.offset),
          )
        : undefined;
    return { blocks: editor.children.map(text), focused: document.activeElement === root, caretAtEnd, selected };
  }, scope);
}

/**
 * Puts the caret at the end of the editor's text, whose last block reads
 * `lastBlock`, by clicking at the end of `target` (that block) and pressing
 * End, again until the editor itself says its caret is there and it has the
 * keyboard (a component's form drawn late can take the click, or the focus).
 */
export async function caretToEnd(page: Page, target: Locator, lastBlock: string, scope = '.cms-editor-visual'): Promise<void> {
  await waitFor(`the caret at the end of "${lastBlock}" in the rich text editor`, async () => {
    const box = await target.boundingBox();
    if (!box) return false;
    await target.click({ position: { x: Math.max(box.width - 1, 1), y: box.height / 2 } });
    await page.keyboard.press('End');
    const state = await slateState(page, scope);
    return state !== undefined && state.focused && state.caretAtEnd && state.blocks.at(-1) === lastBlock;
  });
}

/** The body's editor, not the small raw editors inside its components' forms. */
export const BODY_EDITOR = { rich_text: '.cms-editor-visual', raw: '.cms-editor-raw:not(.cms-editor-visual .cms-editor-raw)' } as const;

/**
 * The body's editor in `mode`, whichever mode the CMS opened it in (Decap
 * remembers the last one used in the browser): switched with its mode switch
 * (which has no accessible name; not a component's switch inside the body),
 * and drawn.
 */
export async function bodyMode(page: Page, mode: keyof typeof BODY_EDITOR): Promise<void> {
  await page.locator(`${BODY_EDITOR.rich_text}, ${BODY_EDITOR.raw}`).first().waitFor();
  const other = mode === 'raw' ? BODY_EDITOR.rich_text : BODY_EDITOR.raw;
  if ((await page.locator(BODY_EDITOR[mode]).count()) === 0) {
    await page.locator(`${other} [role="switch"]:not([data-slate-editor] [role="switch"])`).click();
  }
  await page.locator(`${BODY_EDITOR[mode]} [data-slate-editor="true"]`).first().waitFor();
}
