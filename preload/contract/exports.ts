/** Exports of a view that the core builds (issue 9.6): the self-contained offline HTML snapshot. Imports only zod. */
import { z } from 'zod';
import type { ChannelMap } from './channel';
import { EdgeKind } from './model';

const elementId = z.string().min(1).max(400);
const coordinate = z.number().finite().min(-1e7).max(1e7);

/**
 * What a view has on its canvas now, for a snapshot of exactly that: each drawn node (its element id, the graph
 * node it shows — a pipeline draws an item once per step that needs it — and its position in model px) and each
 * drawn line (between element ids, with the relation it stands for).
 */
export const ShownGraph = z.strictObject({
  /** The view's title as the app shows it, e.g. "核心竞争力 › 客户与市场能力". */
  title: z.string().trim().min(1).max(300),
  nodes: z
    .array(z.strictObject({ id: elementId, refId: z.string().min(1).max(200), x: coordinate, y: coordinate }))
    .max(200_000),
  edges: z
    .array(z.strictObject({ id: elementId, source: elementId, target: elementId, kind: EdgeKind }))
    .max(500_000),
});
export type ShownGraph = z.infer<typeof ShownGraph>;

export const EXPORTS_CHANNELS = {
  /**
   * One self-contained offline HTML file of a view (main/core/export/snapshot-html.ts): Cytoscape.js and the data
   * inlined, read-only, pan, zoom, click to inspect, search, legend. `view` is what `npm run cli -- snapshot
   * --view` takes — `map`, `competency`, a saved view's name, `process:NAME` — or the id of a saved view or of a
   * process. With `shown` the page shows exactly those elements at those positions (the view on screen; nodes
   * deleted meanwhile and lines to them are left out), else the view as stored. Errors: `not_found` (key
   * errors.snapshotViewUnknown) naming the views that exist.
   */
  'export:snapshot': {
    input: z.strictObject({ view: z.string().trim().min(1).max(400), shown: ShownGraph.optional() }),
    output: z.object({
      /** Suggested file name: "<view title>-<yyyy-mm-dd>.html", characters no file system takes replaced by "_". */
      fileName: z.string(),
      /** The HTML text (UTF-8). */
      html: z.string(),
      /** The view's title as the page shows it. */
      title: z.string(),
      nodes: z.number().int().nonnegative(),
      edges: z.number().int().nonnegative(),
    }),
  },
} as const satisfies ChannelMap;
