/**
 * The collections' loader: Astro's glob loader, with each file's frontmatter
 * read as written (see content-files.ts) and checked against the content
 * model and the safe MDX (content-safety.ts) before Astro stores it. A bad
 * file stops the build with the file, the field or line, and what is expected.
 */
import { fileURLToPath } from 'node:url';
import { glob } from 'astro/loaders';
import type { Loader, LoaderContext } from 'astro/loaders';
import type { Collection } from './content-model';
import { checkAcrossEntries, checkCollectionFiles, checkRawEntry, entryPattern, readAllEntries, readRawEntry } from './content-files';
import { ContentError } from './content-schemas';

export function contentLoader(collection: Collection): Loader {
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
          return context.parseData({ ...props, data: raw.data as typeof props.data });
        }) as LoaderContext['parseData'],
      });
      const across = [...checkCollectionFiles(root, collection.name), ...checkAcrossEntries(readAllEntries(root, collection.name))];
      if (across.length > 0) throw new ContentError(across);
    },
  };
}
