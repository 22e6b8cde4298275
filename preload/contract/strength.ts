/**
 * Knowledge strength and gaps (DESIGN §3 analytics; issue 7): the strength of a knowledge item and of a process
 * step, the workspace's strength settings, and the gaps report. Computed by pure functions in
 * main/core/analytics/ over one graph index. Imports only zod.
 */
import { z } from 'zod';
import type { ChannelMap } from './channel';
import { id } from './model';

const weight = z.number().int().min(0).max(100);

/**
 * Settings of the strength measure, stored per workspace. The four weights are relative (normalised by their
 * sum, which must be > 0); `targetHolders` is how many holders at full proficiency give the full holder score;
 * `freshnessHorizonDays` how many days past its review date an item's freshness falls from 1 to 0; an item or step
 * below `weakBelow` is weak, at or above `strongFrom` strong (weakBelow < strongFrom).
 */
export const StrengthSettings = z
  .strictObject({
    weights: z.strictObject({
      documentation: weight,
      holders: weight,
      owner: weight,
      freshness: weight,
    }),
    targetHolders: z.number().int().min(1).max(20),
    freshnessHorizonDays: z.number().int().min(1).max(3650),
    weakBelow: z.number().int().min(1).max(99),
    strongFrom: z.number().int().min(2).max(100),
  })
  .refine((s) => s.weakBelow < s.strongFrom, {
    message: 'weakBelow must be below strongFrom',
    path: ['weakBelow'],
  })
  .refine((s) => Object.values(s.weights).some((w) => w > 0), {
    message: 'at least one weight must be above 0',
    path: ['weights'],
  });
export type StrengthSettings = z.infer<typeof StrengthSettings>;

/** Strength band: weak (< weakBelow), medium, strong (≥ strongFrom); `none` for a step that requires nothing. */
export const StrengthBand = z.enum(['weak', 'medium', 'strong', 'none']);
export type StrengthBand = z.infer<typeof StrengthBand>;

/** A knowledge item's strength (0–100, integer) with the inputs of the number, for "how is this computed?". */
export const ItemStrength = z.object({
  id,
  label: z.string(),
  strength: z.number().int().min(0).max(100),
  band: StrengthBand,
  /** Each part 0–1 before weighting. */
  parts: z.object({
    documentation: z.number(),
    holders: z.number(),
    owner: z.number(),
    freshness: z.number(),
  }),
  inputs: z.object({
    /** documented_by links (documents). */
    documents: z.number().int(),
    existence: z.string(),
    form: z.string(),
    /** Experts who know the item, with their proficiency 1–5, best first. */
    holders: z.array(z.object({ id, label: z.string(), proficiency: z.number().int() })),
    owners: z.array(z.object({ id, label: z.string() })),
    reviewDue: z.string().nullable(),
    /** Days past the review date (negative: days left); null without a review date. */
    overdueDays: z.number().int().nullable(),
  }),
});
export type ItemStrength = z.infer<typeof ItemStrength>;

/** A step's strength: the importance-weighted mean of its required items' strengths (null when it requires none). */
export const StepStrength = z.object({
  id,
  label: z.string(),
  strength: z.number().int().min(0).max(100).nullable(),
  band: StrengthBand,
  /** The required items counted, each once, with the importance used as weight (1–3). */
  inputs: z.array(
    z.object({ id, label: z.string(), strength: z.number().int(), importance: z.number().int() }),
  ),
});
export type StepStrength = z.infer<typeof StepStrength>;

/** Why a required item is a gap. */
export const GAP_REASONS = ['weak', 'undocumented', 'unheld', 'single-holder', 'tacit-only'] as const;
export const GapReason = z.enum(GAP_REASONS);
export type GapReason = z.infer<typeof GapReason>;

/** One row of the gaps report: a required item of one step that has at least one gap reason. */
export const GapRow = z.object({
  processId: id,
  processLabel: z.string(),
  stepId: id,
  stepLabel: z.string(),
  stepOrder: z.number().int(),
  itemId: id,
  itemLabel: z.string(),
  strength: z.number().int(),
  /** The item's band under the workspace's thresholds (as ItemStrength.band). */
  band: StrengthBand,
  reasons: z.array(GapReason),
  /** Experts who know the item (any proficiency) and those at proficiency ≥ 3. */
  holders: z.number().int(),
  capableHolders: z.number().int(),
  documents: z.number().int(),
  /** Library pages the evidence finder proposes for the item (0 when none or not run yet). */
  candidatePages: z.number().int(),
});
export type GapRow = z.infer<typeof GapRow>;

const processScope = z.strictObject({ processId: id.optional() });

export const STRENGTH_CHANNELS = {
  'strength:settings': { input: z.strictObject({}), output: StrengthSettings },
  /** Replaces the settings (validated: every weight 0–100, thresholds in range); not part of the undo history. */
  'strength:update-settings': {
    input: z.strictObject({ settings: StrengthSettings }),
    output: StrengthSettings,
  },
  /** Strength of the given knowledge items (all items when `ids` is absent), with their inputs. */
  'strength:items': {
    input: z.strictObject({ ids: z.array(id).max(100_000).optional() }),
    output: z.array(ItemStrength),
  },
  /** Strength of every step of one process (or of all processes). */
  'strength:steps': { input: processScope, output: z.array(StepStrength) },
  /** The gaps report of one process (or of all), rows ordered by process, step order, then strength. */
  'strength:gaps': { input: processScope, output: z.array(GapRow) },
} as const satisfies ChannelMap;
