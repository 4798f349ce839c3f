/**
 * Content is data, proven on real builds: every hostile body an editor could
 * write (tests/support/hostile-content.ts), one file at a time in a copy of
 * the project, fails `astro build` and `npm run lint:content` in seconds,
 * naming the file and line; files that would be ignored, replaced or
 * misread fail too; and a canary file that the hostile code would write if
 * it ever ran never appears, in a build or in the dev server that has the
 * page open when the file is saved.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRawEntry } from '../../src/content/files';
import { buildSite } from '../../tools/build-site';
import { freePort } from '../support/ports';
import { copyProject, type ProjectCopy } from '../../tools/project-copy';
import { HOSTILE_BODIES, withCanary } from '../support/hostile-content';

const canaryFolder = mkdtempSync(join(tmpdir(), 'sg-canary-'));
const canary = join(canaryFolder, 'ran');
// What hostile code would read, if it ran: it must never appear in any output.
const secret = `secret-${randomUUID()}`;
writeFileSync(`${canary}.secret`, secret);
const copies: ProjectCopy[] = [];
const privacyFile = 'content/pages/privacy.mdx';
let privacyText: string;
let frontmatter: string;
let bodyLine: number;

beforeAll(() => {
  // Two copies, so two cases run at once on a 2-core machine.
  copies.push(copyProject('sg-hostile-a-'), copyProject('sg-hostile-b-'));
  privacyText = readFileSync(resolve(privacyFile), 'utf8');
  const entry = readRawEntry(resolve(privacyFile), process.cwd());
  bodyLine = entry.bodyLine;
  frontmatter = privacyText
    .split('\n')
    .slice(0, bodyLine - 1)
    .join('\n');
});

afterAll(() => {
  for (const copy of copies) copy.remove();
  rmSync(canaryFolder, { recursive: true, force: true });
});

interface Run {
  status: number | null;
  output: string;
  seconds: number;
}

/** A command in a project copy, without blocking the other copy's. */
function run(args: string[], root: string, env: Record<string, string> = {}): Promise<Run> {
  const started = performance.now();
  return new Promise((done) => {
    const child = spawn(process.execPath, args, {
      cwd: root,
      env: { ...process.env, NODE_ENV: 'production', ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0', NO_COLOR: '1', ...env },
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.on('close', (status) => done({ status, output, seconds: (performance.now() - started) / 1000 }));
  });
}

const build = (root: string) =>
  run(['--import', pathToFileURL(resolve('node_modules/tsx/dist/loader.mjs')).href, resolve('scripts/build.ts'), '--root', root], root, {
    ASTRO_CACHE_DIR: join(root, '.cache'),
  });
const lint = (root: string) => run([resolve('node_modules/tsx/dist/cli.mjs'), resolve('scripts/lint-content.ts'), root], root);

/** Runs `check` for each item on the two copies, two at a time; the copy's content/ is put back after each. */
async function eachOnCopies<T>(items: readonly T[], check: (item: T, root: string) => Promise<void>): Promise<void> {
  const queue = [...items];
  await Promise.all(
    copies.map(async (copy) => {
      for (let item = queue.shift(); item !== undefined; item = queue.shift()) {
        try {
          await check(item, copy.root);
        } finally {
          writeFileSync(join(copy.root, privacyFile), privacyText);
        }
      }
    }),
  );
}

describe('hostile content', () => {
  it('fails the build and the content check with the file and line, for every hostile body, and runs none of it', async () => {
    const failures: string[] = [];
    await eachOnCopies(HOSTILE_BODIES, async (hostile, root) => {
      writeFileSync(join(root, privacyFile), `${frontmatter}\n${withCanary(hostile.body, canary)}`);
      const where = `${privacyFile}, line ${bodyLine + hostile.line - 1}: `;
      const [built, linted] = [await build(root), await lint(root)];
      if (built.status === 0) failures.push(`${hostile.name}: the build passed`);
      else if (!built.output.includes(where) || !built.output.includes(hostile.says))
        failures.push(`${hostile.name}: the build said\n${built.output.slice(0, 1500)}`);
      if (built.seconds > 30) failures.push(`${hostile.name}: the build took ${built.seconds.toFixed(1)} s to fail`);
      if (built.output.includes('Browser APIs')) failures.push(`${hostile.name}: the build gave Astro's unrelated Browser APIs hint`);
      // Nothing the code would have read came out.
      if (`${built.output}${linted.output}`.includes(secret))
        failures.push(`${hostile.name}: the output holds what the code would have read`);
      if (linted.status !== 1 || !linted.output.includes(where) || !linted.output.includes(hostile.says))
        failures.push(`${hostile.name}: lint:content said (exit ${linted.status})\n${linted.output.slice(0, 1500)}`);
    });
    expect(failures).toEqual([]);
    expect(existsSync(canary), 'hostile code ran').toBe(false);
  });

  it('refuses files that would be ignored, would replace another, or cannot be read', async () => {
    const cases = [
      {
        name: 'a .md file beside the .mdx',
        file: 'content/pages/privacy.md',
        text: '---\ntitle: Not the privacy notice\n---\nReplaced.\n',
        says: 'content/pages/privacy.md: field "(file name)" has the same name as content/pages/privacy.mdx',
      },
      {
        name: 'a .md file on its own',
        file: 'content/pages/notes.md',
        text: '---\ntitle: Notes\n---\nNotes.\n',
        says: 'would be ignored: only .mdx files are read here. Rename it to notes.mdx',
      },
      {
        name: 'a file that is not UTF-8',
        file: privacyFile,
        bytes: Buffer.concat([Buffer.from(privacyText.slice(0, 200)), Buffer.from([0xff, 0xfe, 0x41])]),
        says: `${privacyFile}: field "(file)" is not saved as UTF-8 text (save it again as UTF-8`,
      },
      {
        name: 'a layout in the frontmatter',
        file: privacyFile,
        text: privacyText.replace('---\n', `---\nlayout: ../../src/evil.ts\n`),
        says: `${privacyFile}: field "layout"`,
      },
      {
        name: 'a review whose document is missing',
        file: 'content/reviews/child-a-practice-review.mdx',
        edit: (text: string) => text.replace(/file: [^\n]+/, 'file: missing.pdf'),
        says: 'no such file',
      },
    ];
    const failures: string[] = [];
    await eachOnCopies(cases, async (item, root) => {
      const path = join(root, item.file);
      const original = existsSync(path) ? readFileSync(path) : undefined;
      try {
        if ('bytes' in item && item.bytes) writeFileSync(path, item.bytes);
        else if ('edit' in item && item.edit) writeFileSync(path, item.edit(readFileSync(path, 'utf8')));
        else writeFileSync(path, item.text!);
        const [built, linted] = [await build(root), await lint(root)];
        if (built.status === 0 || !built.output.includes(item.says))
          failures.push(`${item.name}: the build (exit ${built.status}) said\n${built.output.slice(0, 1500)}`);
        if (built.output.includes('Browser APIs')) failures.push(`${item.name}: the build gave Astro's unrelated Browser APIs hint`);
        if (linted.status !== 1 || !linted.output.includes(item.file))
          failures.push(`${item.name}: lint:content (exit ${linted.status}) said\n${linted.output.slice(0, 1500)}`);
      } finally {
        if (original) writeFileSync(path, original);
        else rmSync(path, { force: true });
      }
    });
    expect(failures).toEqual([]);
  });

  it('reads a file that starts with a byte-order mark as if it had none', async () => {
    const root = copies[0]!.root;
    writeFileSync(join(root, privacyFile), `\uFEFF${privacyText}`);
    try {
      const result = buildSite({ root, outDir: join(root, 'dist-bom'), env: { ASTRO_CACHE_DIR: join(root, '.cache') } });
      expect(result.status, result.output.slice(-2000)).toBe(0);
      const html = readFileSync(join(root, 'dist-bom/privacy/index.html'), 'utf8');
      const title = /^title: (.*)$/m.exec(privacyText)![1]!.replace(/^["']|["']$/g, '');
      expect(html).toContain(`<h1 class="govuk-heading-xl">${title}</h1>`);
      // The frontmatter is not shown as text.
      expect(html).not.toMatch(/<p>title:/);
    } finally {
      writeFileSync(join(root, privacyFile), privacyText);
    }
  });

  it('never runs a hostile body in the dev server, even when the page is open as the file is saved', async () => {
    const root = copies[1]!.root;
    const port = await freePort();
    const env = Object.fromEntries(
      Object.entries(process.env).filter(([name]) => !name.startsWith('VITEST') && name !== 'TEST' && name !== 'NODE_ENV'),
    );
    const child = spawn(
      process.execPath,
      [resolve('node_modules/astro/bin/astro.mjs'), 'dev', '--root', root, '--host', '127.0.0.1', '--port', String(port)],
      {
        cwd: root,
        env: { ...env, ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0', NO_COLOR: '1', ASTRO_CACHE_DIR: join(root, '.cache-dev') },
        detached: true,
      },
    );
    let log = '';
    child.stdout.on('data', (chunk: Buffer) => {
      log += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      log += chunk.toString();
    });
    const page = `http://127.0.0.1:${port}/privacy/`;
    const status = async () => (await fetch(page).catch(() => undefined))?.status;
    try {
      const until = Date.now() + 90_000;
      while ((await status()) !== 200) {
        if (Date.now() > until) throw new Error(`The dev server did not serve the page:\n${log}`);
        await new Promise((done) => setTimeout(done, 250));
      }
      const hostile = HOSTILE_BODIES.filter((item) => item.body.includes('__CANARY__'))
        .map((item) => withCanary(item.body, canary))
        .join('\n');
      writeFileSync(join(root, privacyFile), `${frontmatter}\n${hostile}`);
      let response: Response | undefined;
      const saved = Date.now();
      const said = `${privacyFile}, line ${bodyLine + 2}: import and export lines are not allowed`;
      // Until the server has read the whole file (it may first see the save half done) and says so.
      while (Date.now() - saved < 30_000) {
        response = await fetch(page);
        if (response.status !== 200 && log.includes(said)) break;
        await new Promise((done) => setTimeout(done, 250));
      }
      expect(response?.status, log.slice(-2000)).toBe(500);
      expect(log).toContain(said);
      expect(existsSync(canary), 'hostile code ran in the dev server').toBe(false);
      expect(`${log}${await response!.text().catch(() => '')}`).not.toContain(secret);
    } finally {
      process.kill(-child.pid!, 'SIGKILL');
      writeFileSync(join(root, privacyFile), privacyText);
    }
  });
});
