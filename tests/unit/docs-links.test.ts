/**
 * The README is the front door and docs/ holds the guides: every link from
 * one to another (and to a file of the project) must lead somewhere, and
 * every #anchor must name a heading of its page, as GitHub makes them.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfm } from 'micromark-extension-gfm';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { describe, expect, it } from 'vitest';

interface MdNode {
  type: string;
  url?: string;
  value?: string;
  depth?: number;
  children?: MdNode[];
  position?: { start: { line: number } };
}

const DOCUMENTS = [
  'README.md',
  ...readdirSync('docs')
    .filter((name) => name.endsWith('.md'))
    .map((name) => join('docs', name)),
];

function tree(file: string): MdNode {
  return fromMarkdown(readFileSync(file, 'utf8'), { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] }) as MdNode;
}

function* walk(node: MdNode): Generator<MdNode> {
  yield node;
  for (const child of node.children ?? []) yield* walk(child);
}

const text = (node: MdNode): string => node.value ?? (node.children ?? []).map(text).join('');

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens. */
export function githubAnchor(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

function anchors(file: string): Set<string> {
  return new Set([...walk(tree(file))].filter((node) => node.type === 'heading').map((node) => githubAnchor(text(node))));
}

describe('the README and docs/', () => {
  it('makes anchors as GitHub does', () => {
    expect(githubAnchor('When a check fails (for editors)')).toBe('when-a-check-fails-for-editors');
    expect(githubAnchor('Site settings: who to call')).toBe('site-settings-who-to-call');
  });

  it('links the README to every guide in docs/', () => {
    const linked = new Set([...walk(tree('README.md'))].filter((node) => node.type === 'link').map((node) => node.url!.split('#')[0]));
    for (const file of DOCUMENTS.filter((name) => name !== 'README.md'))
      expect(linked, `${file} is not linked from the README`).toContain(file);
  });

  it.each(DOCUMENTS)('%s: every link to the project leads to a file, and every anchor to a heading', (file) => {
    const broken: string[] = [];
    for (const node of walk(tree(file))) {
      if (node.type !== 'link' || /^[a-z]+:/i.test(node.url!)) continue;
      const [path, anchor] = node.url!.split('#') as [string, string | undefined];
      const target = path === '' ? file : resolve(dirname(file), path);
      const where = `line ${node.position?.start.line}: ${node.url}`;
      if (!existsSync(target)) broken.push(`${where} (no such file)`);
      else if (anchor && target.endsWith('.md') && !anchors(target).has(anchor)) broken.push(`${where} (no such heading)`);
    }
    expect(broken).toEqual([]);
  });
});
