/**
 * The graph model of DESIGN §3, shared by main, preload and renderer: node and edge kinds, props per kind (zod,
 * validated by the store on every write), the edge rules, and the wire shapes of nodes, edges and filters.
 * Imports only zod.
 */
import { z } from 'zod';

/** Node kinds of the knowledge graph. */
export const NODE_KINDS = [
  'knowledge',
  'expert',
  'process',
  'step',
  'competency',
  'category',
  'term',
  'document',
  'unit',
] as const;
export const NodeKind = z.enum(NODE_KINDS);
export type NodeKind = z.infer<typeof NodeKind>;

/** Edge kinds of the knowledge graph. */
export const EDGE_KINDS = [
  'part_of',
  'next',
  'requires',
  'produces',
  'consults',
  'knows',
  'owns',
  'supports',
  'classified_as',
  'documented_by',
  'learned_at',
  'defines',
  'related',
] as const;
export const EdgeKind = z.enum(EDGE_KINDS);
export type EdgeKind = z.infer<typeof EdgeKind>;

/** Knowledge form: explicit (written down) or tacit (in people's heads). */
export const KnowledgeForm = z.enum(['explicit', 'tacit']);
/** Where a knowledge item lives. */
export const Existence = z.enum(['document', 'template', 'system', 'case', 'training', 'person']);
/** Stage of the SECI spiral (Nonaka & Takeuchi, 1995). */
export const SeciStage = z.enum(['socialisation', 'externalisation', 'combination', 'internalisation']);
/** A calendar date as YYYY-MM-DD. */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
  // The pattern lets 2027-02-30 and 2027-13-01 through: the date must exist (a round trip through UTC keeps it).
  .refine(
    (s) =>
      !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    {
      message: 'expected a date that exists, as YYYY-MM-DD',
    },
  );
const level1to5 = z.number().int().min(1).max(5);

/** Per-kind props, validated by the store on every write. Unknown keys are rejected. */
export const NODE_PROPS = {
  knowledge: z.strictObject({
    form: KnowledgeForm,
    existence: Existence,
    seciStage: SeciStage.optional(),
    status: z.enum(['draft', 'active', 'retired']),
    reviewDue: isoDate.optional(),
    confidentiality: z.enum(['public', 'internal', 'confidential', 'secret']),
    importance: z.number().int().min(1).max(3),
  }),
  expert: z.strictObject({
    title: z.string().max(200).optional(),
    department: z.string().max(200).optional(),
    contact: z.string().max(200).optional(),
    /**
     * Attrition risk factor as entered: 1 (staying) … 5 (leaving soon), IAEA knowledge-loss risk assessment. An
     * `expectedLeaving` date, when set, takes precedence (main/core/analytics/attrition-risk.ts).
     */
    attritionRisk: level1to5,
    availability: z.enum(['available', 'limited', 'unavailable']).optional(),
    /** Expected leaving date (retirement, transfer, end of contract). The write path refuses a date in the past. */
    expectedLeaving: isoDate.optional(),
    /** Position risk factor set by hand (1–5), replacing the computed one; the computed criteria stay shown. */
    positionRiskOverride: level1to5.optional(),
    /** Why the position risk was overridden. */
    positionRiskNote: z.string().max(1000).optional(),
  }),
  process: z.strictObject({ ownerUnit: z.string().max(200).optional() }),
  step: z.strictObject({
    order: z.number().int().min(1),
    responsibleRole: z.string().max(200).optional(),
    phase: z.string().max(200).optional(),
  }),
  competency: z.strictObject({ level: z.enum(['core', 'capability', 'sub']), target: level1to5 }),
  category: z.strictObject({}),
  term: z.strictObject({
    definition: z.string().max(10_000),
    synonyms: z.array(z.string().max(200)).max(100),
    translations: z.strictObject({ en: z.string().max(200).optional(), zh: z.string().max(200).optional() }),
  }),
  document: z.strictObject({
    path: z.string().min(1).max(4096),
    sha256: z.string().optional(),
    size: z.number().int().min(0).optional(),
    mtime: z.number().optional(),
    mime: z.string().optional(),
    pages: z.number().int().min(0).optional(),
    status: z.enum(['indexed', 'needs-password', 'no-text', 'unsupported', 'failed', 'pending']).optional(),
    error: z.string().optional(),
  }),
  unit: z.strictObject({ unitType: z.enum(['company', 'department', 'store', 'plant']) }),
} as const satisfies Record<NodeKind, z.ZodType>;
export type NodePropsOf<K extends NodeKind> = z.infer<(typeof NODE_PROPS)[K]>;

/** Default props for a new node of each kind, so "create node" in the UI always starts valid. */
export const DEFAULT_NODE_PROPS: { [K in NodeKind]: NodePropsOf<K> } = {
  knowledge: {
    form: 'explicit',
    existence: 'document',
    status: 'draft',
    confidentiality: 'internal',
    importance: 2,
  },
  expert: { attritionRisk: 1 },
  process: {},
  step: { order: 1 },
  competency: { level: 'sub', target: 3 },
  category: {},
  term: { definition: '', synonyms: [], translations: {} },
  document: { path: 'untitled' },
  unit: { unitType: 'department' },
};

/** Props per edge kind. */
export const EDGE_PROPS = {
  part_of: z.strictObject({}),
  next: z.strictObject({}),
  requires: z.strictObject({ importance: z.number().int().min(1).max(3).optional() }),
  produces: z.strictObject({ importance: z.number().int().min(1).max(3).optional() }),
  consults: z.strictObject({}),
  /** Proficiency 1–5 (ARIS: degree of coverage). */
  knows: z.strictObject({ proficiency: level1to5 }),
  owns: z.strictObject({}),
  supports: z.strictObject({ weight: z.number().min(0).max(1).optional() }),
  classified_as: z.strictObject({}),
  documented_by: z.strictObject({ page: z.number().int().min(1).optional() }),
  learned_at: z.strictObject({}),
  defines: z.strictObject({}),
  related: z.strictObject({ note: z.string().max(1000).optional() }),
} as const satisfies Record<EdgeKind, z.ZodType>;

/** Default props for a new edge of each kind. */
export const DEFAULT_EDGE_PROPS: Record<EdgeKind, Record<string, unknown>> = {
  part_of: {},
  next: {},
  requires: {},
  produces: {},
  consults: {},
  knows: { proficiency: 3 },
  owns: {},
  supports: {},
  classified_as: {},
  documented_by: {},
  learned_at: {},
  defines: {},
  related: {},
};

/**
 * Allowed source → target kinds per edge kind (DESIGN §3). `'*'` means any kind. `unit → unit` is allowed for
 * `part_of` so that organisational units can nest (a store belongs to the sales department).
 */
export const EDGE_RULES: Record<EdgeKind, ReadonlyArray<readonly [NodeKind | '*', NodeKind | '*']>> = {
  part_of: [
    ['step', 'process'],
    ['competency', 'competency'],
    ['category', 'category'],
    ['expert', 'unit'],
    ['unit', 'unit'],
  ],
  next: [['step', 'step']],
  requires: [['step', 'knowledge']],
  produces: [['step', 'knowledge']],
  consults: [['step', 'expert']],
  knows: [
    ['expert', 'knowledge'],
    ['expert', 'category'],
  ],
  owns: [['expert', 'knowledge']],
  supports: [['knowledge', 'competency']],
  classified_as: [['knowledge', 'category']],
  documented_by: [['knowledge', 'document']],
  learned_at: [
    ['knowledge', 'step'],
    ['knowledge', 'process'],
  ],
  defines: [
    ['term', 'knowledge'],
    ['term', 'category'],
  ],
  related: [['*', '*']],
};

/** The edge kinds allowed from a node of kind `source` to one of kind `target`, in EDGE_KINDS order. */
export function allowedEdgeKinds(source: NodeKind, target: NodeKind): EdgeKind[] {
  return EDGE_KINDS.filter((kind) =>
    EDGE_RULES[kind].some(([s, t]) => (s === '*' || s === source) && (t === '*' || t === target)),
  );
}

/** An element id (node, edge or view): 1–64 characters. */
export const id = z.string().min(1).max(64);
const label = z.string().trim().min(1, 'a label cannot be empty').max(500);
const tag = z.string().trim().min(1).max(100);

/** A node as it crosses the boundary. Times are ISO-8601 strings; x/y are model coordinates (px) or null. */
export const NodeDto = z.object({
  id,
  kind: NodeKind,
  label: z.string(),
  aliases: z.array(z.string()),
  description: z.string(),
  tags: z.array(z.string()),
  props: z.record(z.string(), z.unknown()),
  x: z.number().nullable(),
  y: z.number().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type NodeDto = z.infer<typeof NodeDto>;

/** An edge as it crosses the boundary. */
export const EdgeDto = z.object({
  id,
  kind: EdgeKind,
  source: id,
  target: id,
  props: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
});
export type EdgeDto = z.infer<typeof EdgeDto>;

export const GraphDto = z.object({ nodes: z.array(NodeDto), edges: z.array(EdgeDto) });
export type GraphDto = z.infer<typeof GraphDto>;

/** Filter over nodes; every given criterion must hold (AND). Edges are kept when both ends are kept. */
export const GraphFilter = z.strictObject({
  kinds: z.array(NodeKind).max(NODE_KINDS.length).optional(),
  tags: z.array(tag).max(100).optional(),
  /** Keep this category, its sub-categories (part_of, transitively), their items and their direct neighbours. */
  categoryId: id.optional(),
  forms: z.array(KnowledgeForm).max(2).optional(),
  /** NFKC + case-folded substring over label, aliases and description. */
  text: z.string().max(500).optional(),
});
export type GraphFilter = z.infer<typeof GraphFilter>;

export const NewNode = z.strictObject({
  kind: NodeKind,
  label,
  aliases: z.array(z.string().trim().min(1).max(500)).max(50).optional(),
  description: z.string().max(100_000).optional(),
  tags: z.array(tag).max(100).optional(),
  /** Validated against NODE_PROPS[kind]; defaults to DEFAULT_NODE_PROPS[kind]. */
  props: z.record(z.string(), z.unknown()).optional(),
  x: z.number().finite().optional(),
  y: z.number().finite().optional(),
});
export type NewNode = z.infer<typeof NewNode>;

export const NodePatch = z.strictObject({
  label: label.optional(),
  aliases: z.array(z.string().trim().min(1).max(500)).max(50).optional(),
  description: z.string().max(100_000).optional(),
  tags: z.array(tag).max(100).optional(),
  /** Merged over the current props, then validated against NODE_PROPS[kind]; `null` removes a key. */
  props: z.record(z.string(), z.unknown()).optional(),
});
export type NodePatch = z.infer<typeof NodePatch>;

export const NewEdge = z.strictObject({
  kind: EdgeKind,
  source: id,
  target: id,
  props: z.record(z.string(), z.unknown()).optional(),
});
export type NewEdge = z.infer<typeof NewEdge>;
