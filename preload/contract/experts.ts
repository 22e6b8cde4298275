/**
 * Experts (issue 8; DESIGN §5.4): the expert directory and profiles, "my areas" editing, the expertise locator,
 * key-person risk after the IAEA / TVA knowledge-loss risk assessment, the experts × categories heat map, the
 * departure simulation, and holders proposed from the authors recorded in library documents. Every number is
 * computed by pure functions in main/core/analytics/ over one graph index. Imports only zod.
 */
import { z } from 'zod';
import type { ChannelMap } from './channel';
import { EditSummary } from './history';
import { id } from './model';
import { RankReason } from './processes';
import { PinyinMatch } from './search';

const level = z.number().int().min(1).max(5);

/** Where the attrition risk factor comes from: entered by hand, or derived from the expected leaving date. */
export const AttritionSource = z.enum(['entered', 'leaving-date']);

/**
 * The attrition risk factor (ARF, 1–5) of an expert. From an expected leaving date, in the method's bands of
 * years left: ≤ 1 → 5, ≤ 2 → 4, ≤ 3 → 3, ≤ 5 → 2, > 5 → 1 (a date already past → 5, `datePassed`).
 */
export const AttritionRisk = z.object({
  factor: level,
  source: AttritionSource,
  expectedLeaving: z.string().nullable(),
  /** Years from today to the leaving date, one decimal (null without a date). */
  yearsLeft: z.number().nullable(),
  datePassed: z.boolean(),
});
export type AttritionRisk = z.infer<typeof AttritionRisk>;

/** One knowledge item behind the position risk: held by this expert at proficiency ≥ 3 and by nobody else. */
export const PositionCriterion = z.object({
  itemId: id,
  label: z.string(),
  proficiency: level,
  importance: z.number().int().min(1).max(3),
  form: z.enum(['explicit', 'tacit']),
  /** Nobody else holds it even at proficiency 2: hard to replace. */
  hardToReplace: z.boolean(),
  /** importance × (tacit 2, explicit 1) × (hard to replace 2, else 1): 1–12. */
  weight: z.number().int(),
});
export type PositionCriterion = z.infer<typeof PositionCriterion>;

/**
 * Where the position risk score turns into the factor (main/core/analytics/position-risk.ts): the exclusive upper
 * bounds of factors 2, 3 and 4 (score 0 → 1; from the last bound on → 5). The unit is the heaviest criterion, 12:
 * one critical (importance 3) tacit item nobody else holds even at proficiency 2 makes a 4, two make a 5. Shared
 * so the profile states the same bands the core applies.
 */
export const POSITION_SCORE_BOUNDS = [6, 12, 24] as const;

/**
 * The position risk factor (PRF, 1–5): `computed` from the sum of the criteria's weights (0 → 1, < 6 → 2,
 * < 12 → 3, < 24 → 4, ≥ 24 → 5: 12 is one critical tacit item nobody else holds even at proficiency 2, so 4 means
 * one such item and 5 two), `override` when set by hand; `factor` is the one used.
 */
export const PositionRisk = z.object({
  factor: level,
  computed: level,
  override: level.nullable(),
  note: z.string().nullable(),
  score: z.number().int(),
  criteria: z.array(PositionCriterion),
});
export type PositionRisk = z.infer<typeof PositionRisk>;

/** Total risk band of the TVA method: high ≥ 16, medium 10–15, low < 10 (total = ARF × PRF, 1–25). */
export const RiskBand = z.enum(['high', 'medium', 'low']);
export type RiskBand = z.infer<typeof RiskBand>;

/** One expert of the key-person risk ranking. */
export const RiskRow = z.object({
  id,
  label: z.string(),
  title: z.string().nullable(),
  department: z.string().nullable(),
  attrition: AttritionRisk,
  position: PositionRisk,
  /** attrition.factor × position.factor, 1–25. */
  total: z.number().int().min(1).max(25),
  band: RiskBand,
  /** 1-based rank (ties broken by position factor, attrition factor, position score, label, then id). */
  rank: z.number().int().min(1),
});
export type RiskRow = z.infer<typeof RiskRow>;

/** A row of the expert directory: who they are, what they hold, and their risk in brief. */
export const ExpertRow = z.object({
  id,
  label: z.string(),
  aliases: z.array(z.string()),
  title: z.string().nullable(),
  department: z.string().nullable(),
  /** Organisational units the expert is `part_of`, labels. */
  units: z.array(z.string()),
  contact: z.string().nullable(),
  availability: z.enum(['available', 'limited', 'unavailable']).nullable(),
  /** Knowledge items they know (any proficiency), categories they know, items at proficiency ≥ 3. */
  items: z.number().int(),
  categories: z.number().int(),
  capableItems: z.number().int(),
  /** Items only they hold at proficiency ≥ 3. */
  soleItems: z.number().int(),
  /** Process steps that name them (`consults`). */
  consultedBy: z.number().int(),
  attrition: z.number().int().min(1).max(5),
  position: z.number().int().min(1).max(5),
  total: z.number().int().min(1).max(25),
  band: RiskBand,
});
export type ExpertRow = z.infer<typeof ExpertRow>;

/** One area of an expert: a knowledge item or a category they know, with their proficiency. */
export const ExpertArea = z.object({
  id,
  kind: z.enum(['knowledge', 'category']),
  label: z.string(),
  description: z.string(),
  /** The `knows` edge (so a view can edit or remove it). */
  edgeId: id,
  proficiency: level,
  /** Knowledge items only (null for a category): form, importance, strength 0–100. */
  form: z.enum(['explicit', 'tacit']).nullable(),
  importance: z.number().int().nullable(),
  strength: z.number().int().nullable(),
  /** Category labels of the item (classified_as), or the parent category of a category. */
  categories: z.array(z.string()),
  /** Other experts who hold it at proficiency ≥ 3 / ≥ 2. */
  othersCapable: z.number().int(),
  othersAtTwo: z.number().int(),
});
export type ExpertArea = z.infer<typeof ExpertArea>;

/** An expert's profile: the directory row, their areas, the documents of their items and the steps that consult them. */
export const ExpertProfile = z.object({
  expert: ExpertRow,
  description: z.string(),
  expectedLeaving: z.string().nullable(),
  enteredAttritionRisk: level,
  areas: z.array(ExpertArea),
  /** Items they `own` (responsible for keeping current). */
  owns: z.array(z.object({ id, label: z.string() })),
  /** Documents linked (documented_by) to their knowledge items, with the items. */
  documents: z.array(
    z.object({
      documentId: id,
      label: z.string(),
      path: z.string().nullable(),
      page: z.number().int().nullable(),
      items: z.array(z.object({ id, label: z.string() })),
    }),
  ),
  /** Process steps that consult them. */
  steps: z.array(
    z.object({
      stepId: id,
      label: z.string(),
      processId: id.nullable(),
      processLabel: z.string().nullable(),
    }),
  ),
  risk: RiskRow,
});
export type ExpertProfile = z.infer<typeof ExpertProfile>;

/** One change of "my areas": set a proficiency (adds the `knows` edge when missing), or remove it (`null`). */
export const AreaChange = z.discriminatedUnion('change', [
  z.strictObject({ change: z.literal('proficiency'), targetId: id, proficiency: level.nullable() }),
  z.strictObject({ change: z.literal('description'), targetId: id, description: z.string().max(100_000) }),
]);
export type AreaChange = z.infer<typeof AreaChange>;

/** The expert's risk inputs as edited in the risk panel; `null` clears a value. */
export const RiskPatch = z.strictObject({
  attritionRisk: level.optional(),
  /** YYYY-MM-DD, from today on; checked by the write path, whose message names a malformed or past date. */
  expectedLeaving: z.string().max(40).nullable().optional(),
  positionRiskOverride: level.nullable().optional(),
  positionRiskNote: z.string().max(1000).nullable().optional(),
});
export type RiskPatch = z.infer<typeof RiskPatch>;

/** A knowledge item or category the locator searched for, and how it was found. */
export const LocatorMatch = z.object({
  id,
  kind: z.enum(['knowledge', 'category']),
  label: z.string(),
  /** `search`: found by the query; `picked`: chosen; `category`: an item of a picked or found category. */
  via: z.enum(['search', 'picked', 'category']),
  /** Found by the query typed as pinyin (`zsgl`): why (search.ts PinyinMatch). */
  pinyin: PinyinMatch.optional(),
});
export type LocatorMatch = z.infer<typeof LocatorMatch>;

/**
 * An expert found by the locator. score = 0.6·proficiency part + 0.25·breadth part + 0.15·availability
 * (main/core/analytics/expertise-locator.ts); `reasons` is the one-line explanation as translation keys.
 */
export const LocatorHit = z.object({
  id,
  label: z.string(),
  title: z.string().nullable(),
  department: z.string().nullable(),
  availability: z.enum(['available', 'limited', 'unavailable']).nullable(),
  score: z.number(),
  /** Best proficiency over the matched areas, and how many of them they know. */
  bestProficiency: level,
  matched: z.number().int(),
  /** What they know of the matched areas, best first. */
  knows: z.array(z.object({ id, label: z.string(), proficiency: level })),
  reasons: z.array(RankReason),
});
export type LocatorHit = z.infer<typeof LocatorHit>;

export const LocatorResult = z.object({
  matches: z.array(LocatorMatch),
  experts: z.array(LocatorHit),
});
export type LocatorResult = z.infer<typeof LocatorResult>;

/** The experts × categories proficiency heat map: the best proficiency of each expert per top-level category. */
export const ProficiencyHeatmap = z.object({
  experts: z.array(z.object({ id, label: z.string() })),
  categories: z.array(z.object({ id, label: z.string() })),
  /** Only cells with a value; `items`: how many of the category's items (and the category itself) they know. */
  cells: z.array(z.object({ expertId: id, categoryId: id, proficiency: level, items: z.number().int() })),
});
export type ProficiencyHeatmap = z.infer<typeof ProficiencyHeatmap>;

/** A strength before and after the departure (0–100; null for a step that requires nothing). */
const drop = { before: z.number().int().nullable(), after: z.number().int().nullable() };

/** How to externalise a tacit item before its holder leaves (issue 10 builds the forms). */
export const CaptureForm = z.enum(['after-action-review', 'master-apprentice', 'expert-interview']);
export type CaptureForm = z.infer<typeof CaptureForm>;

/** The departure simulation of one or more experts (main/core/analytics/departure-simulation.ts). */
export const DepartureSimulation = z.object({
  experts: z.array(z.object({ id, label: z.string() })),
  /** Items that would have no holder at proficiency ≥ 3 left (they had one among the leavers), most important first. */
  uncovered: z.array(
    z.object({
      id,
      label: z.string(),
      importance: z.number().int(),
      form: z.enum(['explicit', 'tacit']),
      documents: z.number().int(),
      /** The best proficiency left after the departure (0: nobody knows it at all). */
      bestLeft: z.number().int().min(0).max(5),
      ...drop,
    }),
  ),
  /** Knowledge items whose strength drops, biggest drop first. */
  items: z.array(z.object({ id, label: z.string(), ...drop })),
  steps: z.array(
    z.object({
      id,
      label: z.string(),
      processId: id.nullable(),
      processLabel: z.string().nullable(),
      ...drop,
    }),
  ),
  competencies: z.array(z.object({ id, label: z.string(), ...drop })),
  /** People already at proficiency 2 on uncovered items, most uncovered importance first. */
  successors: z.array(
    z.object({
      id,
      label: z.string(),
      department: z.string().nullable(),
      items: z.array(z.object({ id, label: z.string(), proficiency: level })),
      score: z.number().int(),
    }),
  ),
  /** Tacit items to externalise first (those the leavers hold at ≥ 3), in priority order. */
  tasks: z.array(
    z.object({
      itemId: id,
      label: z.string(),
      importance: z.number().int(),
      uncovered: z.boolean(),
      captureForm: CaptureForm,
      /** The leaver to capture it from (best proficiency), and the reason as a translation key. */
      fromId: id,
      fromLabel: z.string(),
      reason: RankReason,
    }),
  ),
});
export type DepartureSimulation = z.infer<typeof DepartureSimulation>;

/** A holder proposed from a document's recorded author (PDF / Office metadata) matched to an expert. */
export const AuthorProposal = z.object({
  expertId: id,
  expertLabel: z.string(),
  knowledgeId: id,
  knowledgeLabel: z.string(),
  /** The library file and its graph document node. */
  docId: z.number().int(),
  documentId: id,
  docName: z.string(),
  /** The author as recorded in the file, and which of the expert's names it matched. */
  author: z.string(),
  matched: z.string(),
  /** Proficiency the accepted `knows` edge gets (the author wrote it down: 3). */
  proficiency: level,
});
export type AuthorProposal = z.infer<typeof AuthorProposal>;

const authorKey = { expertId: id, knowledgeId: id, docId: z.number().int() };

export const EXPERTS_CHANNELS = {
  /** Every expert, by total risk (highest first), then label. */
  'experts:directory': { input: z.strictObject({}), output: z.array(ExpertRow) },
  /** @throws not_found for an id that is not an expert */
  'experts:profile': { input: z.strictObject({ id }), output: ExpertProfile },
  /**
   * "My areas": proficiency and description changes of one expert as ONE write (one undo step). A proficiency
   * targets a knowledge item or category; a description targets the expert or one of their areas.
   * @throws invalid_input naming the value for a proficiency outside 1–5 or a target of the wrong kind; nothing written
   */
  'experts:edit-areas': {
    input: z.strictObject({ expertId: id, changes: z.array(AreaChange).min(1).max(5000) }),
    output: EditSummary,
  },
  /** @throws invalid_input naming the value for a leaving date in the past or malformed; nothing written */
  'experts:set-risk': { input: z.strictObject({ expertId: id, patch: RiskPatch }), output: EditSummary },
  /** Who knows X: by free text (through the core's search), by picked items or categories, or both. */
  'experts:locate': {
    input: z.strictObject({
      query: z.string().max(500).optional(),
      itemIds: z.array(id).max(1000).optional(),
      categoryIds: z.array(id).max(1000).optional(),
      limit: z.number().int().min(1).max(500).optional(),
    }),
    output: LocatorResult,
  },
  /** The key-person risk ranking, highest first. */
  'experts:risk': { input: z.strictObject({}), output: z.array(RiskRow) },
  'experts:heatmap': { input: z.strictObject({}), output: ProficiencyHeatmap },
  /** @throws not_found naming the id for an expert that does not exist */
  'experts:simulate': {
    input: z.strictObject({ expertIds: z.array(id).min(1).max(1000) }),
    output: DepartureSimulation,
  },
  /** Holders proposed from document authors, of one expert or of all. */
  'experts:author-proposals': {
    input: z.strictObject({ expertId: id.optional() }),
    output: z.array(AuthorProposal),
  },
  /** Accepts a proposal: the `knows` edge at its proficiency, as one undoable edit. */
  'experts:accept-author': { input: z.strictObject(authorKey), output: EditSummary },
  /** Rejects a proposal: remembered in the workspace, never proposed again. */
  'experts:reject-author': { input: z.strictObject(authorKey), output: z.object({ ok: z.literal(true) }) },
} as const satisfies ChannelMap;
