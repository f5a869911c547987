import type { XmlElement } from "../src/index.js";

/** `levels` elements, each the only child of the one before. */
export const nested = (levels: number): string => `${"<a>".repeat(levels)}${"</a>".repeat(levels)}`;

/** No depth or size limit: what a caller who raised both as far as they go gets. */
export const UNLIMITED = { maxDepth: Number.POSITIVE_INFINITY, maxBytes: Number.POSITIVE_INFINITY };

/** How many elements deep the first-child chain from `root` goes (root counts as 1). */
export function levelsOfNesting(root: XmlElement): number {
  let depth = 1;
  for (let at = root.children[0]; at !== undefined; at = at.children[0]) depth++;
  return depth;
}
