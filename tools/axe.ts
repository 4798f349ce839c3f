/** Runs axe-core in a page with the WCAG 2.2 AA tags and best practice. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] as const;

export interface AxeViolation {
  rule: string;
  impact: string | null;
  help: string;
  targets: string[];
}

export async function runAxe(page: Page): Promise<AxeViolation[]> {
  // Evaluated, not injected as a <script>, so the page's policy needs no exception.
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(
    async (tags) => {
      const axe = (
        window as unknown as {
          axe: {
            run: (
              context: Document,
              options: object,
            ) => Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[] }>;
          };
        }
      ).axe;
      const results = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
      return results.violations.map((violation) => ({
        rule: violation.id,
        impact: violation.impact,
        help: violation.help,
        targets: violation.nodes.map((node) => node.target.join(' ')),
      }));
    },
    [...AXE_TAGS],
  );
}

export function describeViolations(path: string, width: number, violations: readonly AxeViolation[]): string {
  return violations
    .map(
      (violation) =>
        `${path} at ${width}px: ${violation.rule} (${violation.impact}): ${violation.help}\n    ${violation.targets.join('\n    ')}`,
    )
    .join('\n');
}
