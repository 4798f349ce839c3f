/**
 * The CMS's local backend in Git mode starts only where its drafts are safe:
 * a Git repository with the site's branch, nothing uncommitted (decap-server
 * commits the whole working tree with each draft) and a committer. Checked
 * on real repositories in a temporary folder.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { gitModeProblem, type RunGit } from '../../src/cms/git-mode';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** Git in `folder`, with no global or system configuration (so no identity unless the test gives one). */
function gitIn(folder: string, identity = true): RunGit {
  return (args) => {
    const result = spawnSync('git', args, {
      cwd: folder,
      encoding: 'utf8',
      env: {
        PATH: process.env.PATH,
        HOME: folder,
        GIT_CONFIG_NOSYSTEM: '1',
        GIT_CONFIG_GLOBAL: '/dev/null',
        EMAIL: '',
        ...(identity
          ? {
              GIT_AUTHOR_NAME: 'Editor',
              GIT_AUTHOR_EMAIL: 'editor@example.org',
              GIT_COMMITTER_NAME: 'Editor',
              GIT_COMMITTER_EMAIL: 'editor@example.org',
            }
          : // No name, and no guessing one from the machine's name (as a new computer has it).
            { GIT_CONFIG_COUNT: '1', GIT_CONFIG_KEY_0: 'user.useConfigOnly', GIT_CONFIG_VALUE_0: 'true' }),
      },
    });
    return { status: result.status, stdout: result.stdout };
  };
}

function repository(): { folder: string; git: RunGit } {
  const folder = mkdtempSync(join(tmpdir(), 'sg-git-mode-'));
  folders.push(folder);
  const git = gitIn(folder);
  expect(git(['init', '--quiet', '--initial-branch=main']).status).toBe(0);
  writeFileSync(join(folder, 'README.md'), 'site\n');
  expect(git(['add', '.']).status).toBe(0);
  expect(git(['commit', '--quiet', '-m', 'start']).status).toBe(0);
  return { folder, git };
}

describe('the CMS backend in Git mode', () => {
  it("starts in a clean repository with the site's branch and a committer", () => {
    const { folder, git } = repository();
    expect(gitModeProblem(git, folder, 'main')).toBeUndefined();
  });

  it('says so when the project is not a Git repository', () => {
    const folder = mkdtempSync(join(tmpdir(), 'sg-git-mode-'));
    folders.push(folder);
    expect(gitModeProblem(gitIn(folder), folder, 'main')).toBe(
      `CMS_MODE=git keeps drafts as Git branches, but ${folder} is not a Git repository. Clone the project with Git, or run npm start without CMS_MODE to edit the files directly.`,
    );
  });

  it("says so when the site's branch is missing", () => {
    const { folder, git } = repository();
    expect(gitModeProblem(git, folder, 'live')).toMatch(
      /^CMS_MODE=git publishes drafts into the branch "live", which this repository does not have\. Create it \(git branch live\)/,
    );
  });

  it('refuses uncommitted or new files, which would be committed into a draft, and names them', () => {
    const { folder, git } = repository();
    writeFileSync(join(folder, 'README.md'), 'changed\n');
    writeFileSync(join(folder, 'notes.txt'), 'mine\n');
    expect(gitModeProblem(git, folder, 'main')).toBe(
      'CMS_MODE=git commits everything in the working tree with each draft, and 2 files are changed or new (README.md, notes.txt). Commit or stash them first (git stash -u), then start again.',
    );
    // What .gitignore leaves out (the build's dist/) is not committed, so not in the way.
    rmSync(join(folder, 'notes.txt'));
    expect(git(['checkout', '--', 'README.md']).status).toBe(0);
    writeFileSync(join(folder, '.gitignore'), 'dist/\n');
    expect(git(['add', '.gitignore']).status).toBe(0);
    expect(git(['commit', '--quiet', '-m', 'ignore']).status).toBe(0);
    mkdirSync(join(folder, 'dist'));
    writeFileSync(join(folder, 'dist/index.html'), '<p>built</p>');
    expect(gitModeProblem(git, folder, 'main')).toBeUndefined();
  });

  it("asks for a committer's name when Git has none", () => {
    const { folder } = repository();
    expect(gitModeProblem(gitIn(folder, false), folder, 'main')).toBe(
      'CMS_MODE=git commits each draft, and Git does not know who you are. Run git config user.name "Your Name" and git config user.email you@example.org, then start again.',
    );
  });
});
