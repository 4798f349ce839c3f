/**
 * Small readings of a body's MDX syntax tree (as src/content/safety.ts
 * parses it) that more than one check needs: the content linter
 * (src/content/lint.ts) and the image check (src/content/images.ts).
 */

interface DefinitionNode {
  type: string;
  identifier?: string;
  url?: string;
  children?: DefinitionNode[];
}

/** The body's link definitions ("[name]: address"), by name; the first of a name wins, as MDX resolves a reference. */
export function linkDefinitions(tree: unknown): Map<string, string> {
  const definitions = new Map<string, string>();
  const visit = (node: DefinitionNode) => {
    if (node.type === 'definition' && node.identifier !== undefined && !definitions.has(node.identifier)) definitions.set(node.identifier, node.url ?? '');
    for (const child of node.children ?? []) visit(child);
  };
  visit(tree as DefinitionNode);
  return definitions;
}

/** The text of an attribute written as a string in braces ({"text"}, {'text'}, {`text`} without ${...}); null for any other expression. */
export function literalExpressionText(expression: string): string | null {
  const literal = /^\s*(?:"([^"]*)"|'([^']*)'|`([^`$]*)`)\s*$/.exec(expression);
  return literal ? (literal[1] ?? literal[2] ?? literal[3] ?? '') : null;
}
