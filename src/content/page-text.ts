/**
 * What an entry's page shows of its fields, in order, around its body: the
 * content linter reads a page in this order (src/content/lint.ts), and the
 * build reads the fields shown above a body, so an abbreviation a summary
 * already writes out is not written out again in the body
 * (src/components/Prose.astro).
 *
 * Plain data and functions, no Node.
 */
import type { CollectionName } from './model';

/**
 * What an entry's page shows, in the order it shows it (src/pages/): its
 * fields by name, and 'body' where the body goes. The abbreviation check
 * reads a page in this order.
 */
export const PAGE_TEXT_ORDER: Readonly<Record<CollectionName, readonly string[]>> = {
  pages: ['title', 'description', 'body'],
  strategy: ['title', 'summary', 'vision', 'mission', 'priorityGroups', 'plans', 'body'],
  threshold: ['title', 'summary', 'signs', 'whatToDo', 'body'],
  procedures: ['category', 'title', 'summary', 'body', 'changes'],
  bulletins: ['title', 'summary', 'topics', 'body', 'links'],
  reviews: ['title', 'summary', 'themes', 'documents', 'body'],
  briefings: ['title', 'summary', 'themes', 'body'],
  reports: ['title', 'summary', 'documents', 'highlights', 'body'],
  // The glossary is where each term is explained: the term comes first there, by design.
  glossary: [],
  settings: [],
  accessibility: [],
};

/** The words in a field's value: a string, a list of strings, or a list of items with words in them. */
export function wordsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(wordsIn);
  if (value && typeof value === 'object') return Object.values(value).flatMap(wordsIn);
  return [];
}

/** The text of the fields an entry's page shows above its body, in order. */
export function textShownBeforeBody(collection: CollectionName, data: Record<string, unknown>): string[] {
  const order = PAGE_TEXT_ORDER[collection];
  const body = order.indexOf('body');
  return (body < 0 ? [] : order.slice(0, body)).flatMap((field) => wordsIn(data[field]));
}
