/**
 * Content problems while the site runs on an editor's computer (`npm start`,
 * `astro dev`). A content or settings file that does not fit is remembered,
 * and every page of the site answers with one error page (status 500) that
 * names the file, the field and what is expected, the same words the build
 * uses (content-schemas.ts formatProblems): never the last good version,
 * which would look as if the change had worked. When every file fits again
 * the site shows the new content, without a restart.
 *
 * The integration (src/integrations/content-check.ts) holds one
 * ContentProblemsWatch, checks content/ again on every change there, and
 * answers page requests with contentProblemsPage() while it has problems.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { checkAllContent, missingSettingsFiles } from './files';
import { ContentError, formatProblem, formatProblems, type ContentProblem } from './schemas';
import { escapeText } from '../html/markup';
import { CMS_WRITABLE_FOLDERS } from '../cms/backend-guard';
import { hashSource } from '../security/policy';

/**
 * Whether an error is about a content file: a ContentError, or an error
 * whose message starts with the file, as content-files.ts parseYaml's does
 * ("content/pages/about.mdx: the settings at the top of the file could not
 * be read ...").
 */
export function isContentFileError(error: unknown): error is Error {
  return error instanceof ContentError || (error instanceof Error && /^content\/[^:\s]+: /.test(error.message));
}

/** The problems an error stands for, each with its file (and no field when the error names none). */
export function problemsOfError(error: unknown): ContentProblem[] {
  if (error instanceof ContentError) return [...error.problems];
  const message = error instanceof Error ? error.message : String(error);
  const match = /^(content\/[^:\s]+): ([\s\S]*)$/.exec(message);
  // The error's own words, as the build prints them.
  if (match) return [{ file: match[1]!, field: '', message: match[2]! }];
  return [{ file: 'content/', field: '', message: `could not be checked: ${message}` }];
}

/** Every problem in content/, as the build reports it, and a settings file that is missing; never throws. */
export function readContentProblems(root: string): ContentProblem[] {
  try {
    return [...missingSettingsFiles(root), ...checkAllContent(root)];
  } catch (error) {
    return problemsOfError(error);
  }
}

/** The folders whose files the content check reads: content/ and the media library (body images), the folders the CMS writes. */
export function watchedFolders(root: string): string[] {
  return CMS_WRITABLE_FOLDERS.map((folder) => join(root, ...folder.split('/')));
}

/** Whether a changed file is one the content check reads. */
export function isWatchedFile(root: string, file: string): boolean {
  return watchedFolders(root).some((folder) => file === folder || file.startsWith(`${folder}${sep}`));
}

/**
 * What the watched folders hold now (names, sizes, times): a check whose
 * files changed while it read them is not trusted, and runs again.
 */
export function contentSignature(root: string): string {
  const hash = createHash('sha256');
  for (const folder of watchedFolders(root)) {
    if (!existsSync(folder)) continue;
    let items: string[];
    try {
      items = readdirSync(folder, { withFileTypes: true, recursive: true })
        .filter((item) => item.isFile())
        .map((item) => join(item.parentPath, item.name))
        .sort();
    } catch (error) {
      // A folder removed while it was read: a change like any other.
      hash.update(`${relative(root, folder)}\0${(error as NodeJS.ErrnoException).code ?? 'unreadable'}\n`);
      continue;
    }
    for (const file of items) {
      try {
        const stat = statSync(file);
        hash.update(`${relative(root, file)}\0${stat.size}\0${stat.mtimeMs}\n`);
      } catch {
        hash.update(`${relative(root, file)}\0gone\n`);
      }
    }
  }
  return hash.digest('hex');
}

/**
 * Whether a request to the dev server is for the site (a page, a feed, a
 * document, a share image): those are answered with the problems. Not the
 * dev server's own modules and styles, not the files in public/ (the
 * favicon, the media library), and not the CMS at /admin/, where the editor
 * can fix the file.
 */
export function answersWithContentProblems(method: string | undefined, path: string, isPublicFile: (path: string) => boolean): boolean {
  if (method !== 'GET' && method !== 'HEAD') return false;
  if (/^\/(?:@|_|node_modules\/|src\/)/.test(path)) return false;
  if (path === '/admin' || path.startsWith('/admin/')) return false;
  return !isPublicFile(path);
}

/** Whether `path` (a request's path, decoded) names a file in the public/ folder. */
export function isPublicFile(publicFolder: string, path: string): boolean {
  const file = resolve(publicFolder, `.${path}`);
  if (!file.startsWith(`${publicFolder}${sep}`)) return false;
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

// The site's colours and type (src/styles/site.scss), on a page that needs nothing else.
const PAGE_STYLE = 'body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;font-size:1.1875rem;line-height:1.4;color:#0b0c0c;background:#fff}'
  + 'main{max-width:48rem;margin:0 auto;padding:1.5rem 1rem 3rem}h1{font-size:2rem;line-height:1.1;margin:0 0 1.5rem}h2{font-size:1.5rem;margin:2rem 0 1rem}'
  + '.problems{border:5px solid #ca3535;padding:1rem 1.25rem;margin:0 0 1.5rem}.problems h2{margin-top:0}.problems ul{margin:0;padding-left:1.25rem}.problems li{margin:0 0 .75rem;overflow-wrap:anywhere}'
  + 'a{color:#1a65a6}a:focus{outline:3px solid transparent;color:#0b0c0c;background:#fd0;box-shadow:0 -2px #fd0,0 4px #0b0c0c;text-decoration:none}';

/**
 * The error page's Content Security Policy: its one style block by hash,
 * and the dev server's own client script (which reloads the page when the
 * file is saved). Nothing from the file can run, even if escaping failed.
 */
export const CONTENT_PROBLEMS_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "connect-src 'self'",
  `style-src ${hashSource(PAGE_STYLE)}`,
  "img-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** The page every request for the site gets while `problems` last. Everything from the files is escaped. */
export function contentProblemsPage(problems: readonly ContentProblem[]): string {
  const files = [...new Set(problems.map((problem) => problem.file))];
  const heading = files.length === 1 ? 'A content file needs fixing' : `${files.length} content files need fixing`;
  return '<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8">'
    + '<meta name="viewport" content="width=device-width, initial-scale=1">'
    + `<title>${heading}: Safeguarding Southend on this computer</title>`
    + `<style>${PAGE_STYLE}</style>`
    // Vite's client: it reloads this page when the file is saved again.
    + '<script type="module" src="/@vite/client"></script>'
    + '</head><body><main>'
    + `<h1>${heading}</h1>`
    + `<div class="problems"><h2>${problems.length === 1 ? 'What to fix' : `What to fix (${problems.length} problems)`}</h2><ul>${problems.map((problem) => `<li>${escapeText(formatProblem(problem))}</li>`).join('')}</ul></div>`
    + '<p>While this lasts, every page of the site on this computer shows this message instead of its content. The site shows the last good version nowhere, so nobody takes it for the change you made.</p>'
    + '<p>Fix the file in the CMS at <a href="/admin/">/admin/</a>, or in your editor, and save it. This page then shows the site again, with your change; reload it if it does not.</p>'
    + '<p>A build of the site (and so the live site) stops with the same message until the file is fixed.</p>'
    + '</main></body></html>';
}

export interface ContentProblemsWatchOptions {
  /** Every problem in content/ now (readContentProblems). */
  check: () => readonly ContentProblem[];
  /** What content/ holds now (contentSignature): a check during a change is run again. */
  signature: () => string;
  /**
   * Reads all content again (the dev server's loaders), before pages are
   * served: when the last problem is fixed, and after any other save, since
   * the loaders too may have read the save half done and kept the old version.
   */
  reload: () => Promise<void>;
  /** Told each time the problems change (to log them and reload open pages). */
  changed: (problems: readonly ContentProblem[], before: readonly ContentProblem[]) => void;
  /** Runs `then` a little later (setTimeout, not keeping the process alive); tests run it when they choose. */
  later?: (then: () => void) => void;
  /** Waits before a check, for a save under way to finish (PAUSE_BEFORE_CHECK_MS); tests pass one that does not wait. */
  pause?: () => Promise<void>;
}

/**
 * How long a check waits after a change: a save empties the file and then
 * writes it, and on a busy computer the watcher can report the change
 * between the two. Pages asked for meanwhile wait for the check.
 */
export const PAUSE_BEFORE_CHECK_MS = 50;

const pauseBeforeCheck = () => new Promise<void>((done) => {
  setTimeout(done, PAUSE_BEFORE_CHECK_MS);
});

/**
 * How long after a check the files are looked at once more. The dev server's
 * watcher (chokidar) passes on one change of a file in 50 ms and drops the
 * rest: a save seen half done may have no event for the rest.
 */
export const CONFIRM_AFTER_MS = 150;

const setTimeoutUnref = (then: () => void) => {
  setTimeout(then, CONFIRM_AFTER_MS).unref();
};

/**
 * The content problems the dev server knows of. changed() checks again;
 * checks never overlap, a change during a check starts another, and a
 * little after each check the files are looked at again (CONFIRM_AFTER_MS),
 * so the problems always end up those of the files as they are.
 */
export class ContentProblemsWatch {
  #problems: readonly ContentProblem[];
  #running: Promise<void> | undefined;
  #again = false;
  /** The files as the content was last read, as far as known ('' when it must be read again). */
  #loaded: string;
  readonly #options: ContentProblemsWatchOptions;

  constructor(options: ContentProblemsWatchOptions, initial: readonly ContentProblem[] = options.check()) {
    this.#options = options;
    this.#problems = initial;
    this.#loaded = initial.length === 0 ? options.signature() : '';
  }

  /** The problems now: empty when every file fits. */
  get problems(): readonly ContentProblem[] {
    return this.#problems;
  }

  /** Resolves when no check is running. */
  /** Whether a check is under way (a file was just saved). */
  get checking(): boolean {
    return this.#running !== undefined;
  }

  settled(): Promise<void> {
    return this.#running ?? Promise.resolve();
  }

  /** A file changed: check again. Resolves when the problems are those of the files as they are. */
  changed(): Promise<void> {
    this.#again = true;
    this.#running ??= this.#run().finally(() => { this.#running = undefined; });
    return this.#running;
  }

  async #run(): Promise<void> {
    let checked = '';
    while (this.#again) {
      await (this.#options.pause ?? pauseBeforeCheck)();
      this.#again = false;
      checked = this.#options.signature();
      const problems = this.#options.check();
      if (this.#options.signature() !== checked) this.#again = true;
      if (!this.#again) await this.#settle(problems, checked);
    }
    // A change the watcher did not pass on shows in the files' signature.
    (this.#options.later ?? setTimeoutUnref)(() => {
      if (!this.#running && this.#options.signature() !== checked) void this.changed();
    });
  }

  async #settle(problems: readonly ContentProblem[], checked: string): Promise<void> {
    const before = this.#problems;
    if (problems.length === 0 && (before.length > 0 || checked !== this.#loaded)) {
      // Pages keep showing the problems (or wait) until the content is read again, so the saved file is what they show.
      await this.#options.reload();
      // Saved again meanwhile: the next check decides.
      if (this.#again) return;
      this.#loaded = checked;
    }
    if (formatProblems(problems) === formatProblems(before)) return;
    this.#problems = problems;
    this.#options.changed(problems, before);
  }
}
