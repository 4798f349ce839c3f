import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { entriesWithoutRule, topLevelEntries } from '../../src/build/site-entries';
import { entriesOfBuildTasks, finishBuildTasks, startBuildTask } from '../../src/build/tasks';
import { headerRules } from '../../src/security/headers-file';
import { writeFileAtomically } from '../../src/build/atomic-file';
import { fixtureFolder } from '../support/fixture-folder';

const folders: string[] = [];
const site = (files: Record<string, string> = {}) => {
  const folder = fixtureFolder(files, 'sg-entries-');
  folders.push(folder);
  return folder;
};
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

describe('the top of the built site and the host headers', () => {
  it('lists files and folders at the root, leaving out the host files', () => {
    const root = site({ 'bulletins/index.html': '', 'index.html': '', 'robots.txt': '', _headers: '' });
    expect(topLevelEntries(root).sort()).toEqual(['bulletins/', 'index.html', 'robots.txt']);
  });

  it('finds the entries a set of rules leaves out: the search index written after the headers', () => {
    const rules = headerRules(['bulletins/', 'index.html']).map((rule) => rule.path);
    expect(entriesWithoutRule(['bulletins/', 'index.html'], rules)).toEqual([]);
    expect(entriesWithoutRule(['bulletins/', 'index.html', 'pagefind/', 'robots.txt'], rules)).toEqual(['pagefind/', 'robots.txt']);
  });

  it('knows what a task still running will write, until it is waited for', async () => {
    let finish!: () => void;
    startBuildTask(
      'Search index',
      new Promise<void>((done) => {
        finish = done;
      }),
      ['pagefind/'],
    );
    expect(entriesOfBuildTasks()).toEqual(['pagefind/']);
    // The headers are written from the site as it is plus what is still to come: the rule is there whichever ends first.
    const rules = headerRules(['index.html', ...entriesOfBuildTasks()]).map((rule) => rule.path);
    expect(rules).toContain('/pagefind/*');
    finish();
    await finishBuildTasks();
    expect(entriesOfBuildTasks()).toEqual([]);
  });

  it('writes a file whole, leaving no temporary file', () => {
    const root = site();
    const file = join(root, 'page.html');
    writeFileSync(file, 'old');
    writeFileAtomically(file, 'new');
    expect(readFileSync(file, 'utf8')).toBe('new');
    expect(readdirSync(root)).toEqual(['page.html']);
    expect(() => writeFileAtomically(join(root, 'missing', 'page.html'), 'x')).toThrow();
    expect(readdirSync(root)).toEqual(['page.html']);
  });
});
