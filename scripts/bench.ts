/**
 * npm run bench: how long the build takes beside bare Astro, and what pages weigh.
 *
 *   npm run bench                  1,000 generated entries
 *   npm run bench -- 5000          5,000 (or any sizes: -- 1000 5000; 0 = the site as it is)
 *   npm run bench -- --runs 3      each build three times (medians)
 *
 * For each size, in temporary folders (never dist/, never the real content/):
 * 1. The side-by-side (tools/build-bench.ts): a bare Astro 7 + MDX +
 *    Pagefind site with the same generated entries (tools/bare-astro.ts),
 *    then this project's build (`npm run build`'s scripts/build.ts) of a copy
 *    with them: cold (no Astro cache, no share-image cache, no CMS bundle
 *    cache), warm (the same caches kept, as the deploy keeps them), and warm
 *    after one bulletin is edited (what a daily build does). Ratios to bare,
 *    with their goals: cold at most 2.0, warm at most 1.2.
 * 2. Page weights: the heaviest page of each template, against the budgets
 *    (tools/page-weight.ts), and axe-core's run time on a sample.
 * It exits with status 1 if a ratio is over its goal or a page over budget.
 * Figures also go to test-results/bench/bench.json.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { copyProject, type ProjectCopy } from '../tools/project-copy.ts';
import { buildSite } from '../tools/build-site.ts';
import { builtPages } from '../tools/built-pages.ts';
import { serveDirectory } from '../tools/static-server.ts';
import { launchChromium } from '../tools/browser.ts';
import { runAxe } from '../tools/axe.ts';
import { measurePage } from '../tools/page-weight-browser.ts';
import { generateEntries, writeFiles, type GeneratedFile } from '../tools/generate-content.ts';
import { buildBareAstro, writeBareAstroProject } from '../tools/bare-astro.ts';
import {
  BUDGET,
  KB,
  budgetProblems,
  formatWeightTable,
  heaviestByTemplate,
  templateOf,
  transferBytes,
  type PageWeight,
} from '../tools/page-weight.ts';
import { compareBuilds, formatBuildComparison, type BuildComparison, type BuildRun } from '../tools/build-bench.ts';
import { siteToday } from '../src/rules/dates.ts';

const { values: options, positionals } = parseArgs({
  options: { runs: { type: 'string', default: '1' } },
  allowPositionals: true,
  strict: true,
});
const RUNS = Number(options.runs);
if (!Number.isInteger(RUNS) || RUNS < 1) throw new Error(`--runs takes a whole number of runs, not "${options.runs}".`);
for (const size of positionals)
  if (!/^\d+$/.test(size)) throw new Error(`Sizes are numbers of generated entries (for example 1000), not "${size}".`);
const sizes = positionals.length > 0 ? positionals.map(Number) : [1000];
const AXE_SAMPLE = 40;
const today = siteToday();

interface ShareImageFigures {
  images: number;
  rendered: number;
  reused: number;
  milliseconds: number;
  totalMilliseconds: number;
  workers?: number;
}

interface BenchResult {
  generated: number;
  builds?: BuildComparison;
  shareImages?: ShareImageFigures;
  pages: number;
  templates: Record<string, { path: string; transfer: PageWeight['transfer']; totalTransfer: number; totalRaw: number }>;
  contentPage: { path: string; jsTransfer: number; jsRaw: number; totalTransfer: number };
  axe: { pages: number; msPerPage: number; slowestMs: number; slowestPath: string; violations: number };
  overBudget: string[];
}

function spread<T>(items: readonly T[], count: number): T[] {
  if (items.length <= count) return [...items];
  return Array.from({ length: count }, (_, index) => items[Math.floor((index * items.length) / count)]!);
}

/** The project's build of a copy, with every cache in the copy's .cache/ (removed first for a cold build), into no dist/. */
function projectBuild(project: ProjectCopy, kind: BuildRun['kind']): BuildRun {
  const cache = join(project.root, '.cache');
  if (kind === 'cold') rmSync(cache, { recursive: true, force: true });
  const outDir = join(project.root, 'dist');
  // As the deploy builds: a fresh checkout, with no dist/ to replace (only the caches are kept).
  rmSync(outDir, { recursive: true, force: true });
  const build = buildSite({
    root: project.root,
    outDir,
    env: { ASTRO_CACHE_DIR: join(cache, 'astro'), CMS_CACHE_DIR: join(cache, 'cms') },
  });
  if (build.status !== 0) throw new Error(`The project's ${kind} build failed:\n${build.output.slice(-4000)}`);
  const pages = builtPages(outDir).length;
  console.log(`  ${kind.padEnd(8)} ${build.seconds.toFixed(1).padStart(6)} s  ${pages} pages`);
  return { kind, seconds: build.seconds, pages };
}

function shareImageFigures(project: ProjectCopy): ShareImageFigures | undefined {
  const file = join(project.root, '.cache', 'astro', 'share-images', 'last-build.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as ShareImageFigures) : undefined;
}

/** Edits one generated bulletin's title, as a daily change would. */
function editOneBulletin(project: ProjectCopy, files: readonly GeneratedFile[], run: number): void {
  const bulletin = files.find((file) => file.path.includes('/bulletins/'));
  if (!bulletin) return;
  const path = join(project.root, bulletin.path);
  writeFileSync(
    path,
    readFileSync(path, 'utf8').replace(
      /^title: (.*)$/m,
      (_line, title: string) => `title: ${title.replace(/ \(edited \d+\)$/, '')} (edited ${run})`,
    ),
  );
}

async function bench(generated: number): Promise<BenchResult> {
  const label = generated === 0 ? 'the site as it is' : `the site with ${generated.toLocaleString('en-GB')} generated entries`;
  console.log(`\n== ${label}`);
  const files = generateEntries(generated, today);
  const project = copyProject('sg-bench-');
  const bare = generated > 0 ? writeBareAstroProject(files) : undefined;
  try {
    writeFiles(project.root, files);
    let builds: BuildComparison | undefined;
    let shareImages: ShareImageFigures | undefined;
    if (bare) {
      const runs: BuildRun[] = [];
      for (let run = 1; run <= RUNS; run += 1) {
        if (RUNS > 1) console.log(` run ${run} of ${RUNS}`);
        const bareBuild = buildBareAstro(bare.root);
        const barePages = builtPages(join(bare.root, 'dist')).length;
        console.log(`  ${'bare'.padEnd(8)} ${bareBuild.seconds.toFixed(1).padStart(6)} s  ${barePages} pages`);
        runs.push({ kind: 'bare', seconds: bareBuild.seconds, pages: barePages });
        runs.push(projectBuild(project, 'cold'));
        shareImages ??= shareImageFigures(project);
        runs.push(projectBuild(project, 'warm'));
        editOneBulletin(project, files, run);
        runs.push(projectBuild(project, 'changed'));
      }
      builds = compareBuilds(generated, runs);
      console.log(`\n${formatBuildComparison(builds)}`);
      if (shareImages) {
        const each = shareImages.rendered > 0 ? shareImages.milliseconds / shareImages.rendered : 0;
        console.log(
          `Share images in the cold build: ${shareImages.rendered} drawn in ${(shareImages.milliseconds / 1000).toFixed(1)} s${shareImages.workers ? ` on ${shareImages.workers} workers` : ''} (${each.toFixed(1)} ms of wall time each), step ${(shareImages.totalMilliseconds / 1000).toFixed(1)} s in all.`,
        );
      }
    } else {
      projectBuild(project, 'cold');
    }
    const outDir = join(project.root, 'dist');
    const all = builtPages(outDir);
    const publicPages = all.filter((path) => !path.startsWith('/admin/'));

    // Page weight: every page of the normal site; otherwise the page with the
    // largest HTML of each template (the CSS and JS are shared).
    const htmlBytes = (path: string) =>
      transferBytes(join(outDir, ...path.split('/').filter(Boolean), path.endsWith('/') ? 'index.html' : ''));
    let weighed = publicPages;
    if (generated > 0) {
      const largest = new Map<string, { path: string; bytes: number }>();
      for (const path of publicPages) {
        const bytes = htmlBytes(path);
        const template = templateOf(path);
        if (!largest.has(template) || largest.get(template)!.bytes < bytes) largest.set(template, { path, bytes });
      }
      weighed = [...new Set([...[...largest.values()].map((entry) => entry.path), '/about/'])];
    }
    const server = await serveDirectory(outDir);
    const browser = await launchChromium();
    try {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      const measured = [];
      for (const path of weighed) measured.push(await measurePage(page, server.url, outDir, path));
      const heaviest = heaviestByTemplate(measured.map((one) => one.weight));
      console.log(`\nPage weight, heaviest page of each template:\n${formatWeightTable(heaviest)}`);
      const overBudget = measured.flatMap((one) => budgetProblems(one.weight, one.blocking));
      const content = measured.find((one) => one.weight.path === '/about/') ?? measured.find((one) => one.weight.template === 'page')!;

      // axe-core: the same rules as the tests, at 1280 px.
      const sample =
        generated === 0
          ? publicPages
          : [...new Set([...heaviest.values()].map((weight) => weight.path).concat(spread(publicPages, AXE_SAMPLE)))];
      const times: { path: string; ms: number }[] = [];
      let violations = 0;
      for (const path of sample) {
        await page.goto(server.url + path, { waitUntil: 'load' });
        const started = performance.now();
        violations += (await runAxe(page)).length;
        times.push({ path, ms: performance.now() - started });
      }
      await context.close();
      const slowest = times.reduce((a, b) => (b.ms > a.ms ? b : a));
      const msPerPage = times.reduce((sum, time) => sum + time.ms, 0) / times.length;
      console.log(
        `JavaScript on a content page (${content.weight.path}): ${(content.weight.transfer.js / KB).toFixed(1)} KB transferred, ${(content.weight.raw.js / KB).toFixed(1)} KB raw`,
      );
      console.log(
        `axe-core: ${Math.round(msPerPage)} ms per page on ${times.length} pages (slowest ${Math.round(slowest.ms)} ms, ${slowest.path}); ${violations} violations`,
      );
      if (overBudget.length > 0) console.log(`Over budget:\n  ${overBudget.join('\n  ')}`);
      return {
        generated,
        builds,
        shareImages,
        pages: all.length,
        templates: Object.fromEntries(
          [...heaviest].map(([template, weight]) => [
            template,
            { path: weight.path, transfer: weight.transfer, totalTransfer: weight.totalTransfer, totalRaw: weight.totalRaw },
          ]),
        ),
        contentPage: {
          path: content.weight.path,
          jsTransfer: content.weight.transfer.js,
          jsRaw: content.weight.raw.js,
          totalTransfer: content.weight.totalTransfer,
        },
        axe: {
          pages: times.length,
          msPerPage: Math.round(msPerPage),
          slowestMs: Math.round(slowest.ms),
          slowestPath: slowest.path,
          violations,
        },
        overBudget,
      };
    } finally {
      await browser.close();
      await server.close();
    }
  } finally {
    project.remove();
    bare?.remove();
  }
}

const results: BenchResult[] = [];
for (const generated of sizes) results.push(await bench(generated));

const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} KB`;
console.log('\n== Summary');
for (const result of results) {
  if (result.builds) console.log(`\n${formatBuildComparison(result.builds)}`);
}
console.log(
  `\nPages (budgets: under ${kb(BUDGET.totalBytes)} transferred; a content page at most ${kb(BUDGET.contentPageBytes)} besides its <main>; at most ${kb(BUDGET.pageScriptBytes)} of JavaScript, under ${kb(BUDGET.scriptBytes)} on /search/)`,
);
console.log(
  `${'generated'.padEnd(10)}${'pages'.padStart(7)}${'content page'.padStart(14)}${'JS (gz/raw)'.padStart(16)}${'axe ms/page'.padStart(13)}${'heaviest template'.padStart(30)}`,
);
for (const result of results) {
  const heaviest = Object.entries(result.templates).reduce((a, b) => (b[1].totalTransfer > a[1].totalTransfer ? b : a));
  console.log(
    `${String(result.generated).padEnd(10)}${String(result.pages).padStart(7)}${kb(result.contentPage.totalTransfer).padStart(14)}${`${kb(result.contentPage.jsTransfer)}/${kb(result.contentPage.jsRaw)}`.padStart(16)}${String(result.axe.msPerPage).padStart(13)}${`${heaviest[0]} ${kb(heaviest[1].totalTransfer)}`.padStart(30)}`,
  );
}
mkdirSync('test-results/bench', { recursive: true });
const machine = { cpus: cpus().length, cpu: cpus()[0]?.model ?? '', memoryGB: Math.round(totalmem() / 2 ** 30), node: process.version };
writeFileSync(
  'test-results/bench/bench.json',
  `${JSON.stringify({ date: new Date().toISOString(), machine, runs: RUNS, budget: BUDGET, results }, null, 2)}\n`,
);
console.log('\nFigures written to test-results/bench/bench.json');
const failed = results.filter((result) => (result.builds && !result.builds.withinGoals) || result.overBudget.length > 0);
if (failed.length > 0) {
  console.log(
    `\nOver a goal or a budget at ${failed.map((result) => result.generated.toLocaleString('en-GB')).join(', ')} entries (see above).`,
  );
  process.exitCode = 1;
}
