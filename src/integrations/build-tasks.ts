/**
 * The last integration of a build: waits for the work earlier integrations
 * left running (src/lib/build-tasks.ts), so that `astro build` finishes only
 * when all of it is done, and fails if any of it failed.
 */
import type { AstroIntegration } from 'astro';
import { finishBuildTasks } from '../lib/build-tasks';

export function buildTasks(): AstroIntegration {
  return {
    name: 'safeguarding-build-tasks',
    hooks: {
      'astro:build:done': async () => {
        await finishBuildTasks();
      },
    },
  };
}
