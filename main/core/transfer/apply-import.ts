import { MAP_VIEW_ID } from '../../../preload/contract';
import type { GraphStore } from '../graph/graph-store';
import type { ViewStore } from '../graph/view-store';
import { foldText } from '../util/text';
import type { PlannedView, WellspringJsonPlan } from './wellspring-import';

/** What applyWellspringJsonPlan did. */
export interface AppliedImport {
  /** Ids the operations acted on, in order (GraphStore.apply). */
  ids: string[];
  /** Views the import created (their new ids). */
  createdViews: string[];
}

/**
 * Applies a plan: finds each of the file's views in the workspace (the same kind and name, NFKC and case folded;
 * the knowledge map is `map`) or creates it with the file's settings, then applies the plan's operations and the
 * views' positions with ONE GraphStore.apply (one transaction, one undo step, reason `import`, summarised as the
 * import of `fileName`). Views found get the
 * file's filters, layout and camera once the operations are stored, as those frame the positions just written.
 * When the operations fail, the views this call created are deleted again and the error is rethrown.
 * Undo removes what the import added; created views stay (empty of the import's positions).
 * @returns the applied ids and the created views; nothing is applied when the plan has no operation
 * @throws WellspringError of GraphStore.apply (nothing is stored then)
 */
export function applyWellspringJsonPlan(
  plan: WellspringJsonPlan,
  stores: { graph: GraphStore; views: ViewStore },
  fileName = 'wellspring.json',
): AppliedImport {
  const existing = stores.views.list();
  const created: string[] = [];
  const found: Array<{ id: string; view: PlannedView['view'] }> = [];
  const ops = [...plan.ops];
  for (const { view, positions } of plan.views) {
    const wanted = foldName(view.name);
    const match =
      view.kind === 'map'
        ? existing.find((v) => v.id === MAP_VIEW_ID)
        : existing.find((v) => v.kind === view.kind && foldName(v.name) === wanted);
    let viewId: string;
    if (match) {
      viewId = match.id;
      found.push({ id: viewId, view });
    } else {
      const v = stores.views.create({
        kind: view.kind,
        name: view.name,
        filters: view.filters,
        layout: view.layout,
        camera: view.camera,
      });
      stores.views.update(v.id, { order: view.order });
      viewId = v.id;
      created.push(viewId);
    }
    // In a view found, positions it has already need no operation.
    const stored = match
      ? new Map(
          stores.graph
            .getGraph(undefined, viewId)
            .nodes.filter((n) => n.x !== null)
            .map((n) => [n.id, n]),
        )
      : null;
    const moved = stored
      ? positions.filter((p) => stored.get(p.id)?.x !== p.x || stored.get(p.id)?.y !== p.y)
      : positions;
    if (moved.length) ops.push({ op: 'setPositions', viewId, positions: moved });
  }
  let ids: string[] = [];
  if (ops.length) {
    try {
      ids = stores.graph.apply(ops, {
        reason: 'import',
        summary: { action: 'import', kind: 'import', label: fileName, count: ops.length },
      }).ids;
    } catch (e) {
      for (const id of created) stores.views.delete(id);
      throw e;
    }
  }
  for (const { id, view } of found)
    stores.views.update(id, { filters: view.filters, layout: view.layout, camera: view.camera });
  return { ids, createdViews: created };
}

function foldName(label: string): string {
  return foldText(label).trim();
}
