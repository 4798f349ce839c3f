/**
 * The last integration of a build: waits for the work earlier integrations
 * left running (src/build/tasks.ts), so that `astro build` finishes only
 * when all of it is done, and fails if any of it failed. Then, with every
 * file written, it proves that dist/_headers has a rule for each entry at the
 * top of the site (src/build/site-entries.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { finishBuildTasks } from '../build/tasks';
import { entriesWithoutRule, topLevelEntries } from '../build/site-entries';
import { parseHeadersFile } from '../security/headers-file';

export function buildTasks(): AstroIntegration {
  return {
    name: 'safeguarding-build-tasks',
    hooks: {
      'astro:build:done': async ({ dir }) => {
        await finishBuildTasks();
        const site = fileURLToPath(dir);
        const rules = parseHeadersFile(readFileSync(join(site, '_headers'), 'utf8'));
        const uncovered = entriesWithoutRule(
          topLevelEntries(site),
          rules.map((rule) => rule.path),
        );
        if (uncovered.length > 0)
          throw new Error(
            `dist/_headers has no rule for ${uncovered.join(', ')}: the host would serve them with only the baseline policy. An integration that writes at the top of the site after the headers are written must name what it writes (startBuildTask's \`writes\`, src/build/tasks.ts).`,
          );
      },
    },
  };
}
