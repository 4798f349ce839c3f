/**
 * The CMS bundle: cms/main.ts and everything it imports (Decap CMS, React 19,
 * the previews) bundled by esbuild into cms.js, and the site's own CSS
 * (src/styles/cms-preview.scss: site.scss and what only the previews use)
 * compiled by sass into preview.css for the previews.
 *
 * It is megabytes, so it is built once and kept in a cache folder named by a
 * hash of its inputs: the project's files it was built from (as esbuild and
 * sass report them) and npm's record of what is installed (for everything in
 * node_modules).
 * A build or the dev server only builds it again when one of them changed.
 * The cache is shared by builds of copies of the project (tests link
 * node_modules), and safe to share: a folder's name is its content's hash.
 */
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { compile } from 'sass';

/** Raise when the way the bundle is built changes, so old caches are not reused. */
const BUILD_RECIPE = 'cms-bundle-1';
const ENTRY = 'cms/main.ts';
const PREVIEW_SCSS = 'src/styles/cms-preview.scss';
const KEEP_BUILDS = 4;
const INSTALLED_RECORDS = ['node_modules/.package-lock.json', 'package-lock.json'];

export interface CmsBundle {
  /** The folder holding the bundle's files (cms.js, preview.css, ...). */
  dir: string;
  files: string[];
  hash: string;
  /** False when the cached bundle was reused. */
  built: boolean;
  seconds: number;
  bytes: number;
}

export function defaultCacheDir(root: string, env: NodeJS.ProcessEnv = process.env): string {
  return resolve(root, env.CMS_CACHE_DIR ?? 'node_modules/.cache/safeguarding-cms');
}

/** The hash of a bundle's inputs, as they are now; undefined when one has gone. */
export function inputsHash(root: string, inputs: readonly string[]): string | undefined {
  const hash = createHash('sha256').update(BUILD_RECIPE);
  // What is installed: npm's record of node_modules (a copy of the project links node_modules but may
  // have no package-lock.json of its own), else the lock file.
  const installed = INSTALLED_RECORDS.map((file) => join(root, file)).find((path) => existsSync(path));
  if (!installed) return undefined;
  hash.update(readFileSync(installed));
  for (const file of [...inputs].sort()) {
    const path = join(root, file);
    if (!existsSync(path)) return undefined;
    hash.update(`\0${file}\0`).update(readFileSync(path));
  }
  return hash.digest('hex').slice(0, 20);
}

interface Manifest {
  inputs: string[];
  files: string[];
}

function readManifest(folder: string): Manifest | undefined {
  try {
    return JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8')) as Manifest;
  } catch {
    return undefined;
  }
}

function folderBytes(dir: string, files: readonly string[]): number {
  return files.reduce((total, file) => total + statSync(join(dir, file)).size, 0);
}

/** A cached bundle whose inputs are unchanged, if there is one. */
export function findCachedBundle(root: string, cacheDir: string): CmsBundle | undefined {
  if (!existsSync(cacheDir)) return undefined;
  for (const name of readdirSync(cacheDir)) {
    if (!/^[0-9a-f]{20}$/.test(name)) continue;
    const dir = join(cacheDir, name);
    const manifest = readManifest(dir);
    if (!manifest || inputsHash(root, manifest.inputs) !== name) continue;
    if (!manifest.files.every((file) => existsSync(join(dir, file)))) continue;
    return { dir, files: manifest.files, hash: name, built: false, seconds: 0, bytes: folderBytes(dir, manifest.files) };
  }
  return undefined;
}

/** A project file's path relative to the root, or undefined for node_modules and files outside. */
function projectFile(root: string, path: string): string | undefined {
  const absolute = isAbsolute(path) ? path : resolve(root, path);
  const local = relative(root, absolute);
  if (local.startsWith('..') || isAbsolute(local) || local.split(sep).includes('node_modules') || !existsSync(absolute)) return undefined;
  return local.split(sep).join('/');
}

/** Builds the bundle into a new cache folder. */
export async function buildCmsBundle(root: string, cacheDir: string): Promise<CmsBundle> {
  const started = performance.now();
  const work = join(cacheDir, `building-${randomUUID()}`);
  mkdirSync(work, { recursive: true });
  try {
    const result = await build({
      absWorkingDir: root,
      entryPoints: { cms: join(root, ENTRY) },
      outdir: work,
      bundle: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      minify: true,
      metafile: true,
      legalComments: 'linked',
      logLevel: 'error',
      // decap-cms-app's packages have their own copies of some libraries: resolve from there first.
      nodePaths: [join(root, 'node_modules/decap-cms-app/node_modules'), join(root, 'node_modules')],
      loader: { '.js': 'jsx', '.wasm': 'file', '.woff': 'file', '.woff2': 'file', '.ttf': 'file', '.svg': 'file', '.png': 'file' },
      jsx: 'automatic',
      define: { 'process.env.NODE_ENV': '"production"', 'process.env': '{}', global: 'globalThis' },
    });
    const css = compile(join(root, PREVIEW_SCSS), {
      loadPaths: [join(root, 'node_modules')],
      style: 'compressed',
      quietDeps: true,
      silenceDeprecations: ['import'],
    });
    writeFileSync(join(work, 'preview.css'), css.css);

    const inputs = new Set<string>(['src/cms/bundle.ts']);
    for (const input of Object.keys(result.metafile.inputs)) {
      const file = projectFile(root, input.replace(/^[a-z-]+:/, ''));
      if (file) inputs.add(file);
    }
    for (const url of css.loadedUrls) {
      if (url.protocol !== 'file:') continue;
      const file = projectFile(root, fileURLToPath(url));
      if (file) inputs.add(file);
    }
    const files = readdirSync(work).sort();
    const manifest: Manifest = { inputs: [...inputs].sort(), files };
    writeFileSync(join(work, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    const hash = inputsHash(root, manifest.inputs);
    if (!hash) throw new Error('An input of the CMS bundle disappeared while it was being built; build again.');
    const dir = join(cacheDir, hash);
    try {
      renameSync(work, dir);
    } catch (error) {
      // Another build made the same bundle first: use it.
      if (!existsSync(join(dir, 'manifest.json'))) throw error;
    }
    pruneCache(cacheDir, hash);
    return { dir, files, hash, built: true, seconds: (performance.now() - started) / 1000, bytes: folderBytes(dir, files) };
  } finally {
    if (existsSync(work)) rmSync(work, { recursive: true, force: true });
  }
}

/** Keeps the newest few bundles (other checkouts may still use them). */
function pruneCache(cacheDir: string, keep: string): void {
  const builds = readdirSync(cacheDir)
    .filter((name) => /^[0-9a-f]{20}$/.test(name) && name !== keep)
    .map((name) => ({ name, time: statSync(join(cacheDir, name)).mtimeMs }))
    .sort((a, b) => b.time - a.time);
  for (const old of builds.slice(KEEP_BUILDS - 1)) rmSync(join(cacheDir, old.name), { recursive: true, force: true });
}

/** The bundle for the project as it is now: the cached one, or a new build. */
export async function ensureCmsBundle(root: string, cacheDir: string = defaultCacheDir(root)): Promise<CmsBundle> {
  const started = performance.now();
  const cached = findCachedBundle(root, cacheDir);
  if (cached) return { ...cached, seconds: (performance.now() - started) / 1000 };
  return buildCmsBundle(root, cacheDir);
}
