/**
 * Names for the CMS's controls that Decap leaves unnamed, given from their
 * context and kept up to date as Decap draws its screens (a MutationObserver
 * on the page), and Escape closing the media library. The words are in
 * src/cms/accessibility.ts; tests/site/cms-accessibility.test.ts checks
 * them with axe-core on every screen.
 *
 * Found by Decap's own markup, which is stable within a version: list items
 * by dnd-kit's sortable handle (aria-roledescription="sortable"), the rich
 * text editor by Slate's data-slate-editor, the Markdown switch by its
 * role="switch" beside its "Markdown" label, the media library by its
 * aria-modal dialog and its "Close" button. Only attributes Decap does not
 * set itself are added, so React never fights over them.
 */
import { listItemControlNames, listItemName, listItemSummary, MEDIA_DIALOG_NAME } from '../src/cms/accessibility';

let nextId = 0;

function idOf(element: Element): string {
  if (!element.id) element.id = `sg-a11y-${(nextId += 1)}`;
  return element.id;
}

function setAttribute(element: Element, name: string, value: string): void {
  if (element.getAttribute(name) !== value) element.setAttribute(name, value);
}

/** The label of the field a control is in (Decap: a <label for> in the field's top bar), without "(optional)". */
function fieldLabel(container: Element | null): HTMLLabelElement | null {
  return container?.querySelector(':scope > div > label[for]') ?? null;
}

/** The buttons of each list item: collapse, drag handle, remove, named after the list and the item. */
function nameListItems(root: ParentNode): void {
  for (const handle of root.querySelectorAll('[aria-roledescription="sortable"][role="button"]')) {
    const topBar = handle.parentElement;
    const item = topBar?.parentElement;
    const list = item?.parentElement;
    if (!topBar || !item || !list) continue;
    // The list's field: the nearest field container whose label points at the list's element.
    const field = item.closest('[aria-label="list field"]');
    const label = fieldLabel(field)?.textContent ?? '';
    const position = [...list.children].indexOf(item) + 1;
    // The item's summary: the value of a one-field item's box, or Decap's summary line under the top bar
    // (kept, hidden, while the item is open) for an item of several fields.
    const boxes = [...item.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input[type="text"], textarea')];
    const summaryLine = item.querySelector(':scope > [class*="NestedObjectLabel"]')?.textContent ?? '';
    const summary = listItemSummary(
      boxes.map((box) => box.value),
      summaryLine,
    );
    const names = listItemControlNames(listItemName(label, position, summary));
    const [toggle, remove] = [...topBar.querySelectorAll(':scope > button')];
    if (toggle && !toggle.hasAttribute('data-testid')) setAttribute(toggle, 'aria-label', names.toggle);
    setAttribute(handle, 'aria-label', names.move);
    if (remove && remove !== toggle) setAttribute(remove, 'aria-label', names.remove);
  }
}

/** The rich text editor: named by its field's label ("Body", "Learning briefing"). */
function nameRichText(root: ParentNode): void {
  for (const editor of root.querySelectorAll('[data-slate-editor="true"][role="textbox"]')) {
    if (editor.closest('[data-slate-editor="true"]') !== editor) continue;
    const label = fieldLabel(editor.closest('[aria-label="markdown field"]'));
    if (label) setAttribute(editor, 'aria-labelledby', idOf(label));
  }
}

/** The rich text / Markdown switch: named by its "Markdown" label, on while the Markdown editor shows. */
function nameMarkdownSwitch(root: ParentNode): void {
  for (const toggle of root.querySelectorAll('[aria-label="markdown field"] button[role="switch"]:not([id])')) {
    const markdownLabel = toggle.nextElementSibling;
    if (markdownLabel?.tagName === 'SPAN') setAttribute(toggle, 'aria-labelledby', idOf(markdownLabel));
    const raw = toggle.closest('.cms-editor-raw') !== null;
    setAttribute(toggle, 'aria-checked', raw ? 'true' : 'false');
  }
}

/** The media library: named by its heading; its pictures have the file name beside them, so are decorative. */
function nameMediaLibrary(root: ParentNode): void {
  for (const dialog of root.querySelectorAll('[role="dialog"][aria-modal="true"]')) {
    if (dialog.hasAttribute('aria-label')) continue;
    const heading = dialog.querySelector('h1');
    if (heading?.textContent?.trim()) setAttribute(dialog, 'aria-labelledby', idOf(heading));
    else setAttribute(dialog, 'aria-label', MEDIA_DIALOG_NAME);
  }
  for (const image of root.querySelectorAll('[role="dialog"] img:not([alt])')) image.setAttribute('alt', '');
}

/**
 * A relation field's list of options. Decap draws it as a scrolling list
 * (react-window) in place of react-select's own listbox, so its options
 * have no listbox around them and the combobox's aria-controls points at
 * nothing: the list is given react-select's listbox id and role, and the
 * field's label as its name, as the combobox has.
 */
function nameOptionLists(root: ParentNode): void {
  for (const combobox of root.querySelectorAll<HTMLInputElement>('input[role="combobox"][aria-controls][id]')) {
    const listboxId = combobox.getAttribute('aria-controls') ?? '';
    const options = combobox.closest('[class*="-container"]')?.querySelector(':scope > [class*="-menu"]');
    const label = document.querySelector(`label[for="${CSS.escape(combobox.id)}"]`);
    if (!options || !label) continue;
    const drawn = document.getElementById(listboxId);
    // react-select's own listbox (a select field's) is already there; name it.
    const listbox = drawn ?? options.querySelector(':scope > div:has([role="option"])');
    if (!listbox) continue;
    if (!drawn) {
      setAttribute(listbox, 'id', listboxId);
      setAttribute(listbox, 'role', 'listbox');
    }
    setAttribute(listbox, 'aria-labelledby', idOf(label));
  }
}

export function enhance(root: ParentNode = document): void {
  nameListItems(root);
  nameOptionLists(root);
  nameRichText(root);
  nameMarkdownSwitch(root);
  nameMediaLibrary(root);
}

/** Escape closes the open media library (Decap's "Close" button), as it does any other dialog. */
function closeDialogOnEscape(event: KeyboardEvent): void {
  if (event.key !== 'Escape' || event.defaultPrevented) return;
  const dialogs = [...document.querySelectorAll('[role="dialog"][aria-modal="true"]')];
  const close = dialogs.at(-1)?.querySelector<HTMLButtonElement>('button[aria-label="Close"]');
  if (!close) return;
  event.preventDefault();
  close.click();
}

/** Names the controls now and whenever Decap draws or changes its screens. */
export function startAccessibilityEnhancements(): void {
  let scheduled = false;
  const run = () => {
    scheduled = false;
    enhance(document);
  };
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    queueMicrotask(run);
  };
  new MutationObserver(schedule).observe(document.body, {
    childList: true,
    subtree: true,
    characterData: true,
    attributes: true,
    attributeFilter: ['class', 'value'],
  });
  // A list item's name follows its text as the editor types it.
  document.addEventListener('input', schedule);
  document.addEventListener('keydown', closeDialogOnEscape);
  run();
}
