/**
 * Checks every file in content/ before Astro builds anything, so that one
 * build reports every problem at once, each with file, field and what is
 * expected. In the dev server (`npm start`) the problems are logged, and
 * while any file does not fit every page of the site answers with them
 * (src/content/dev-problems.ts), status 500, until the file is fixed:
 * then the content is reloaded and the pages show it again.
 */
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { AstroIntegration } from 'astro';
import { keepCheckedEntries, missingSettingsFiles, readAndCheckContent, startBuildBodyChecks } from '../content/files';
import { reloadUntilRead } from '../content/loads';
import { ContentError, formatProblems, type ContentProblem } from '../content/schemas';
import {
  CONTENT_PROBLEMS_POLICY,
  ContentProblemsWatch,
  answersWithContentProblems,
  contentProblemsPage,
  contentSignature,
  isPublicFile,
  isWatchedFile,
  problemsOfError,
  readContentProblems,
  watchedFolders,
} from '../content/dev-problems';

export function contentCheck(): AstroIntegration {
  let root = process.cwd();
  // What the check found as the dev server started.
  let startProblems: ContentProblem[] = [];
  return {
    name: 'safeguarding-content-check',
    hooks: {
      'astro:config:setup': ({ config, command, logger }) => {
        root = fileURLToPath(config.root);
        // A build's loaders reuse this check's reading of each body instead of parsing it again.
        if (command === 'build') startBuildBodyChecks();
        let problems;
        try {
          const checked = readAndCheckContent(root);
          problems = checked.problems;
          // What the build read, for the share images drawn before Astro builds the pages (src/integrations/share-images.ts).
          if (command === 'build' && problems.length === 0) keepCheckedEntries(root, checked.entries);
        } catch (error) {
          if (command === 'build') throw error;
          logger.error(error instanceof Error ? error.message : String(error));
          startProblems = problemsOfError(error);
          return;
        }
        if (command === 'build' && problems.length > 0) throw new ContentError(problems);
        // The dev server also names a settings file that is missing (the build stops at a page that reads it).
        startProblems = command === 'build' ? problems : [...missingSettingsFiles(root), ...problems];
        if (startProblems.length > 0) logger.error(formatProblems(startProblems));
      },
      'astro:server:setup': ({ server, logger, refreshContent }) => {
        const watch = new ContentProblemsWatch(
          {
            check: () => readContentProblems(root),
            signature: () => contentSignature(root),
            // The loader skipped what did not fit (src/content/loader.ts), or read a save half done: all content is read again.
            // Until the loaders have run: Astro skips a refresh asked for while its content configuration is loading.
            reload: async () => {
              try {
                const read = await reloadUntilRead(async () => {
                  await refreshContent?.({});
                });
                if (!read)
                  logger.error('The content could not be read again (the dev server kept skipping it): stop npm start and start it again.');
              } catch (error) {
                logger.error(`The content could not be reloaded: ${error instanceof Error ? error.message : String(error)}`);
              }
            },
            changed: (problems) => {
              if (problems.length > 0)
                logger.error(`${formatProblems(problems)}\nEvery page of the site shows this, not the content, until it is fixed.`);
              else logger.info('Every content file fits again: the site shows the content.');
              // Open pages reload, to show the problems or the fixed content.
              server.ws.send({ type: 'full-reload', path: '*' });
            },
          },
          startProblems,
        );
        for (const folder of watchedFolders(root)) server.watcher.add(folder);
        server.watcher.on('all', (_event, file) => {
          if (isWatchedFile(root, file)) void watch.changed();
        });
        const publicFolder = join(root, 'public');
        server.middlewares.use((request, response, next) => {
          // Every file fits and no check is under way (almost always): nothing to decide.
          if (watch.problems.length === 0 && !watch.checking) return next();
          let path: string;
          try {
            path = decodeURI(new URL(request.url ?? '/', 'http://localhost').pathname);
          } catch {
            return next();
          }
          if (!answersWithContentProblems(request.method, path, (candidate) => isPublicFile(publicFolder, candidate))) return next();
          // A check under way (a file just saved) decides first.
          watch
            .settled()
            .then(() => {
              if (watch.problems.length === 0) return next();
              response.writeHead(500, {
                'Content-Type': 'text/html; charset=utf-8',
                'Cache-Control': 'no-store',
                'Content-Security-Policy': CONTENT_PROBLEMS_POLICY,
                'X-Content-Type-Options': 'nosniff',
              });
              response.end(request.method === 'HEAD' ? undefined : contentProblemsPage(watch.problems));
            })
            .catch(next);
        });
      },
    },
  };
}
