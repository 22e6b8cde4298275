/**
 * The core-competence tree (issue 9, DESIGN §2 "Competency"): core → capabilities → sub-competencies, each with a
 * target level 1–5 and its coverage against that target, rolled up from the knowledge items that support it; the
 * concentric diagram's layers for one drill level; the radar of the capabilities; and the tree's edits, all of one
 * call as one undo step. Computed in main/core/analytics/competency-coverage.ts and main/core/competencies/.
 * Imports only zod.
 */
import { z } from 'zod';
import type { ChannelMap } from './channel';
import { EditSummary } from './history';
import { id } from './model';
import { StrengthBand } from './strength';

const level1to5 = z.number().int().min(1).max(5);
const label = z.string().trim().min(1, 'a label cannot be empty').max(500);
const weight = z.number().min(0).max(1);

/** A competency's place in the tree (the node's `level` prop). */
export const CompetencyLevel = z.enum(['core', 'capability', 'sub']);
export type CompetencyLevel = z.infer<typeof CompetencyLevel>;

/**
 * Coverage against target: `met` (achieved level ≥ target), `near` (within one level of it), `below` (more than one
 * level short), `none` (no knowledge item supports the competency, so nothing can be said).
 */
export const CoverageBand = z.enum(['met', 'near', 'below', 'none']);
export type CoverageBand = z.infer<typeof CoverageBand>;

/**
 * A competency's coverage against its target (formula in main/core/analytics/competency-coverage.ts, after ARIS'
 * degree of coverage): achieved level L = S / 20 from the strength S (0–100); coverage = min(1, L / target).
 */
export const CompetencyCoverage = z.object({
  /** Strength 0–100: weighted mean of the item strengths of its subtree; null when no item supports it. */
  strength: z.number().int().min(0).max(100).nullable(),
  /** The strength the target asks for: 20 × target (0–100). */
  requiredStrength: z.number().int().min(0).max(100),
  /** S / 20 on the 0–5 scale of the target, to one decimal; null without strength. */
  achievedLevel: z.number().min(0).max(5).nullable(),
  /** min(1, S / (20 × target)), 0–1; null without strength. */
  coverage: z.number().min(0).max(1).nullable(),
  /** round(100 × coverage), 0–100; null without strength. */
  percent: z.number().int().min(0).max(100).nullable(),
  band: CoverageBand,
});
export type CompetencyCoverage = z.infer<typeof CompetencyCoverage>;

/** One competency of the tree, with its coverage and counts. */
export const CompetencyTreeNode = CompetencyCoverage.extend({
  id,
  label,
  level: CompetencyLevel,
  target: level1to5,
  /** The competency it is part of (its first, in graph order); null at a root (the core). */
  parentId: id.nullable(),
  /** Children (competencies part of it), by label. */
  childIds: z.array(id),
  /** 0 at a root. */
  depth: z.number().int().min(0),
  counts: z.object({
    /** Distinct knowledge items of its whole subtree (each once, at its largest weight): what the strength reads. */
    items: z.number().int(),
    /** Items with a `supports` edge to this competency itself. */
    directItems: z.number().int(),
    /** Competencies below it, at any depth. */
    subCompetencies: z.number().int(),
    /** Distinct experts who know an item of the subtree at proficiency ≥ 3. */
    holders: z.number().int(),
  }),
});
export type CompetencyTreeNode = z.infer<typeof CompetencyTreeNode>;

/** The whole tree, depth first (a root, then its subtree, children by label); roots by level then label. */
export const CompetencyTree = z.object({ nodes: z.array(CompetencyTreeNode) });
export type CompetencyTree = z.infer<typeof CompetencyTree>;

/** A step of a breadcrumb path from the core. */
export const CompetencyCrumb = z.object({ id, label });
export type CompetencyCrumb = z.infer<typeof CompetencyCrumb>;

/** One knowledge item of a competency's roll-up, for "how is this computed?". */
export const CoverageInput = z.object({
  id,
  label: z.string(),
  /** The weight it counts with: its largest `supports.weight` in the subtree (default 1). */
  weight: z.number().min(0).max(1),
  /** The item's strength (as the process views show it); null when it has none. */
  strength: z.number().int().min(0).max(100).nullable(),
  band: StrengthBand,
  /** The competency whose `supports` edge gives that weight (this one when direct). */
  viaId: id,
  viaLabel: z.string(),
  direct: z.boolean(),
  /** weight × strength, the item's term of the weighted sum; null without strength. */
  contribution: z.number().nullable(),
});
export type CoverageInput = z.infer<typeof CoverageInput>;

/** The inputs behind one competency's number. */
export const CompetencyDetail = z.object({
  competency: CompetencyTreeNode,
  /** From the root down to this competency (itself last). */
  path: z.array(CompetencyCrumb),
  /** Σ weight × strength and Σ weight over the items with a strength: strength = round(weightedSum / weightTotal). */
  weightedSum: z.number(),
  weightTotal: z.number(),
  /** The roll-up's items, largest contribution first. */
  items: z.array(CoverageInput),
  /** The competencies directly below it, by label. */
  children: z.array(CompetencyTreeNode),
});
export type CompetencyDetail = z.infer<typeof CompetencyDetail>;

/** One axis of the radar: a capability (child of the core), its achieved level against its target. */
export const RadarAxis = CompetencyCoverage.extend({ id, label, target: level1to5 });
export type RadarAxis = z.infer<typeof RadarAxis>;

export const CompetencyRadar = z.object({
  /** The core whose capabilities are the axes; null when the workspace has no competency. */
  coreId: id.nullable(),
  axes: z.array(RadarAxis),
});
export type CompetencyRadar = z.infer<typeof CompetencyRadar>;

/**
 * One edit of the tree. All edits of one call are ONE GraphStore.apply (one undo step), all or nothing, planned
 * in order (a later edit sees the earlier ones: a competency added by `add-sub` is named by the id the call
 * returns only afterwards, so it cannot be edited in the same call).
 */
export const CompetencyEdit = z.discriminatedUnion('edit', [
  /** Moves a competency under another (its `part_of` edges to competencies are replaced by one). */
  z.strictObject({ edit: z.literal('reparent'), id, parentId: id }),
  z.strictObject({ edit: z.literal('set-target'), id, target: level1to5 }),
  z.strictObject({ edit: z.literal('rename'), id, label }),
  /** A new competency under `parentId` (a capability under the core, a sub-competency otherwise). */
  z.strictObject({ edit: z.literal('add-sub'), parentId: id, label, target: level1to5.optional() }),
  /** Sets the weight of the item's `supports` edge(s) to the competency; the item must support it. */
  z.strictObject({ edit: z.literal('set-weight'), knowledgeId: id, competencyId: id, weight }),
  /** Adds a `supports` edge (weight default 1); an existing one takes the weight given, if any. */
  z.strictObject({
    edit: z.literal('support'),
    knowledgeId: id,
    competencyId: id,
    weight: weight.optional(),
  }),
  /** Removes the item's `supports` edges to the competency. */
  z.strictObject({ edit: z.literal('unsupport'), knowledgeId: id, competencyId: id }),
]);
export type CompetencyEdit = z.infer<typeof CompetencyEdit>;

export const CompetencyEditResult = z.object({
  /** The ids of the competencies `add-sub` created, in edit order. */
  addedIds: z.array(id),
  summary: EditSummary,
});
export type CompetencyEditResult = z.infer<typeof CompetencyEditResult>;

/** A node of the concentric diagram. */
export const DiagramNode = z.object({
  id,
  kind: z.enum(['competency', 'knowledge', 'expert']),
  label: z.string(),
  /** 0 the focus; then its children, their children, the items, the experts — empty rings are skipped. */
  ring: z.number().int().min(0),
  /** The node of the ring inside it that it hangs from (the first, for an item supporting several); null at 0. */
  parentId: id.nullable(),
  /** Competency ids from the root down to the competency it hangs in (itself last for a competency). */
  path: z.array(id),
  /** Competency: coverage strength; knowledge: item strength; expert: null. 0–100. */
  strength: z.number().int().min(0).max(100).nullable(),
  /** Competencies only (else null): coverage 0–1 and band. */
  coverage: z.number().min(0).max(1).nullable(),
  band: z.union([CoverageBand, StrengthBand]),
  /** Competencies only: target 1–5. */
  target: level1to5.nullable(),
  /**
   * For the node's size: a competency, Σ weight of its subtree's items; an item, its importance (1–3); an expert,
   * the number of the diagram's items they know.
   */
  importance: z.number().min(0),
});
export type DiagramNode = z.infer<typeof DiagramNode>;

/** A link between rings: part_of (competency → its parent), supports (item → competency), knows (expert → item). */
export const DiagramLink = z.object({
  source: id,
  target: id,
  kind: z.enum(['part_of', 'supports', 'knows']),
  /** supports: the weight; knows: the best proficiency; part_of: 1. */
  value: z.number(),
});
export type DiagramLink = z.infer<typeof DiagramLink>;

export const CompetencyDiagram = z.object({
  focusId: id.nullable(),
  /** From the root to the focus (the focus last); empty without competencies. */
  breadcrumbs: z.array(CompetencyCrumb),
  /** How many rings have nodes (the focus's ring 0 included). */
  rings: z.number().int().min(0),
  nodes: z.array(DiagramNode),
  links: z.array(DiagramLink),
});
export type CompetencyDiagram = z.infer<typeof CompetencyDiagram>;

export const COMPETENCIES_CHANNELS = {
  'competencies:tree': { input: z.strictObject({}), output: CompetencyTree },
  /** @throws not_found `errors.nodeNotFound`; invalid_input `errors.notCompetency` for a node of another kind */
  'competencies:detail': { input: z.strictObject({ id }), output: CompetencyDetail },
  'competencies:radar': { input: z.strictObject({}), output: CompetencyRadar },
  /**
   * @throws invalid_input `errors.competencyCycle`, `errors.competencyOwnParent`, `errors.coreNotMovable`,
   *   `errors.notCompetency`, `errors.notAKnowledgeItem`, `errors.notSupporting`; not_found `errors.nodeNotFound`;
   *   nothing is written then
   */
  'competencies:edit': {
    input: z.strictObject({ edits: z.array(CompetencyEdit).min(1).max(5000) }),
    output: CompetencyEditResult,
  },
  /** The layers of one drill level (the core when no focus is given). @throws as competencies:detail */
  'competencies:diagram': {
    input: z.strictObject({ focusId: id.optional(), withExperts: z.boolean().optional() }),
    output: CompetencyDiagram,
  },
} as const satisfies ChannelMap;
