/**
 * Whether a project can take the CMS's local backend in Git mode
 * (`CMS_MODE=git npm start`, scripts/cms-backend.ts). decap-server's git mode
 * keeps each draft as a local branch, cms/<collection>/<entry>, and commits
 * with `git add .`: everything changed in the working tree goes into the
 * draft, and so into the site's branch when it is published. So it starts
 * only in a Git repository that has the site's branch, a clean working tree
 * and a committer's name; otherwise it says what to do, in one message.
 */
export interface GitResult {
  status: number | null;
  stdout: string;
}
export type RunGit = (args: string[]) => GitResult;

export function gitModeProblem(git: RunGit, root: string, branch: string): string | undefined {
  const inside = git(['rev-parse', '--is-inside-work-tree']);
  if (inside.status !== 0 || inside.stdout.trim() !== 'true') {
    return `CMS_MODE=git keeps drafts as Git branches, but ${root} is not a Git repository. Clone the project with Git, or run npm start without CMS_MODE to edit the files directly.`;
  }
  if (git(['rev-parse', '--verify', '--quiet', `refs/heads/${branch}`]).status !== 0) {
    return `CMS_MODE=git publishes drafts into the branch "${branch}", which this repository does not have. Create it (git branch ${branch}) or name another with CMS_BRANCH.`;
  }
  const changed = git(['status', '--porcelain', '--untracked-files=all']).stdout.split('\n').filter(Boolean);
  if (changed.length > 0) {
    const shown = changed
      .slice(0, 5)
      .map((line) => line.slice(3))
      .join(', ');
    return `CMS_MODE=git commits everything in the working tree with each draft, and ${changed.length} file${changed.length === 1 ? ' is' : 's are'} changed or new (${shown}${changed.length > 5 ? ', ...' : ''}). Commit or stash them first (git stash -u), then start again.`;
  }
  if (git(['var', 'GIT_COMMITTER_IDENT']).status !== 0) {
    return 'CMS_MODE=git commits each draft, and Git does not know who you are. Run git config user.name "Your Name" and git config user.email you@example.org, then start again.';
  }
  return undefined;
}
