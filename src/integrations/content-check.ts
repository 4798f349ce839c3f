/**
 * Checks every file in content/ before Astro builds anything, so that one
 * build reports every problem at once, each with file, field and what is
 * expected. In the dev server the problems are logged and the page that
 * uses a bad file shows the error instead.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { checkAllContent } from '../lib/content-files';
import { ContentError, formatProblems } from '../lib/content-schemas';

export function contentCheck(): AstroIntegration {
  return {
    name: 'safeguarding-content-check',
    hooks: {
      'astro:config:setup': ({ config, command, logger }) => {
        let problems;
        try {
          problems = checkAllContent(fileURLToPath(config.root));
        } catch (error) {
          if (command === 'build') throw error;
          logger.error(error instanceof Error ? error.message : String(error));
          return;
        }
        if (problems.length === 0) return;
        if (command === 'build') throw new ContentError(problems);
        logger.error(formatProblems(problems));
      },
    },
  };
}
