/**
 * Decap CMS's own code, for unit tests in Node: its Markdown editor's
 * serialiser (Markdown -> rich text -> Markdown, as the editor does when an
 * editor changes a body in rich text mode), its configuration validator, its
 * frontmatter writer and its slug maker. esbuild bundles them from the
 * installed packages' sources, with the project's editor components and
 * remark plugin registered as cms/main.ts registers them.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

export interface DecapInNode {
  /** Body -> rich text -> body, with the project's editor components and remark plugin (or Decap's defaults only). */
  roundTrip(markdown: string, options?: { project?: boolean }): string;
  /** The editor component that claims the block at the start of `markdown`, if any. */
  claim(markdown: string): string | undefined;
  /** Decap's check of a configuration; throws as the CMS would show it. */
  validateConfig(config: unknown): void;
  /** A file as Decap's frontmatter format writes it. */
  writeFrontmatter(data: Record<string, unknown>, keys: string[]): string;
  /** A file name as Decap makes it from a title, with the given slug settings. */
  slug(title: string, slugConfig: Record<string, unknown>): string;
}

const root = resolve('.');
const decapModules = join(root, 'node_modules/decap-cms-app/node_modules');

const ENTRY = `
// Decap's modules expect a browser; the little they touch when loaded is here.
import 'virtual:browser-globals';
import { Map } from 'immutable';
import createEditorComponent from 'decap-cms-core/src/valueObjects/EditorComponent.js';
import { validateConfig } from 'decap-cms-core/src/constants/configSchema.js';
import { registerWidget } from 'decap-cms-core/src/lib/registry.js';
import datetimeSchema from 'decap-cms-widget-datetime/src/schema.js';
import numberSchema from 'decap-cms-widget-number/src/schema.js';
import selectSchema from 'decap-cms-widget-select/src/schema.js';
import fileSchema from 'decap-cms-widget-file/src/schema.js';
import imageSchema from 'decap-cms-widget-image/src/schema.js';
import listSchema from 'decap-cms-widget-list/src/schema.js';
import markdownSchema from 'decap-cms-widget-markdown/src/schema.js';
import objectSchema from 'decap-cms-widget-object/src/schema.js';
import { FrontmatterInfer } from 'decap-cms-core/src/formats/frontmatter.ts';
import { getProcessSegment } from 'decap-cms-core/src/lib/formatters.ts';
import image from 'decap-cms-editor-component-image';
import { markdownToSlate, slateToMarkdown } from 'decap-cms-widget-markdown/src/serializers/index.js';
import { setEditorComponents } from 'virtual:markdown-control';
import { EDITOR_COMPONENTS } from './src/cms/editor-components.ts';
import { remarkMdxSafe } from './src/cms/remark.ts';
import { PROJECT_WIDGET_SCHEMAS } from './src/cms/fields.ts';

// As in the CMS: decap-cms-app registers the image and code block components (its extensions.js),
// cms/main.ts ours. Nine components: Decap's map no longer keeps their order.
const codeBlock = { id: 'code-block', label: 'Code Block', widget: 'code', type: 'code-block' };
function registry(components) {
  let map = Map();
  for (const component of [image, codeBlock, ...components]) {
    const plugin = createEditorComponent(component);
    map = map.set(plugin.id, plugin);
  }
  return map;
}
const withProject = registry(EDITOR_COMPONENTS);
const decapOnly = registry([]);

export function roundTrip(markdown, { project = true } = {}) {
  setEditorComponents(project ? withProject : decapOnly);
  const remarkPlugins = project ? [remarkMdxSafe] : [];
  return slateToMarkdown(markdownToSlate(markdown, { remarkPlugins }), { remarkPlugins });
}

export function claim(markdown) {
  setEditorComponents(withProject);
  const [first] = markdownToSlate(markdown, { remarkPlugins: [remarkMdxSafe] });
  return first?.data?.shortcode;
}

// The widgets the configuration uses, with the option schemas Decap checks them against.
const noControl = () => null;
for (const [name, schema] of Object.entries({
  string: {}, text: {}, boolean: {}, datetime: datetimeSchema, number: numberSchema, select: selectSchema, file: fileSchema,
  image: imageSchema, list: listSchema, markdown: markdownSchema, object: objectSchema,
})) registerWidget(name, noControl, null, schema);
// The project's own widgets (cms/widgets/), with the option schemas the CMS registers them with.
for (const [name, schema] of Object.entries(PROJECT_WIDGET_SCHEMAS)) registerWidget(name, noControl, null, schema);

export { validateConfig };

export function writeFrontmatter(data, keys) {
  return FrontmatterInfer.toFile(data, keys);
}

export function slug(title, slugConfig) {
  return getProcessSegment(slugConfig)(title);
}
`;

const STORE_STUB = ['selectIdentifier', 'selectField', 'selectInferredField', 'getFileFromSlug']
  .map((name) => `export function ${name}() { throw new Error('${name} is not part of this test bundle'); }`)
  .join('\n');

const HISTORY_STUB = 'export function createHashHistory() { return { push() {}, replace() {}, listen() { return () => {}; } }; }';

let loaded: Promise<DecapInNode> | undefined;

export function loadDecap(): Promise<DecapInNode> {
  loaded ??= (async () => {
    const folder = mkdtempSync(join(tmpdir(), 'sg-decap-'));
    const outfile = join(folder, 'decap.mjs');
    try {
      await build({
        stdin: { contents: ENTRY, resolveDir: root, loader: 'js', sourcefile: 'decap-in-node.js' },
        outfile,
        bundle: true,
        format: 'esm',
        // The browser build of each package, as in the CMS; it runs in Node too.
        platform: 'browser',
        nodePaths: [decapModules, join(root, 'node_modules')],
        loader: { '.js': 'jsx' },
        jsx: 'automatic',
        define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis' },
        logLevel: 'error',
        plugins: [
          {
            name: 'markdown-control',
            setup(builder) {
              // The serialiser asks the editor control for the registered components: answer from here.
              const shim =
                'let components;\nexport function setEditorComponents(map) { components = map; }\nexport function getEditorComponents() { return components; }\n';
              const globals = 'globalThis.window ??= globalThis;\n';
              builder.onResolve({ filter: /^(\.\.\/MarkdownControl|virtual:markdown-control)$/ }, () => ({
                path: 'markdown-control',
                namespace: 'shim',
              }));
              builder.onResolve({ filter: /^virtual:browser-globals$/ }, () => ({ path: 'browser-globals', namespace: 'shim' }));
              // The slug maker's module imports the CMS's store for other functions; the slug needs none of it.
              // The CMS's address bar history is made when its module loads; no test here navigates.
              builder.onResolve({ filter: /^history$/ }, (args) =>
                args.importer.endsWith('routing/history.ts') ? { path: 'history', namespace: 'shim' } : undefined,
              );
              builder.onResolve({ filter: /^\.\.\/reducers\/collections$/ }, (args) =>
                args.importer.endsWith('formatters.ts') ? { path: 'collections', namespace: 'shim' } : undefined,
              );
              builder.onLoad({ filter: /.*/, namespace: 'shim' }, (args) => ({
                contents: { 'browser-globals': globals, collections: STORE_STUB, history: HISTORY_STUB }[args.path] ?? shim,
                loader: 'js',
              }));
            },
          },
        ],
      });
      return (await import(pathToFileURL(outfile).href)) as DecapInNode;
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  })();
  return loaded;
}
