/**
 * The CMS at /admin/: Decap CMS from npm (decap-cms-app, React 19), bundled
 * by esbuild into /admin/cms.js (src/cms/bundle.ts). Its configuration,
 * made from the content model, is /admin/config.yml (src/pages/admin/).
 */
import CMS from 'decap-cms-app';
import { COLLECTIONS } from '../src/content/model';
import { emptyOptionalPaths } from '../src/cms/save';
import { remarkMdxSafe } from '../src/cms/remark';
import { unsafeBodyMessage } from '../src/cms/body-check';
import { editorComponents } from './editor-components';
import { previewTemplates } from './previews';
import { projectWidgets } from './widgets';
import { followEditorAddress } from './entry-route';
import { restoreBackupsAfterTheEntry } from './local-backup';
import { duplicateBeforeSave } from './unique-before-save';
import { startAccessibilityEnhancements } from './accessibility';
// Colours of Decap's that fail contrast, darkened: bundled into /admin/cms.css.
import './admin.css';

// The site's own CSS in every preview, compiled from src/styles/cms-preview.scss (site.scss and the previews' extras) beside this bundle.
CMS.registerPreviewStyle(new URL('preview.css', document.baseURI).pathname);

for (const [name, template] of previewTemplates()) CMS.registerPreviewTemplate(name, template);
for (const component of editorComponents()) CMS.registerEditorComponent(component);
// Dates typed as Day, Month and Year; unique numbers; phone numbers: each checked as it is typed.
for (const widget of projectWidgets()) CMS.registerWidget(widget as never);
CMS.registerRemarkPlugin(remarkMdxSafe as never);

// Messages in the build's words: "Years covered: expected years as YYYY-YYYY, for example 2020-2023."
const en = CMS.getLocale('en') as { editor?: { editorControlPane?: { widget?: Record<string, string> } } } | undefined;
const widget = en?.editor?.editorControlPane?.widget;
if (en && widget) {
  widget.regexPattern = '%{fieldLabel}: expected %{pattern}.';
  widget.required = '%{fieldLabel} is required: fill it in.';
  CMS.registerLocale('en', en);
}

// Before a save: an optional field left empty is left out of the file, as the build expects.
interface ImmutableData {
  toJS: () => Record<string, unknown>;
  deleteIn: (path: (string | number)[]) => ImmutableData;
}
CMS.registerEventListener({
  name: 'preSave',
  handler: async ({ entry }) => {
    const collection = COLLECTIONS.find((candidate) => candidate.name === entry.get('collection'));
    if (!collection) return undefined;
    let data = entry.get('data') as ImmutableData;
    // A body the build would refuse (code, an element pages may not use, an unsafe link) is not saved:
    // Decap shows this message and keeps the editor's text, to be corrected.
    const unsafe = unsafeBodyMessage(collection.name, (data.toJS() as { body?: unknown }).body);
    if (unsafe) throw new Error(unsafe);
    // A number another entry has (a field marked unique), however fast Publish was pressed (cms/unique-before-save.ts).
    const ownSlug = entry.get('newRecord') === true ? undefined : String(entry.get('slug') ?? '');
    const duplicate = await duplicateBeforeSave(collection, data.toJS(), ownSlug);
    if (duplicate) throw new Error(duplicate);
    // Deleted on Decap's own (Immutable) data.
    for (const path of emptyOptionalPaths(collection.fields, data.toJS())) data = data.deleteIn(path);
    return data;
  },
});

// The editor on screen is the entry of the address, however the address changed (cms/entry-route.ts).
followEditorAddress();
// An accepted local backup is what the form shows, not replaced by the entry loading after it (cms/local-backup.ts).
restoreBackupsAfterTheEntry();
// Names for the controls Decap leaves unnamed, and Escape closing the media library.
startAccessibilityEnhancements();

CMS.init();
