/**
 * Imports run one way: src/ builds the site and imports nothing from the
 * tools that test and measure it (tools/), the tests or the scripts; tools/
 * imports src/ but never tests/ or scripts/; scripts/ never import tests/;
 * the CMS's browser code (cms/) never imports tools/, tests/ or scripts/.
 * Each file's imports are read by TypeScript's own pre-processor (for an
 * .astro file, from its frontmatter and its <script> elements).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve('.');
const FOLDERS = ['src', 'tools', 'scripts', 'tests', 'cms'] as const;
type Folder = (typeof FOLDERS)[number];

/** What each folder may not import. */
const FORBIDDEN: Record<Folder, readonly Folder[]> = {
  src: ['tools', 'tests', 'scripts'],
  tools: ['tests', 'scripts'],
  scripts: ['tests'],
  cms: ['tools', 'tests', 'scripts'],
  tests: ['scripts'],
};

const CODE = /\.(ts|mts|mjs|js|astro)$/;

function files(folder: string): string[] {
  return readdirSync(join(ROOT, folder), { withFileTypes: true, recursive: true })
    .filter((item) => item.isFile() && CODE.test(item.name) && !item.name.endsWith('.d.ts'))
    .map((item) => relative(ROOT, join(item.parentPath, item.name)));
}

/** The code of a file TypeScript can read: an .astro file's frontmatter and scripts, any other file whole. */
function codeOf(file: string): string {
  const text = readFileSync(join(ROOT, file), 'utf8');
  if (!file.endsWith('.astro')) return text;
  const frontmatter = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1] ?? '';
  const scripts = [...text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((match) => match[1]);
  return [frontmatter, ...scripts].join('\n');
}

/** The project files a file imports (relative imports only; packages are not folders of the project). */
export function importsOf(file: string): string[] {
  const info = ts.preProcessFile(codeOf(file), true, true);
  return info.importedFiles
    .map((reference) => reference.fileName)
    .filter((name) => name.startsWith('.'))
    .map((name) => relative(ROOT, resolve(dirname(join(ROOT, file)), name)));
}

const folderOf = (path: string): string => path.split('/')[0]!;

/** The imports of files in `folder` that go where the folder must not. */
export function wrongImports(folder: Folder, imports: ReadonlyMap<string, readonly string[]>): string[] {
  const wrong: string[] = [];
  for (const [file, targets] of imports) {
    for (const target of targets)
      if ((FORBIDDEN[folder] as readonly string[]).includes(folderOf(target))) wrong.push(`${file} imports ${target}`);
  }
  return wrong;
}

describe('imports run one way', () => {
  it('reads imports with TypeScript, including dynamic ones and re-exports', () => {
    const info = ts.preProcessFile(
      "import a from './a';\nexport { b } from '../b';\nconst c = await import('./c.ts');\n// import d from './d';",
      true,
      true,
    );
    expect(info.importedFiles.map((reference) => reference.fileName)).toEqual(['./a', '../b', './c.ts']);
  });

  it('names an import that runs the wrong way', () => {
    const site = new Map([['src/site/feeds.ts', ['src/rules/dates.ts', 'tools/page-weight.ts']]]);
    expect(wrongImports('src', site)).toEqual(['src/site/feeds.ts imports tools/page-weight.ts']);
    const tools = new Map([['tools/bare-astro.ts', ['src/rules/dates.ts', 'tools/generate-content.ts', 'tests/support/slate.ts']]]);
    expect(wrongImports('tools', tools)).toEqual(['tools/bare-astro.ts imports tests/support/slate.ts']);
  });

  it.each(FOLDERS)('%s/ imports none of the folders it must not', (folder) => {
    expect(wrongImports(folder, new Map(files(folder).map((file) => [file, importsOf(file)])))).toEqual([]);
  });
});
