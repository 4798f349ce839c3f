/**
 * The content safety check in the CMS, before it saves: the same rules as the
 * build (content-safety-rules.ts) over micromark's MDX parser, the one MDX
 * itself is built on, which runs in a browser. The build checks again with
 * the compiler's own parser (content-safety.ts), so this is for the editor,
 * who learns what is wrong before anything is saved; a test compares the two
 * verdicts on every body in content/ and every case the build refuses.
 */
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { mdxFromMarkdown } from 'mdast-util-mdx';
import { gfm } from 'micromark-extension-gfm';
import { mdxjs } from 'micromark-extension-mdxjs';
import { checkSafetyTree, parseProblem, type SafetyNode, type SafetyOptions, type SafetyProblem } from './safety-rules';

export function checkBodySafetyInBrowser(body: string, options: SafetyOptions): SafetyProblem[] {
  return parseAndCheckBodyInBrowser(body, options).problems;
}

/** The same check, with the syntax tree when the body could be read (content-tables.ts reads it further). */
export function parseAndCheckBodyInBrowser(body: string, options: SafetyOptions): { problems: SafetyProblem[]; tree?: SafetyNode } {
  let tree: SafetyNode;
  try {
    tree = fromMarkdown(body, { extensions: [mdxjs(), gfm()], mdastExtensions: [mdxFromMarkdown(), gfmFromMarkdown()] }) as unknown as SafetyNode;
  } catch (error) {
    return { problems: [parseProblem(error)] };
  }
  return { problems: checkSafetyTree(tree, options), tree };
}
