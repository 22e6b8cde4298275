/** Exports of a view that the core builds (issue 9.6): the self-contained offline HTML snapshot. Imports only zod. */
import { z } from 'zod';
import type { ChannelMap } from './channel';

export const EXPORTS_CHANNELS = {
  /**
   * One self-contained offline HTML file of a view (main/core/export/snapshot-html.ts): Cytoscape.js and the data
   * inlined, read-only, pan, zoom, click to inspect, search, legend. `view` is what `npm run cli -- snapshot
   * --view` takes — `map`, `competency`, a saved view's name, `process:NAME` — or the id of a saved view or of a
   * process. Errors: `not_found` (key errors.snapshotViewUnknown) naming the views that exist.
   */
  'export:snapshot': {
    input: z.strictObject({ view: z.string().trim().min(1).max(400) }),
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
