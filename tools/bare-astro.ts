/**
 * The yardstick for `npm run bench`: a bare Astro 7 + MDX + Pagefind site
 * with the same generated entries as the project's copy. One collection (the
 * glob loader over every .mdx file, a title in the schema), one page per
 * entry with its h1 and body, a Table component that renders a plain table
 * (the generated bodies use <Table>), and Pagefind's CLI on the result: what
 * anyone would start from, with none of the project's checks, layout, share
 * images or CMS. It uses the project's own node_modules, so the versions are
 * the same.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { writeFiles, type GeneratedFile } from './generate-content';

const FILES: Record<string, string> = {
  'package.json': '{ "name": "bare-astro", "private": true, "type": "module" }\n',
  'astro.config.mjs': [
    "import { defineConfig } from 'astro/config';",
    "import mdx from '@astrojs/mdx';",
    "export default defineConfig({ integrations: [mdx()], cacheDir: './.cache', devToolbar: { enabled: false } });",
    '',
  ].join('\n'),
  'src/content.config.ts': [
    "import { defineCollection } from 'astro:content';",
    "import { glob } from 'astro/loaders';",
    "import { z } from 'astro/zod';",
    "export const collections = { entries: defineCollection({ loader: glob({ pattern: '**/*.mdx', base: './content' }), schema: z.object({ title: z.string() }).passthrough() }) };",
    '',
  ].join('\n'),
  'src/Table.astro': '---\nconst { caption } = Astro.props;\n---\n<table><caption>{caption}</caption><slot /></table>\n',
  'src/pages/[...slug].astro': [
    '---',
    "import { getCollection, render } from 'astro:content';",
    "import Table from '../Table.astro';",
    'export async function getStaticPaths() {',
    "  return (await getCollection('entries')).map((entry) => ({ params: { slug: entry.id }, props: { entry } }));",
    '}',
    'const { entry } = Astro.props;',
    'const { Content } = await render(entry);',
    '---',
    '<html lang="en"><head><meta charset="utf-8"><title>{entry.data.title}</title></head><body><main data-pagefind-body><h1>{entry.data.title}</h1><Content components={{ Table }} /></main></body></html>',
    '',
  ].join('\n'),
};

export interface BareProject {
  root: string;
  remove: () => void;
}

/** A bare Astro project in a temporary folder holding `entries` (paths under content/ kept). */
export function writeBareAstroProject(entries: readonly GeneratedFile[]): BareProject {
  const root = mkdtempSync(join(tmpdir(), 'sg-bare-astro-'));
  writeFiles(root, [...Object.entries(FILES).map(([path, text]) => ({ path, text })), ...entries]);
  symlinkSync(resolve('node_modules'), join(root, 'node_modules'), 'dir');
  return { root, remove: () => rmSync(root, { recursive: true, force: true }) };
}

/** A cold build (Astro's cache and dist/ removed first), then Pagefind; wall time of both. */
export function buildBareAstro(root: string): { seconds: number; output: string } {
  rmSync(join(root, 'dist'), { recursive: true, force: true });
  rmSync(join(root, '.cache'), { recursive: true, force: true });
  const env = { ...process.env, NODE_ENV: 'production', ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0' };
  const started = performance.now();
  const astro = spawnSync(process.execPath, [resolve('node_modules/astro/bin/astro.mjs'), 'build'], {
    cwd: root,
    env,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (astro.status !== 0) throw new Error(`The bare Astro build failed:\n${`${astro.stdout}\n${astro.stderr}`.slice(-4000)}`);
  const pagefind = spawnSync(process.execPath, [resolve('node_modules/pagefind/lib/runner/bin.cjs'), '--site', 'dist'], {
    cwd: root,
    env,
    encoding: 'utf8',
  });
  if (pagefind.status !== 0)
    throw new Error(`Pagefind failed on the bare build:\n${`${pagefind.stdout}\n${pagefind.stderr}`.slice(-4000)}`);
  return { seconds: (performance.now() - started) / 1000, output: `${astro.stdout}\n${pagefind.stdout}` };
}
