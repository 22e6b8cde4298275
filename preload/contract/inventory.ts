/**
 * The knowledge inventory (知识盘点; issue 8, DESIGN §5.5): the stock of knowledge assets counted the way physical
 * assets are — totals by kind, category, form, existence, owner and SECI stage; the health lists (stale, orphans,
 * unowned, single-holder, tacit-only); and the weekly trend rebuilt from the history log. Computed by pure functions
 * in main/core/analytics/inventory.ts and inventory-trend.ts. Imports only zod.
 */
import { z } from 'zod';
import type { ChannelMap } from './channel';
import { id } from './model';

/** What a count is grouped by. */
export const INVENTORY_FACETS = ['kind', 'category', 'form', 'existence', 'owner', 'seci', 'health'] as const;
export const InventoryFacet = z.enum(INVENTORY_FACETS);
export type InventoryFacet = z.infer<typeof InventoryFacet>;

/**
 * The health lists of knowledge items:
 * - stale: the review date is past (review overdue);
 * - orphan: no edge at all but `classified_as` (no step, holder, owner, document, competency or term touches it);
 * - unowned: no expert `owns` it;
 * - single-holder: exactly one expert holds it at proficiency ≥ 3;
 * - tacit-only: tacit and not documented (no `documented_by`).
 */
export const HEALTH_KEYS = ['stale', 'orphan', 'unowned', 'single-holder', 'tacit-only'] as const;
export const HealthKey = z.enum(HEALTH_KEYS);
export type HealthKey = z.infer<typeof HealthKey>;

/**
 * One bucket of a facet. `key` is what `inventory:list` takes back: a node kind, a category id, `explicit` /
 * `tacit`, an existence value, an owner's expert id, a SECI stage, a health key, or null for "none recorded"
 * (uncategorised, unowned, no SECI stage).
 */
export const InventoryBucket = z.object({
  key: z.string().nullable(),
  /** The category's or owner's label; the raw value otherwise (the view translates kinds and values). */
  label: z.string(),
  count: z.number().int(),
});
export type InventoryBucket = z.infer<typeof InventoryBucket>;

/** The dashboard's numbers. Knowledge items only, except `byKind` (every node kind). */
export const InventorySummary = z.object({
  asOf: z.string(),
  knowledgeItems: z.number().int(),
  byKind: z.array(InventoryBucket),
  /** Top-level categories, each counting the items of its whole subtree once; then `null` (uncategorised). */
  byCategory: z.array(InventoryBucket),
  byForm: z.array(InventoryBucket),
  byExistence: z.array(InventoryBucket),
  /** Owners by count, highest first; then `null` (unowned). */
  byOwner: z.array(InventoryBucket),
  bySeci: z.array(InventoryBucket),
  health: z.array(InventoryBucket),
});
export type InventorySummary = z.infer<typeof InventorySummary>;

/** One row of a list behind a chart bar. Fields that do not apply to the node's kind are null. */
export const InventoryItem = z.object({
  id,
  kind: z.string(),
  label: z.string(),
  form: z.string().nullable(),
  existence: z.string().nullable(),
  seciStage: z.string().nullable(),
  importance: z.number().int().nullable(),
  categories: z.array(z.string()),
  owners: z.array(z.string()),
  /** Experts who know it (any proficiency) and at proficiency ≥ 3. */
  holders: z.number().int().nullable(),
  capableHolders: z.number().int().nullable(),
  documents: z.number().int().nullable(),
  reviewDue: z.string().nullable(),
  strength: z.number().int().nullable(),
  /** Which health lists the item is on. */
  health: z.array(HealthKey),
});
export type InventoryItem = z.infer<typeof InventoryItem>;

/** The list behind one bucket: a facet and a bucket key (null: the "none recorded" bucket). */
export const InventoryQuery = z.strictObject({ facet: InventoryFacet, key: z.string().max(200).nullable() });
export type InventoryQuery = z.infer<typeof InventoryQuery>;

/** Counts at the end of one week (Monday 00:00 local time starts a week), oldest first. */
export const TrendPoint = z.object({
  /** The Monday the week starts on, YYYY-MM-DD. */
  week: z.string(),
  knowledge: z.number().int(),
  explicit: z.number().int(),
  tacit: z.number().int(),
  experts: z.number().int(),
  documented: z.number().int(),
});
export type TrendPoint = z.infer<typeof TrendPoint>;

export const InventoryTrend = z.object({
  points: z.array(TrendPoint),
  /** When the oldest history entry kept was written (ISO), or null without history; before it, counts come from creation times. */
  historyFrom: z.string().nullable(),
});
export type InventoryTrend = z.infer<typeof InventoryTrend>;

export const INVENTORY_CHANNELS = {
  'inventory:summary': { input: z.strictObject({}), output: InventorySummary },
  /** The list behind one bucket, by label. @throws invalid_input for a key the facet does not know */
  'inventory:list': { input: InventoryQuery, output: z.array(InventoryItem) },
  /** Weekly counts over the last `weeks` weeks (default 26), the current week last. */
  'inventory:trend': {
    input: z.strictObject({ weeks: z.number().int().min(1).max(520).optional() }),
    output: InventoryTrend,
  },
} as const satisfies ChannelMap;
