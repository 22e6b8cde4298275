/**
 * The legend's encodings on the map's engine: node size by degree / betweenness / importance and colour by
 * knowledge strength (the pipeline's bands, ui/strength-bands.ts) or by
 * community (engine/node-encoding.ts), from the core's analytics (`analytics:map-metrics`, computed in a worker
 * and cached until the graph changes). The choice is kept in the knowledge map view's layout settings, so it
 * comes back with the workspace (DESIGN §4, views are data).
 */
import { useEffect, useMemo, useRef, type RefObject } from 'react';
import { MAP_VIEW_ID, type MapGraphDto, type NodeKind } from '../../../../preload/contract';
import { call } from '../../api/client';
import { useMapMetrics, useStrengthBands } from '../../api/queries';
import { BAND_COLOURS } from '../../ui/strength-bands';
import type { GraphEngine } from './engine/graph-engine';
import { nodeColours, nodeSizes, type ColourBy, type SizeBy } from './engine/node-encoding';
import { KIND_STYLE } from './engine/styles';
import { useMapStore } from './store';

const SIZES: readonly SizeBy[] = ['kind', 'degree', 'betweenness', 'importance'];
const COLOURS: readonly ColourBy[] = ['kind', 'community', 'strength'];

/** Loads the map view's saved encoding once, then stores every change the user makes back into the view. */
export function usePersistedEncoding(): void {
  const { sizeBy, colourBy } = useMapStore();
  // What the map view holds (null until loaded): a change is written only when it differs from it.
  const persisted = useRef<string | null>(null);
  useEffect(() => {
    void call('views:get', { id: MAP_VIEW_ID })
      .then((v) => {
        const s = SIZES.includes(v.layout.sizeBy as SizeBy) ? (v.layout.sizeBy as SizeBy) : 'kind';
        const c = COLOURS.includes(v.layout.colourBy as ColourBy) ? (v.layout.colourBy as ColourBy) : 'kind';
        persisted.current = `${s}/${c}`;
        useMapStore.getState().set({ sizeBy: s, colourBy: c });
      })
      .catch(() => undefined);
  }, []);
  useEffect(() => {
    const key = `${sizeBy}/${colourBy}`;
    if (persisted.current === null || persisted.current === key) return;
    persisted.current = key;
    void call('views:get', { id: MAP_VIEW_ID })
      .then((v) =>
        call('views:update', { id: MAP_VIEW_ID, patch: { layout: { ...v.layout, sizeBy, colourBy } } }),
      )
      .catch(() => undefined);
  }, [sizeBy, colourBy]);
}

/**
 * Pushes the chosen encoding of `graph` into the engine whenever the graph, the metrics or the choice change;
 * `engineKey` changes when the view makes a new engine (the WebGL toggle), so the new one gets it too. Call it
 * after the effect that hands `graph` to the engine.
 */
export function useEncoding(
  engineRef: RefObject<GraphEngine | null>,
  graph: MapGraphDto | undefined,
  engineKey: unknown,
): void {
  const { sizeBy, colourBy } = useMapStore();
  const needsMetrics = sizeBy === 'degree' || sizeBy === 'betweenness' || colourBy === 'community';
  const metrics = useMapMetrics(needsMetrics);
  const bands = useStrengthBands(colourBy === 'strength');
  const degree = useMemo(() => {
    const d = new Map<string, number>();
    for (const e of graph?.edges ?? []) {
      d.set(e.source, (d.get(e.source) ?? 0) + 1);
      d.set(e.target, (d.get(e.target) ?? 0) + 1);
    }
    return d;
  }, [graph]);
  useEffect(() => {
    const engine = engineRef.current;
    if (!engine || !graph) return;
    const m = metrics.data;
    const sizes =
      sizeBy === 'kind'
        ? null
        : nodeSizes(graph.nodes, sizeBy, (k: NodeKind) => KIND_STYLE[k].size, degree, m);
    const colours =
      colourBy === 'community' && m
        ? nodeColours(graph.nodes, 'community', (k) => KIND_STYLE[k].color, m)
        : colourBy === 'strength' && bands.data
          ? nodeColours(graph.nodes, 'strength', (k) => KIND_STYLE[k].color, undefined, {
              bands: bands.data,
              bandColour: (b) => BAND_COLOURS[b].fill,
            })
          : null;
    engine.setEncoding(sizes, colours);
  }, [engineRef, engineKey, graph, degree, metrics.data, bands.data, sizeBy, colourBy]);
}
