import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { leftoverFolders, missingOutputs, recoverOutput, replaceOutput, retiredFolder, stagingFolder } from '../../src/build/output';
import { fixtureFolder } from '../support/fixture-folder';

const folders: string[] = [];
function project(files: Record<string, string>): string {
  const root = fixtureFolder(files, 'sg-output-');
  folders.push(root);
  return root;
}
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

describe('replacing the output folder', () => {
  it('puts the staging folder in place of dist/ and deletes the previous one', () => {
    const root = project({ 'dist/index.html': 'old', 'dist/old-only.html': 'old', [`dist.building-1-a/index.html`]: 'new' });
    const dist = join(root, 'dist');
    expect(stagingFolder(dist, '1-a')).toBe(join(root, 'dist.building-1-a'));
    replaceOutput(stagingFolder(dist, '1-a'), dist, '1-a');
    expect(readdirSync(dist)).toEqual(['index.html']);
    expect(readFileSync(join(dist, 'index.html'), 'utf8')).toBe('new');
    expect(readdirSync(root).sort()).toEqual(['dist']);
  });

  it('works when there is no dist/ yet', () => {
    const root = project({ 'dist.building-2-b/index.html': 'new' });
    replaceOutput(join(root, 'dist.building-2-b'), join(root, 'dist'), '2-b');
    expect(readdirSync(root)).toEqual(['dist']);
  });

  it('puts the previous dist/ back when the new one cannot be moved in', () => {
    const root = project({ 'dist/index.html': 'old' });
    expect(() => replaceOutput(join(root, 'dist.building-missing'), join(root, 'dist'), '3-c')).toThrow(/ENOENT/);
    expect(readFileSync(join(root, 'dist/index.html'), 'utf8')).toBe('old');
    expect(existsSync(retiredFolder(join(root, 'dist'), '3-c'))).toBe(false);
  });
});

describe('what a killed build left', () => {
  it('removes staging and retired folders of the same output, and nothing else', () => {
    const root = project({
      'dist/index.html': 'current',
      'dist.building-9-x/a.html': '',
      'dist.old-8-y/a.html': '',
      'dist-before.building-1-z/a.html': '',
      'dist.notes/a.txt': '',
    });
    expect(
      leftoverFolders(join(root, 'dist'))
        .map((item) => item.kind)
        .sort(),
    ).toEqual(['building', 'old']);
    const done = recoverOutput(join(root, 'dist'));
    expect(done).toHaveLength(2);
    expect(readdirSync(root).sort()).toEqual(['dist', 'dist-before.building-1-z', 'dist.notes']);
    expect(readFileSync(join(root, 'dist/index.html'), 'utf8')).toBe('current');
  });

  it('puts the previous build back when a build died between the two renames', () => {
    const root = project({ 'dist.old-5-q/index.html': 'previous', 'dist.building-5-q/index.html': 'half' });
    expect(recoverOutput(join(root, 'dist'))).toEqual([
      'Put back dist.old-5-q as dist/ (a build stopped while replacing it)',
      'Removed dist.building-5-q/, left by a build that did not finish',
    ]);
    expect(readFileSync(join(root, 'dist/index.html'), 'utf8')).toBe('previous');
    expect(readdirSync(root)).toEqual(['dist']);
  });
});

describe('a finished build', () => {
  it('names what it lacks', () => {
    const root = project({ 'index.html': '', _headers: '' });
    mkdirSync(join(root, 'share-images'));
    writeFileSync(join(root, '404.html'), '');
    expect(missingOutputs(root)).toEqual([
      'sitemap-index.xml',
      'reviews/rss.xml',
      'bulletins/rss.xml',
      'pagefind/pagefind-entry.json',
      'admin/index.html',
    ]);
  });
});
