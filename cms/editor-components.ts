/**
 * The editor components (src/cms/editor-components.ts) with their
 * previews: each shows as the site's component does, with the site settings
 * the preview has loaded (cms/settings-store.ts).
 */
import type { EditorComponentOptions } from 'decap-cms-core';
import { EDITOR_COMPONENTS, type BlockData, type EditorComponentDefinition } from '../src/cms/editor-components';
import { contactPanelHtml, figureHtml, helpNumbersHtml, insetHtml, mdxCodeHtml, tableHtml, warningHtml } from '../src/cms/preview-html';
import { settings } from './settings-store';

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

type GetAsset = (path: string, field?: unknown) => unknown;
interface FieldList {
  find?: (test: (field: { get: (key: string) => unknown }) => boolean) => unknown;
}

const PREVIEWS: Record<string, (data: BlockData, getAsset: GetAsset, fields: FieldList | undefined) => string> = {
  Warning: (data) => warningHtml(text(data.text)),
  Inset: (data) => insetHtml(text(data.text)),
  HelpNumbers: (data) => helpNumbersHtml(settings(), text(data.title)),
  ContactPanel: () => {
    const current = settings();
    return contactPanelHtml({
      organisation: current.organisation ?? '',
      email: current.email ?? '',
      phone: current.phone ?? '',
      address: current.address ?? [],
    });
  },
  Figure: (data, getAsset, fields) => {
    const src = text(data.src);
    const field = fields?.find?.((candidate) => candidate.get('name') === 'src');
    const asset = src ? getAsset(src, field) : '';
    return figureHtml({ alt: text(data.alt), caption: text(data.caption) }, asset ? String(asset) : src);
  },
  Table: (data) => tableHtml(text(data.markdown), { caption: text(data.caption), firstCellIsHeader: data.firstCellIsHeader === true }),
  table: (data) => tableHtml(text(data.markdown)),
  mdx: (data) => mdxCodeHtml(text(data.code)),
};

export function editorComponents(): EditorComponentOptions[] {
  return EDITOR_COMPONENTS.map((component: EditorComponentDefinition) => {
    const preview = PREVIEWS[component.id];
    return {
      id: component.id,
      label: component.label,
      fields: component.fields as unknown as NonNullable<Extract<EditorComponentOptions, { type?: 'block' }>['fields']>,
      pattern: component.pattern,
      fromBlock: component.fromBlock,
      toBlock: component.toBlock,
      toPreview: (data: BlockData, getAsset?: GetAsset, fields?: FieldList) =>
        preview ? preview(data, getAsset ?? ((path) => path), fields) : component.toBlock(data),
    } as EditorComponentOptions;
  });
}
