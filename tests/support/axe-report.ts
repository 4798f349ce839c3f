/**
 * The accessibility report kept by CI as an artifact: every page and width
 * axe-core checked, what it found, and how long it took, as JSON and as an
 * HTML page a person can read (test-results/accessibility/axe-report.*).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { AXE_TAGS, type AxeViolation } from '../../tools/axe';

export interface AxePageResult {
  path: string;
  width: number;
  milliseconds: number;
  violations: AxeViolation[];
}

/** The axe-core version and the rules it runs for the project's tags (after runAxe has loaded it). */
export async function axeDetails(page: Page): Promise<{ version: string; rules: number; tags: string[]; ruleIds: string[] }> {
  return page.evaluate(
    (tags) => {
      const axe = (window as unknown as { axe: { version: string; getRules: (tags: string[]) => { ruleId: string }[] } }).axe;
      const ruleIds = axe
        .getRules(tags)
        .map((rule) => rule.ruleId)
        .sort();
      return { version: axe.version, rules: ruleIds.length, tags, ruleIds };
    },
    [...AXE_TAGS],
  );
}

const escape = (text: string) =>
  text.replace(/[&<>"]/g, (character) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[character]!);

export function writeAxeReport(results: readonly AxePageResult[], details: Awaited<ReturnType<typeof axeDetails>> | null): void {
  const folder = 'test-results/accessibility';
  mkdirSync(folder, { recursive: true });
  const finishedAt = new Date().toISOString();
  const failures = results.filter((result) => result.violations.length > 0);
  const axe = details ? { version: details.version, rules: details.rules, tags: details.tags } : null;
  writeFileSync(
    `${folder}/axe-report.json`,
    `${JSON.stringify({ finishedAt, axe, ruleIds: details?.ruleIds ?? [], pages: results }, null, 2)}\n`,
  );
  const rows = results
    .map(
      (result) =>
        `<tr><td><code>${escape(result.path)}</code></td><td>${result.width} px</td><td>${result.milliseconds} ms</td><td>${
          result.violations.length === 0
            ? 'None'
            : `<ul>${result.violations.map((violation) => `<li><strong>${escape(violation.rule)}</strong> (${escape(violation.impact ?? 'unknown')}): ${escape(violation.help)}<br><code>${violation.targets.map(escape).join('</code>, <code>')}</code></li>`).join('')}</ul>`
        }</td></tr>`,
    )
    .join('\n');
  writeFileSync(
    `${folder}/axe-report.html`,
    `<!doctype html>
<html lang="en-GB">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Accessibility report: axe-core</title>
<style>body{font:16px/1.5 system-ui,sans-serif;margin:1rem;max-width:75rem}table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #b1b4b6;padding:.4rem;text-align:left;vertical-align:top}code{overflow-wrap:anywhere}</style></head>
<body>
<h1>Accessibility report: axe-core</h1>
<p>${escape(finishedAt)}. axe-core ${escape(details?.version ?? '?')}, ${details?.rules ?? '?'} rules (${escape((details?.tags ?? []).join(', '))}).</p>
<p>${results.length} page checks; ${failures.length === 0 ? 'no violations' : `${failures.length} with violations`}.</p>
<table><caption>Every page at every width</caption><thead><tr><th scope="col">Page</th><th scope="col">Width</th><th scope="col">axe time</th><th scope="col">Violations</th></tr></thead>
<tbody>
${rows}
</tbody></table>
</body>
</html>
`,
  );
}
