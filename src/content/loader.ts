/**
 * The collections' loader: Astro's glob loader, with each file's frontmatter
 * read as written (see content-files.ts) and checked against the content
 * model and the safe MDX (content-safety.ts) before Astro stores it. A bad
 * file stops the build with the file, the field or line, and what is expected.
 * In the dev server (the only place a loader has a watcher) it stops only
 * that load: the server keeps running, every page shows the problem
 * (src/integrations/content-check.ts), and all content is loaded again once
 * the file is fixed.
 */
import { fileURLToPath } from 'node:url';
import { glob } from 'astro/loaders';
import type { Loader, LoaderContext } from 'astro/loaders';
import type { Collection } from './model';
import { checkAcrossEntries, checkCollectionFiles, checkRawEntry, entryPattern, readAllEntries, readRawEntry, relatedCollections } from './files';
import { ContentError } from './schemas';
import { isContentFileError } from './dev-problems';
import { noteContentLoad } from './loads';

export function contentLoader(collection: Collection): Loader {
  const checked = checkedLoader(collection);
  return {
    ...checked,
    load: async (context: LoaderContext) => {
      try {
        await checked.load(context);
      } catch (error) {
        if (!context.watcher || !isContentFileError(error)) throw error;
        context.logger.error(`${error.message}\nEvery page of the site shows this until it is fixed.`);
      } finally {
        // The dev server checks that a reload it asked for ran (src/content/loads.ts).
        noteContentLoad();
      }
    },
  };
}

function checkedLoader(collection: Collection): Loader {
  const inner = glob({ pattern: entryPattern(collection), base: `./content/${collection.folder}` });
  return {
    name: `safeguarding-${collection.name}`,
    load: async (context: LoaderContext) => {
      const root = fileURLToPath(context.config.root);
      await inner.load({
        ...context,
        parseData: (async (props) => {
          if (!props.filePath) return context.parseData(props);
          const raw = { collection: collection.name, ...readRawEntry(props.filePath, root) };
          const problems = checkRawEntry(raw);
          if (problems.length > 0) throw new ContentError(problems);
          return context.parseData({ ...props, data: raw.data });
        }) as LoaderContext['parseData'],
      });
      // Entries of the collections this one names (a briefing's review) are read too, for its relation fields; only this collection's problems are its own.
      const read = [collection.name, ...relatedCollections(collection)].flatMap((name) => readAllEntries(root, name));
      const own = checkAcrossEntries(read).filter((problem) => read.some((entry) => entry.file === problem.file && entry.collection === collection.name));
      const across = [...checkCollectionFiles(root, collection.name), ...own];
      if (across.length > 0) throw new ContentError(across);
    },
  };
}
