import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { missingSettingsFiles } from '../../src/content/files';
import { formatProblem } from '../../src/content/schemas';
import { readContentProblems } from '../../src/content/dev-problems';

let root = '';
afterEach(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

function copyOfContent(): string {
  root = mkdtempSync(join(tmpdir(), 'sg-settings-'));
  cpSync(resolve('content'), join(root, 'content'), { recursive: true });
  return root;
}

describe('a settings file that is missing, in the dev server', () => {
  it('is named, with what to do, as the dev server shows content problems', () => {
    const copy = copyOfContent();
    expect(missingSettingsFiles(copy)).toEqual([]);
    rmSync(join(copy, 'content/settings/site.yaml'));
    const line = 'content/settings/site.yaml: is missing. The site needs it (Site settings): put the file back as it was last published.';
    expect(missingSettingsFiles(copy).map(formatProblem)).toEqual([line]);
    expect(readContentProblems(copy).map(formatProblem)).toContain(line);
    rmSync(join(copy, 'content/settings'), { recursive: true });
    expect(missingSettingsFiles(copy).map((problem) => problem.file)).toEqual([
      'content/settings/site.yaml',
      'content/settings/accessibility.yaml',
    ]);
  });
});
