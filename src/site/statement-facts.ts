/**
 * The facts the accessibility statement is made from, for this build: its
 * settings, the record of the last automated test run, and every document
 * the build publishes (public reviews' and annual reports' documents, as
 * src/pages/documents/ serves them) with the day its page was published.
 */
import { getAccessibility, getPublicReviews, getReports } from '../content/site-content';
import { readTestRecord } from './test-record';
import type { PublishedDocument, StatementFacts } from './accessibility-statement';
import type { DocumentRef, Entry } from '../content/data-types';

function documentsOf(entries: readonly Entry<{ title: string; published: string; documents?: DocumentRef[] }>[]): PublishedDocument[] {
  return entries.flatMap((entry) =>
    (entry.data.documents ?? []).map((document) => ({ title: document.title, page: entry.data.title, published: entry.data.published })),
  );
}

export async function getStatementFacts(): Promise<StatementFacts> {
  const [statement, reviews, reports] = await Promise.all([getAccessibility(), getPublicReviews(), getReports()]);
  return { statement, record: readTestRecord(process.cwd()), documents: [...documentsOf(reviews), ...documentsOf(reports)] };
}
