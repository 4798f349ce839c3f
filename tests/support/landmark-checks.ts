/**
 * Landmarks and ids, read in Chromium: the landmarks from the browser's own
 * accessibility tree (CDP Accessibility.getFullAXTree), which is what a
 * screen reader's list of landmarks is built from, and ids from the DOM.
 * Each check returns its problems as sentences, so a failing test says what
 * to fix. tests/site/landmarks-and-ids.test.ts runs them on every built page
 * and on crafted pages that prove each one can fail.
 */
import type { CDPSession, Page } from 'playwright-core';

/** The ARIA landmark roles, as Chromium names them in its accessibility tree. */
export const LANDMARK_ROLES = ['banner', 'complementary', 'contentinfo', 'form', 'main', 'navigation', 'region', 'search'] as const;

/** One node of Chromium's accessibility tree, as CDP gives it (the fields the checks read). */
export interface AxNode {
  nodeId: string;
  ignored: boolean;
  role?: { value?: unknown };
  name?: { value?: unknown };
  properties?: { name: string; value: { value?: unknown } }[];
  parentId?: string;
  backendDOMNodeId?: number;
}

/** A page's accessibility tree, with each node's parent to walk up. */
export interface AxTree {
  nodes: AxNode[];
  byId: Map<string, AxNode>;
}

export interface Landmark {
  role: string;
  name: string;
}

const roleOf = (node: AxNode) => (typeof node.role?.value === 'string' ? node.role.value : '');
const nameOf = (node: AxNode) => (typeof node.name?.value === 'string' ? node.name.value.trim() : '');
const isLandmark = (node: AxNode) => !node.ignored && (LANDMARK_ROLES as readonly string[]).includes(roleOf(node));
const describe = (landmark: Landmark) => `${landmark.role}${landmark.name ? ` "${landmark.name}"` : ' (no name)'}`;

export async function accessibilityTree(cdp: CDPSession): Promise<AxTree> {
  const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as unknown as { nodes: AxNode[] };
  return { nodes, byId: new Map(nodes.map((node) => [node.nodeId, node])) };
}

/** The page's landmarks (in the tree's order, which is not always the page's). */
export function landmarksOf(tree: AxTree): Landmark[] {
  return tree.nodes.filter(isLandmark).map((node) => ({ role: roleOf(node), name: nameOf(node) }));
}

/** The landmarks a node sits inside, innermost first. */
export function landmarksAround(tree: AxTree, node: AxNode): Landmark[] {
  const around: Landmark[] = [];
  for (
    let parent = node.parentId ? tree.byId.get(node.parentId) : undefined;
    parent;
    parent = parent.parentId ? tree.byId.get(parent.parentId) : undefined
  ) {
    if (isLandmark(parent)) around.push({ role: roleOf(parent), name: nameOf(parent) });
  }
  return around;
}

/** The accessibility-tree nodes of the elements `selector` matches (an element the tree leaves out has none). */
export async function axNodesFor(cdp: CDPSession, tree: AxTree, selector: string): Promise<AxNode[]> {
  const { root } = (await cdp.send('DOM.getDocument', { depth: 0 })) as { root: { nodeId: number } };
  const { nodeIds } = (await cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector })) as { nodeIds: number[] };
  const found: AxNode[] = [];
  for (const nodeId of nodeIds) {
    const { node } = (await cdp.send('DOM.describeNode', { nodeId })) as { node: { backendNodeId: number } };
    const axNode = tree.nodes.find((item) => item.backendDOMNodeId === node.backendNodeId && !item.ignored);
    if (axNode) found.push(axNode);
  }
  return found;
}

/** Landmarks of one role must each have their own name, or a screen reader's list shows two the same. */
export function landmarkNameProblems(landmarks: readonly Landmark[]): string[] {
  const problems: string[] = [];
  const byRole = new Map<string, Landmark[]>();
  for (const landmark of landmarks) byRole.set(landmark.role, [...(byRole.get(landmark.role) ?? []), landmark]);
  for (const [role, same] of byRole) {
    if (same.length < 2) continue;
    const unnamed = same.filter((landmark) => landmark.name === '');
    if (unnamed.length > 0)
      problems.push(`${same.length} ${role} landmarks, ${unnamed.length} of them with no name: give each its own aria-label`);
    const seen = new Map<string, number>();
    for (const landmark of same.filter((item) => item.name !== ''))
      seen.set(landmark.name.toLowerCase(), (seen.get(landmark.name.toLowerCase()) ?? 0) + 1);
    for (const [name, count] of seen) if (count > 1) problems.push(`${count} ${role} landmarks are all named "${name}"`);
  }
  return problems;
}

/** The main navigation is a named navigation landmark of its own, not wrapped in a region. */
export function mainNavigationProblems(tree: AxTree, navigation: readonly AxNode[]): string[] {
  if (navigation.length !== 1) return [`expected one main navigation, found ${navigation.length}`];
  const [nav] = navigation as [AxNode];
  const problems: string[] = [];
  if (roleOf(nav) !== 'navigation') problems.push(`the main navigation has the role "${roleOf(nav)}", not navigation`);
  if (nameOf(nav) === '') problems.push('the main navigation has no name');
  const regions = landmarksAround(tree, nav).filter((landmark) => landmark.role === 'region');
  for (const region of regions) problems.push(`the main navigation sits inside ${describe(region)}: one landmark is enough`);
  return problems;
}

/** The Exit this page button is inside a landmark, so it is found by landmark as well as by Tab. */
export function exitButtonProblems(tree: AxTree, buttons: readonly AxNode[]): string[] {
  if (buttons.length !== 1) return [`expected one Exit this page button, found ${buttons.length}`];
  return landmarksAround(tree, buttons[0]!).length === 0 ? ['the Exit this page button is outside every landmark'] : [];
}

/** Ids used twice or more, and references (for, aria-labelledby, aria-describedby, aria-controls, form) to ids the page lacks. */
export async function idProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const counts = new Map<string, number>();
    for (const element of document.querySelectorAll('[id]')) counts.set(element.id, (counts.get(element.id) ?? 0) + 1);
    for (const [id, count] of counts) if (count > 1) problems.push(`id="${id}" is used ${count} times`);
    for (const attribute of ['for', 'aria-labelledby', 'aria-describedby', 'aria-controls', 'form']) {
      for (const element of document.querySelectorAll(`[${attribute}]`)) {
        for (const id of (element.getAttribute(attribute) ?? '').split(/\s+/).filter(Boolean)) {
          if (!counts.has(id)) problems.push(`<${element.localName}> has ${attribute}="${id}", and no element has that id`);
        }
      }
    }
    return problems;
  });
}
