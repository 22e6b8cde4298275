import { useEffect } from 'react';
import type { ExportSource } from './view-export';

/** The graph views that export through ExportMenu. */
export type ExportingView = 'map' | 'pipeline' | 'competency';

const sources = new Map<ExportingView, () => ExportSource | null>();

/**
 * Registers, while the calling component is mounted, how `view` exports what is on its canvas now (`get` is
 * asked when the user picks an export; null: nothing drawn yet). The canvas owns the engine, the toolbar the
 * menu: they meet here. A later registration of the same view replaces the earlier one.
 */
export function useExportSource(view: ExportingView, get: () => ExportSource | null): void {
  useEffect(() => {
    sources.set(view, get);
    return () => {
      if (sources.get(view) === get) sources.delete(view);
    };
  }, [view, get]);
}

/**
 * The export of `view` as it is now — without `view`, of the graph view on screen (one is mounted at a time) —
 * or null when its canvas is not mounted or has nothing drawn.
 */
export function exportSourceOf(view?: ExportingView): ExportSource | null {
  if (view) return sources.get(view)?.() ?? null;
  for (const get of sources.values()) {
    const s = get();
    if (s) return s;
  }
  return null;
}
