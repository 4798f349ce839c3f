/**
 * The CMS's check of a body before it saves (cms/main.ts): what the build
 * would refuse (content-safety-rules.ts), said so that the editor can find
 * it in the body on screen. Decap shows the message and keeps the text.
 */
import type { CollectionName } from '../content/model';
import { parseAndCheckBodyInBrowser } from '../content/safety-browser';
import { checkTableTree } from '../content/tables';

export function unsafeBodyMessage(collection: CollectionName, body: unknown): string | undefined {
  if (typeof body !== 'string' || body.trim() === '') return undefined;
  const { problems, tree } = parseAndCheckBodyInBrowser(body, { collection });
  if (problems.length === 0) {
    // A table the build would refuse: no caption, or not one Markdown table inside <Table>.
    const tables = tree ? checkTableTree(tree) : [];
    if (tables.length === 0) return undefined;
    const lines = tables.map((problem) => `Line ${problem.line} of the body: ${problem.message}`);
    return `Not saved: ${tables.length === 1 ? 'a table needs' : `${tables.length} things in tables need`} fixing before the website can show ${tables.length === 1 ? 'it' : 'them'}. ${lines.join(' ')} (In the rich text editor, open the table to fill in its caption; switch to Markdown to see line numbers.)`;
  }
  const lines = problems.map((problem) => `Line ${problem.line} of the body: ${problem.message}`);
  return `Not saved: the body has ${problems.length === 1 ? 'something' : `${problems.length} things`} the website cannot show safely. ${lines.join(' ')} (In the rich text editor, code appears as an "MDX code" block; switch to Markdown to see line numbers.)`;
}
