/**
 * npm run bench: builds the site as it is, and with 1,000 and 5,000 generated
 * pages, each in a temporary copy of the project (never dist/), and prints
 * for each: build time, pages per second, bytes per page template (HTML, CSS,
 * JS, fonts, images, transferred), the JavaScript on a content page, and the
 * axe-core run time per page. Figures also go to test-results/bench/.
 *
 *   npm run bench                  the site, 1,000 and 5,000 pages
 *   npm run bench -- 0 1000        only the sizes given (0 = the site as it is)
 *
 * Builds are cold (a fresh Astro cache each time). With generated pages, axe
 * runs on a sample (the heaviest page of each template and 40 more spread
 * over the site); page weights are measured on the heaviest page of each
 * template, which is what the budgets apply to.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { copyProject } from '../tests/support/project-copy.ts';
import { buildSite } from '../tests/support/build-site.ts';
import { builtPages } from '../tests/support/built-pages.ts';
import { serveDirectory } from '../tests/support/static-server.ts';
import { launchChromium } from '../tests/support/browser.ts';
import { runAxe } from '../tests/support/axe.ts';
import { measurePage } from '../tests/support/page-weight-browser.ts';
import { writeGeneratedEntries } from '../tests/support/generate-content.ts';
import { BUDGET, KB, budgetProblems, formatWeightTable, heaviestByTemplate, templateOf, transferBytes, type PageWeight } from '../src/lib/page-weight.ts';
import { siteToday } from '../src/lib/dates.ts';

const sizes = process.argv.slice(2).filter((arg) => /^\d+$/.test(arg)).map(Number);
const runs = sizes.length > 0 ? sizes : [0, 1000, 5000];
const AXE_SAMPLE = 40;

interface BenchResult {
  generated: number;
  pages: number;
  buildSeconds: number;
  pagesPerSecond: number;
  templates: Record<string, { path: string; transfer: PageWeight['transfer']; totalTransfer: number; totalRaw: number }>;
  contentPage: { path: string; jsTransfer: number; jsRaw: number; totalTransfer: number };
  axe: { pages: number; msPerPage: number; slowestMs: number; slowestPath: string; violations: number };
  overBudget: string[];
}

function spread<T>(items: readonly T[], count: number): T[] {
  if (items.length <= count) return [...items];
  return Array.from({ length: count }, (_, index) => items[Math.floor((index * items.length) / count)]!);
}

async function bench(generated: number): Promise<BenchResult> {
  const label = generated === 0 ? 'the site as it is' : `the site with ${generated.toLocaleString('en-GB')} generated pages`;
  console.log(`\n== ${label}`);
  const project = copyProject('sg-bench-');
  try {
    if (generated > 0) writeGeneratedEntries(project.root, generated, siteToday());
    const outDir = join(project.root, 'dist');
    const build = buildSite({ root: project.root, outDir, env: { ASTRO_CACHE_DIR: join(project.root, '.cache') } });
    if (build.status !== 0) throw new Error(`The build failed:\n${build.output.slice(-4000)}`);
    const all = builtPages(outDir);
    const publicPages = all.filter((path) => !path.startsWith('/admin/'));
    console.log(`built ${all.length} pages in ${build.seconds.toFixed(1)} s (${(all.length / build.seconds).toFixed(1)} pages/s)`);

    // Page weight: every page of the normal site; otherwise the page with the
    // largest HTML of each template (the CSS and JS are shared).
    const htmlBytes = (path: string) => transferBytes(join(outDir, ...path.split('/').filter(Boolean), path.endsWith('/') ? 'index.html' : ''));
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
      console.log(formatWeightTable(heaviest));
      const overBudget = measured.flatMap((one) => budgetProblems(one.weight, one.blocking));
      const content = measured.find((one) => one.weight.path === '/about/') ?? measured.find((one) => one.weight.template === 'page')!;

      // axe-core: the same rules as the tests, at 1280 px.
      const sample = generated === 0 ? publicPages : [...new Set([...heaviest.values()].map((weight) => weight.path).concat(spread(publicPages, AXE_SAMPLE)))];
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
      console.log(`JavaScript on a content page (${content.weight.path}): ${(content.weight.transfer.js / KB).toFixed(1)} KB transferred, ${(content.weight.raw.js / KB).toFixed(1)} KB raw`);
      console.log(`axe-core: ${Math.round(msPerPage)} ms per page on ${times.length} pages (slowest ${Math.round(slowest.ms)} ms, ${slowest.path}); ${violations} violations`);
      if (overBudget.length > 0) console.log(`Over budget:\n  ${overBudget.join('\n  ')}`);
      return {
        generated,
        pages: all.length,
        buildSeconds: Math.round(build.seconds * 10) / 10,
        pagesPerSecond: Math.round((all.length / build.seconds) * 10) / 10,
        templates: Object.fromEntries([...heaviest].map(([template, weight]) => [template, { path: weight.path, transfer: weight.transfer, totalTransfer: weight.totalTransfer, totalRaw: weight.totalRaw }])),
        contentPage: { path: content.weight.path, jsTransfer: content.weight.transfer.js, jsRaw: content.weight.raw.js, totalTransfer: content.weight.totalTransfer },
        axe: { pages: times.length, msPerPage: Math.round(msPerPage), slowestMs: Math.round(slowest.ms), slowestPath: slowest.path, violations },
        overBudget,
      };
    } finally {
      await browser.close();
      await server.close();
    }
  } finally {
    project.remove();
  }
}

const results: BenchResult[] = [];
for (const generated of runs) results.push(await bench(generated));

const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} KB`;
console.log(`\n== Summary (budget: a page under ${kb(BUDGET.totalBytes)} transferred, under ${kb(BUDGET.scriptBytes)} of JavaScript)`);
console.log(`${'generated'.padEnd(10)}${'pages'.padStart(7)}${'build s'.padStart(9)}${'pages/s'.padStart(9)}${'content page'.padStart(14)}${'JS (gz/raw)'.padStart(16)}${'axe ms/page'.padStart(13)}${'heaviest template'.padStart(30)}`);
for (const result of results) {
  const heaviest = Object.entries(result.templates).reduce((a, b) => (b[1].totalTransfer > a[1].totalTransfer ? b : a));
  console.log(`${String(result.generated).padEnd(10)}${String(result.pages).padStart(7)}${result.buildSeconds.toFixed(1).padStart(9)}${result.pagesPerSecond.toFixed(1).padStart(9)}${kb(result.contentPage.totalTransfer).padStart(14)}${`${kb(result.contentPage.jsTransfer)}/${kb(result.contentPage.jsRaw)}`.padStart(16)}${String(result.axe.msPerPage).padStart(13)}${`${heaviest[0]} ${kb(heaviest[1].totalTransfer)}`.padStart(30)}`);
}
mkdirSync('test-results/bench', { recursive: true });
const machine = { cpus: cpus().length, cpu: cpus()[0]?.model ?? '', memoryGB: Math.round(totalmem() / 2 ** 30), node: process.version };
writeFileSync('test-results/bench/bench.json', `${JSON.stringify({ date: new Date().toISOString(), machine, budget: BUDGET, results }, null, 2)}\n`);
console.log('\nFigures written to test-results/bench/bench.json');
