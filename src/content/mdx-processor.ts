/**
 * The MDX compiler the site uses: Astro 7's own (Sätteri), with the content
 * safety check (content-safety.ts) in front of it. Every .mdx file Astro
 * compiles, in `astro build`, `astro dev` and every test, passes through
 * process() below, which checks exactly the text the compiler is about to
 * read and refuses it, with the file and line, before any of it becomes
 * code. So a body that the content check would reject is never compiled,
 * even when the dev server is asked for a page whose file an editor has
 * just saved.
 *
 * It also refuses a `layout` in the frontmatter: Astro's MDX compiler
 * imports whatever module that field names.
 */
import { relative, sep } from 'node:path';
import { satteri } from '@astrojs/markdown-satteri';
import { COLLECTIONS, type CollectionName } from './model';
import { checkBodySafety } from './safety';
import { ContentError, type ContentProblem } from './schemas';
import { keptBodySafety } from './files';

interface MdxRenderer {
  process(content: string, filePath: string, frontmatter: Record<string, unknown>): Promise<unknown>;
}

type Processor = ReturnType<typeof satteri>;

/** The collection a file belongs to, from its folder under content/ (pages' rules for anything else). */
export function collectionOfFile(file: string): CollectionName {
  const match = /^content\/([^/]+)\//.exec(file);
  return COLLECTIONS.find((collection) => collection.folder === match?.[1])?.name ?? 'pages';
}

/** Problems with a file about to be compiled: its frontmatter's layout, and its body. */
export function compileProblems(content: string, file: string, frontmatter: Record<string, unknown>): ContentProblem[] {
  const problems: ContentProblem[] = [];
  if (frontmatter && Object.hasOwn(frontmatter, 'layout')) {
    problems.push({ file, field: 'layout', message: 'is not a field of any content: it would make the site load other code. Remove the line.' });
  }
  const collection = collectionOfFile(file);
  // In a build, the content check at its start has parsed this very text: its answer is reused
  // (the frontmatter, which the compiler is given as blank lines of spaces, is blank lines there).
  const kept = keptBodySafety(collection, file, content.replace(/^(?:[ \t]*\n)+/, (blank) => blank.replace(/[ \t]/g, '')));
  if (kept) return [...problems, ...kept];
  for (const problem of checkBodySafety(content, { collection })) {
    problems.push({ file, field: 'body', line: problem.line, message: problem.message });
  }
  return problems;
}

/** Astro's MDX processor, refusing what content-safety.ts refuses. */
export function safeMdxProcessor(root: string, inner: Processor = satteri()): Processor {
  const compiler = inner as unknown as { createMdxRenderer: (...args: unknown[]) => Promise<MdxRenderer> };
  return {
    ...inner,
    async createMdxRenderer(...args: unknown[]): Promise<MdxRenderer> {
      const renderer = await compiler.createMdxRenderer(...args);
      return {
        async process(content: string, filePath: string, frontmatter: Record<string, unknown>) {
          const file = relative(root, filePath).split(sep).join('/');
          const problems = compileProblems(content, file, frontmatter);
          if (problems.length > 0) throw new ContentError(problems);
          return renderer.process(content, filePath, frontmatter);
        },
      };
    },
  } as Processor;
}
