/**
 * Content is data: the check that holds every body in content/ to the safe
 * MDX (the rules are in content-safety-rules.ts) before anything compiles it.
 *
 * A body is parsed by the same MDX parser that compiles it (Sätteri's, which
 * Astro 7 uses), so the check and the compiler cannot read a body two ways.
 * It runs in three places: the content loader and the build's content check
 * (content-files.ts), `npm run lint:content`, and the MDX compiler itself
 * (safe-mdx-processor.ts), so neither astro build, astro dev nor a test ever
 * compiles, let alone runs, a body that fails it. The CMS checks the same
 * rules before it saves (content-safety-browser.ts).
 */
import { mdxToMdast } from 'satteri';
import { checkSafetyTree, parseProblem, type SafetyNode, type SafetyOptions, type SafetyProblem } from './safety-rules';

export type { SafetyProblem, SafetyOptions } from './safety-rules';
export { unsafeAddress } from './safety-rules';

/** Checks a body against the safe MDX. An empty list means it is safe. */
export function checkBodySafety(body: string, options: SafetyOptions): SafetyProblem[] {
  return parseAndCheckBody(body, options).problems;
}

/** A body's syntax tree (mdast), read by the compiler's own parser; throws, saying where, when the body is not MDX. */
export function parseBody(body: string): SafetyNode {
  return mdxToMdast(body, { features: { gfm: true } }) as unknown as SafetyNode;
}

/** The same check, with the syntax tree when the body could be read, for checks that read it further (content-tables.ts). */
export function parseAndCheckBody(body: string, options: SafetyOptions): { problems: SafetyProblem[]; tree?: SafetyNode } {
  let tree: SafetyNode;
  try {
    tree = parseBody(body);
  } catch (error) {
    return { problems: [parseProblem(error)] };
  }
  return { problems: checkSafetyTree(tree, options), tree };
}
