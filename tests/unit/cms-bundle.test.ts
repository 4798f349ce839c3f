/**
 * The CMS bundle is built once and reused while its inputs do not change:
 * the cache is found by a hash of the inputs a build recorded (the project's
 * files esbuild and sass read, and npm's record of node_modules).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findCachedBundle, inputsHash } from '../../src/cms/bundle';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function project(): { root: string; cache: string } {
  const root = mkdtempSync(join(tmpdir(), 'sg-cms-bundle-'));
  folders.push(root);
  mkdirSync(join(root, 'cms'));
  mkdirSync(join(root, 'node_modules'));
  writeFileSync(join(root, 'cms/main.ts'), 'import "./a";\n');
  writeFileSync(join(root, 'cms/a.ts'), 'export const a = 1;\n');
  writeFileSync(join(root, 'node_modules/.package-lock.json'), '{"packages":{"node_modules/decap-cms-app":{"version":"3.16.3"}}}');
  return { root, cache: join(root, 'cache') };
}

/** A cached bundle as a build leaves it: a folder named by the hash, with its manifest. */
function cacheBundle(root: string, cache: string, inputs: string[]): string {
  const hash = inputsHash(root, inputs)!;
  mkdirSync(join(cache, hash), { recursive: true });
  writeFileSync(join(cache, hash, 'cms.js'), 'console.log("cms")');
  writeFileSync(join(cache, hash, 'manifest.json'), JSON.stringify({ inputs, files: ['cms.js'] }));
  return hash;
}

describe('the CMS bundle cache', () => {
  it('is reused while no input changes', () => {
    const { root, cache } = project();
    const hash = cacheBundle(root, cache, ['cms/main.ts', 'cms/a.ts']);
    const found = findCachedBundle(root, cache);
    expect(found).toMatchObject({ hash, built: false, files: ['cms.js'] });
    expect(found!.bytes).toBe('console.log("cms")'.length);
  });

  it('is not reused when an input changes, or when what is installed changes', () => {
    const { root, cache } = project();
    cacheBundle(root, cache, ['cms/main.ts', 'cms/a.ts']);
    writeFileSync(join(root, 'cms/a.ts'), 'export const a = 2;\n');
    expect(findCachedBundle(root, cache)).toBeUndefined();
    writeFileSync(join(root, 'cms/a.ts'), 'export const a = 1;\n');
    expect(findCachedBundle(root, cache)).toBeDefined();
    writeFileSync(join(root, 'node_modules/.package-lock.json'), '{"packages":{"node_modules/decap-cms-app":{"version":"3.17.0"}}}');
    expect(findCachedBundle(root, cache)).toBeUndefined();
  });

  it('is not reused when an input has gone (an import was removed with its file)', () => {
    const { root, cache } = project();
    cacheBundle(root, cache, ['cms/main.ts', 'cms/a.ts']);
    rmSync(join(root, 'cms/a.ts'));
    expect(inputsHash(root, ['cms/main.ts', 'cms/a.ts'])).toBeUndefined();
    expect(findCachedBundle(root, cache)).toBeUndefined();
  });

  it('hashes the same inputs the same way, in any order, and different content differently', () => {
    const { root } = project();
    expect(inputsHash(root, ['cms/a.ts', 'cms/main.ts'])).toBe(inputsHash(root, ['cms/main.ts', 'cms/a.ts']));
    const before = inputsHash(root, ['cms/main.ts']);
    writeFileSync(join(root, 'cms/main.ts'), 'import "./b";\n');
    expect(inputsHash(root, ['cms/main.ts'])).not.toBe(before);
  });
});
