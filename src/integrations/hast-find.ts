/** The little of hast the Expressive Code plugins walk: find the first element that matches. */
export interface HastNode {
  type: string;
  tagName?: string;
  properties?: Record<string, unknown>;
  children?: HastNode[];
}

export function findElement(
  node: HastNode,
  matches: (n: HastNode) => boolean,
): HastNode | undefined {
  if (matches(node)) return node;
  for (const child of node.children ?? []) {
    const found = findElement(child, matches);
    if (found) return found;
  }
  return undefined;
}
