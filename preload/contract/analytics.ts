/** Graph analytics the views draw (main/core/analytics/): centrality and communities of the map. Imports only zod. */
import { z } from 'zod';
import type { ChannelMap } from './channel';

/**
 * Per-node measures of the whole graph, keyed by node id: degree (edges at the node), betweenness centrality
 * (normalised to 0–1; Brandes 2001) and Louvain community (Blondel et al. 2008, seeded, so the same graph gives the
 * same communities), with the number of communities and the partition's modularity.
 */
export const MapMetrics = z.object({
  degree: z.record(z.string(), z.number()),
  betweenness: z.record(z.string(), z.number()),
  community: z.record(z.string(), z.number().int()),
  communityCount: z.number().int(),
  modularity: z.number(),
  tookMs: z.number(),
});
export type MapMetrics = z.infer<typeof MapMetrics>;

export const ANALYTICS_CHANNELS = {
  'analytics:map-metrics': { input: z.strictObject({}), output: MapMetrics },
} as const satisfies ChannelMap;
