/**
 * The depth-first pre-order of a forest that may hold cycles (the competency tree, the taxonomy): from each of
 * `roots` in turn, a node then its `childrenOf` in their order; each node once. A node no root reaches (only a
 * cycle of parent links does) becomes a root where the cycle is entered — the first such node of `rest`, in its
 * order — after `cut(id)` has been told (the caller drops its parent link there); then the walk goes on from it.
 * `roots` is extended with the cut nodes. Then every `childrenOf` list keeps only the children whose parent is
 * still that node (`parentOf` as `cut` left it), so each node hangs under exactly one parent.
 * O(nodes + child links). Never throws.
 * @returns the pre-order and each node's depth (0 for a root)
 */
export function preorderForest(
  roots: string[],
  childrenOf: Map<string, string[]>,
  parentOf: ReadonlyMap<string, string | null>,
  rest: readonly string[],
  cut: (id: string) => void,
): { order: string[]; depthOf: Map<string, number> } {
  const order: string[] = [];
  const depthOf = new Map<string, number>();
  const walk = (root: string) => {
    const stack: Array<[string, number]> = [[root, 0]];
    while (stack.length) {
      const [c, d] = stack.pop()!;
      if (depthOf.has(c)) continue;
      depthOf.set(c, d);
      order.push(c);
      const kids = childrenOf.get(c) ?? [];
      for (let i = kids.length - 1; i >= 0; i--) if (!depthOf.has(kids[i]!)) stack.push([kids[i]!, d + 1]);
    }
  };
  for (const r of roots) walk(r);
  for (const c of rest)
    if (!depthOf.has(c)) {
      cut(c);
      roots.push(c);
      walk(c);
    }
  for (const [c, kids] of childrenOf)
    childrenOf.set(
      c,
      kids.filter((k) => parentOf.get(k) === c),
    );
  return { order, depthOf };
}
