/**
 * Tables in a body, checked before the build renders them. A table with a
 * caption is the Table component (BODY_BLOCKS in content-model.ts) around a
 * Markdown table:
 *
 *   <Table caption="National helplines" firstCellIsHeader="true">
 *   | Helpline | Number |
 *   | --- | --- |
 *   | Childline | 0800 1111 |
 *   </Table>
 *
 * The build refuses a Table whose attributes do not fit the content model
 * (a caption is required; firstCellIsHeader is "true" or "false"), one that
 * does not hold exactly one Markdown table, one written inside a sentence,
 * and two tables on a page with the same caption (the caption names the
 * table's scroll box, so each must say which table it is). A Markdown table
 * without the component has no caption: the content linter warns about it
 * (content-lint.ts).
 *
 * Works on the syntax tree of any MDX parser that gives mdast, as the safety
 * rules do: Sätteri's in the build (content-files.ts), micromark's in the CMS
 * (cms-body-check.ts). Browser-safe: no Node.
 */
import { tableBlock, type Field } from './model';
import { componentSchema } from './schemas';
import type { SafetyNode } from './safety-rules';

export interface TableProblem {
  /** 1-based line of the text that was checked. */
  line: number;
  message: string;
}

interface JsxAttribute { type: string; name?: string; value?: unknown }

/** An attribute's value as text, true or false, the way JSX reads it; undefined when it is code. */
function attributeValue(attribute: JsxAttribute): string | boolean | undefined {
  const { value } = attribute;
  if (value === null || value === undefined) return true; // <Table firstCellIsHeader>
  if (typeof value === 'string') return value;
  const expression = String((value as { value?: unknown }).value ?? '').trim();
  if (expression === 'true' || expression === 'false') return expression === 'true';
  const literal = /^(["'`])([^]*)\1$/.exec(expression);
  return literal ? literal[2] : undefined;
}

/** The attributes as the content model's fields read them: a boolean field from "true" or "false". */
function readAttributes(node: SafetyNode, props: readonly Field[]): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const attribute of (node.attributes ?? []) as JsxAttribute[]) {
    if (attribute.type !== 'mdxJsxAttribute' || !attribute.name) continue;
    let value: unknown = attributeValue(attribute);
    const field = props.find((prop) => prop.name === attribute.name);
    if (field?.kind === 'boolean' && (value === 'true' || value === 'false')) value = value === 'true';
    values[attribute.name] = value;
  }
  return values;
}

function problemsOfAttributes(node: SafetyNode, line: number): TableProblem[] {
  const block = tableBlock();
  const values = readAttributes(node, block.props);
  const result = componentSchema(block).safeParse(values);
  if (result.success) return [];
  return result.error.issues.map((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return { line, message: `<Table> has ${issue.keys.join(', ')}, which it does not take. Its attributes are caption="..." and firstCellIsHeader="true".` };
    }
    const name = String(issue.path[0] ?? '');
    const missing = values[name] === undefined;
    if (name === 'caption' && missing) {
      return { line, message: '<Table> has no caption. Add caption="..." saying what the table shows, for example caption="National helplines: who each is for, its number and when it is open".' };
    }
    if (name === 'firstCellIsHeader') {
      return { line, message: `<Table> has firstCellIsHeader="${String(values[name])}"; write firstCellIsHeader="true" when the first column names each row, or leave it out.` };
    }
    return { line, message: `<Table> ${name} ${issue.message.startsWith('expected') ? `is not right: ${issue.message}` : issue.message}.` };
  });
}

/** What is wrong with the Table components and their tables in a parsed body. Empty when nothing is. */
export function checkTableTree(tree: SafetyNode): TableProblem[] {
  const problems: TableProblem[] = [];
  const captions = new Map<string, number>();
  const visit = (node: SafetyNode) => {
    const line = node.position?.start.line ?? 1;
    if (node.type === 'mdxJsxTextElement' && node.name === 'Table') {
      problems.push({ line, message: '<Table> is inside a sentence. Put <Table ...> on a line of its own, the Markdown table on the lines after it, and </Table> on a line of its own.' });
      return;
    }
    if (node.type === 'mdxJsxFlowElement' && node.name === 'Table') {
      problems.push(...problemsOfAttributes(node, line));
      const children = node.children ?? [];
      const tables = children.filter((child) => child.type === 'table');
      if (tables.length !== 1 || children.length !== 1) {
        const held = tables.length === 0 ? 'no Markdown table' : tables.length > 1 ? `${tables.length} Markdown tables` : 'something as well as its table';
        problems.push({ line, message: `<Table> holds ${held}. Between <Table ...> and </Table> put one table in Markdown and nothing else: a header row, a line such as | --- | --- |, then a line for each row.` });
      }
      const caption = readAttributes(node, tableBlock().props).caption;
      if (typeof caption === 'string' && caption.trim() !== '') {
        const key = caption.trim().toLowerCase();
        const first = captions.get(key);
        if (first !== undefined) {
          problems.push({ line, message: `<Table> has the caption "${caption.trim()}", the same as the table on line ${first}. Each caption names its own table, so say what this one shows.` });
        } else {
          captions.set(key, line);
        }
      }
      return;
    }
    for (const child of node.children ?? []) visit(child);
  };
  visit(tree);
  return problems.sort((a, b) => a.line - b.line);
}
