/**
 * Process knowledge (DESIGN §5.2; issue 7): "process is the pipe, knowledge is the flowing water". Reading a
 * process as a pipeline of steps with what each requires, produces, whom to consult and which templates to use;
 * editing it with high-level operations that the main process turns into one write-path operation list (one undo
 * step); the step × knowledge matrix; the knowledge journey map. Imports only zod.
 */
import { z } from 'zod';
import type { ChannelMap } from './channel';
import { GraphChange } from './graph';
import { id } from './model';
import { StepStrength, StrengthBand } from './strength';

/** A process in the list: its steps and its strength (mean of its steps' strengths; null when none requires anything). */
export const ProcessSummary = z.object({
  id,
  label: z.string(),
  aliases: z.array(z.string()),
  ownerUnit: z.string().nullable(),
  stepCount: z.number().int(),
  strength: z.number().int().nullable(),
  band: StrengthBand,
});
export type ProcessSummary = z.infer<typeof ProcessSummary>;

/** A knowledge item as the pipeline shows it. `template`: its existence is `template` (a form to fill in). */
export const PipelineItem = z.object({
  id,
  label: z.string(),
  strength: z.number().int(),
  band: StrengthBand,
  form: z.string(),
  existence: z.string(),
  template: z.boolean(),
  documents: z.number().int(),
});
export type PipelineItem = z.infer<typeof PipelineItem>;

/**
 * One step of the pipeline. `layer` is its column (0-based, left to right: the longest chain of `next` edges
 * leading to it, cycles broken at the edge that goes back in `order`); `row` its place within the column.
 */
export const PipelineStep = z.object({
  id,
  label: z.string(),
  order: z.number().int(),
  phase: z.string().nullable(),
  responsibleRole: z.string().nullable(),
  layer: z.number().int(),
  row: z.number().int(),
  strength: StepStrength,
  /** Ids of PipelineItems: required (templates excluded), produced, required templates; expert ids to consult. */
  requires: z.array(id),
  produces: z.array(id),
  templates: z.array(id),
  consults: z.array(id),
  /** `next` successors (step ids of this process). */
  next: z.array(id),
});
export type PipelineStep = z.infer<typeof PipelineStep>;

/** The pipeline of one process: steps, the items and experts they refer to, and knowledge flows between steps. */
export const Pipeline = z.object({
  process: ProcessSummary,
  steps: z.array(PipelineStep),
  items: z.array(PipelineItem),
  experts: z.array(
    z.object({ id, label: z.string(), attritionRisk: z.number().int(), availability: z.string().nullable() }),
  ),
  /** An item produced by step `from` and required by step `to` (knowledge handed on). */
  flows: z.array(z.object({ from: id, to: id, itemId: id })),
  /** `next` edges: their ids, so the view can draw them and an edit can name them. */
  nextEdges: z.array(z.object({ id, source: id, target: id })),
});
export type Pipeline = z.infer<typeof Pipeline>;

/** A reason an expert ranks where they do, as a translation key and its values (`processes:rank.*`). */
export const RankReason = z.object({
  key: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});

/** An expert to consult for a step, ranked; `score` 0–1 (see main/core/analytics/consult-ranking.ts). */
export const ConsultCandidate = z.object({
  id,
  label: z.string(),
  title: z.string().nullable(),
  department: z.string().nullable(),
  contact: z.string().nullable(),
  availability: z.string().nullable(),
  attritionRisk: z.number().int(),
  /** Named on the step with a `consults` edge. */
  designated: z.boolean(),
  score: z.number(),
  /** What they know of the step's required items: item id, label, proficiency 1–5. */
  knows: z.array(z.object({ id, label: z.string(), proficiency: z.number().int() })),
  reasons: z.array(RankReason),
});
export type ConsultCandidate = z.infer<typeof ConsultCandidate>;

/** A page to read: a document of a required item, with the library file to open (null when not in the library). */
export const ReadingItem = z.object({
  itemId: id,
  itemLabel: z.string(),
  documentNodeId: id,
  documentLabel: z.string(),
  path: z.string(),
  page: z.number().int().nullable(),
  libraryDocId: z.number().int().nullable(),
});
export type ReadingItem = z.infer<typeof ReadingItem>;

/** Everything the step panel and the workstation card show for one step. */
export const StepDetail = z.object({
  step: PipelineStep,
  processId: id,
  processLabel: z.string(),
  read: z.array(ReadingItem),
  consult: z.array(ConsultCandidate),
  produce: z.array(PipelineItem),
  templates: z.array(PipelineItem),
  require: z.array(PipelineItem),
  /** Steps that require what this step produces (whom to hand on to). */
  handOn: z.array(z.object({ stepId: id, stepLabel: z.string(), itemId: id, itemLabel: z.string() })),
  /** Lessons learned at this step (knowledge items `learned_at` it). */
  lessons: z.array(z.object({ id, label: z.string() })),
});
export type StepDetail = z.infer<typeof StepDetail>;

/** What a step holds on to: required / produced knowledge, an expert to consult. */
export const StepRelation = z.enum(['requires', 'produces', 'consults']);
export type StepRelation = z.infer<typeof StepRelation>;

const label = z.string().trim().min(1).max(500);

/**
 * A high-level edit of a process. The main process turns a list of them into one write-path operation list, so
 * the whole list is one undo step and nothing is written when any of them is refused.
 * - `addStep`: a new step at the end, after `after` (its `next` successors move behind the new step), or in
 *   parallel with `parallelTo` (same predecessors and successors: a branch that joins again).
 * - `moveStep`: to 0-based position `index` of the main sequence (orders renumbered; `next` edges of a straight
 *   sequence rewired to follow the new order).
 * - `removeStep`: deletes the step; its predecessors are joined to its successors.
 * - `connect` / `disconnect`: a `next` edge between two steps of the process (branches and joins).
 * - `attach` / `detach`: a step's requires / produces / consults edge (importance 1–3 for requires/produces).
 */
export const ProcessEdit = z.discriminatedUnion('op', [
  z.strictObject({
    op: z.literal('addStep'),
    label,
    after: id.optional(),
    parallelTo: id.optional(),
    responsibleRole: z.string().max(200).optional(),
    phase: z.string().max(200).optional(),
  }),
  z.strictObject({ op: z.literal('moveStep'), stepId: id, index: z.number().int().min(0) }),
  z.strictObject({ op: z.literal('removeStep'), stepId: id }),
  z.strictObject({
    op: z.literal('updateStep'),
    stepId: id,
    label: label.optional(),
    responsibleRole: z.string().max(200).nullable().optional(),
    phase: z.string().max(200).nullable().optional(),
  }),
  z.strictObject({ op: z.literal('connect'), from: id, to: id }),
  z.strictObject({ op: z.literal('disconnect'), from: id, to: id }),
  z.strictObject({
    op: z.literal('attach'),
    stepId: id,
    relation: StepRelation,
    targetId: id,
    importance: z.number().int().min(1).max(3).optional(),
  }),
  z.strictObject({ op: z.literal('detach'), stepId: id, relation: StepRelation, targetId: id }),
]);
export type ProcessEdit = z.infer<typeof ProcessEdit>;

/** One cell of the step × knowledge matrix. */
export const MatrixCell = z.enum(['requires', 'produces', 'both', 'none']);
export type MatrixCell = z.infer<typeof MatrixCell>;

/**
 * The step × knowledge matrix of a process (the sales stages × forms table of the seed article): columns the
 * steps in order, rows knowledge items (`all`: every item any step of the process requires or produces;
 * `templates`: only items whose existence is template), `cells[row][column]`.
 */
export const StepMatrix = z.object({
  processId: id,
  steps: z.array(z.object({ id, label: z.string(), order: z.number().int() })),
  items: z.array(z.object({ id, label: z.string(), existence: z.string(), template: z.boolean() })),
  cells: z.array(z.array(MatrixCell)),
});
export type StepMatrix = z.infer<typeof StepMatrix>;

/**
 * The knowledge journey map (知识历程图) of a process used as a project template: one lane per phase (steps'
 * `phase`, in step order; steps without a phase form a lane of their own), the knowledge used and produced in it,
 * and the lessons learned attached to its steps or to the process.
 */
export const JourneyMap = z.object({
  processId: id,
  processLabel: z.string(),
  lanes: z.array(
    z.object({
      phase: z.string().nullable(),
      steps: z.array(z.object({ id, label: z.string(), order: z.number().int() })),
      uses: z.array(z.object({ id, label: z.string() })),
      produces: z.array(z.object({ id, label: z.string() })),
      lessons: z.array(z.object({ id, label: z.string(), stepId: id.nullable() })),
    }),
  ),
  /** Lessons learned at the process as a whole (not at one step). */
  processLessons: z.array(z.object({ id, label: z.string() })),
});
export type JourneyMap = z.infer<typeof JourneyMap>;

export const PROCESSES_CHANNELS = {
  'processes:list': { input: z.strictObject({}), output: z.array(ProcessSummary) },
  /** Creates a process (and, when given, its first steps in sequence) as one undoable operation. */
  'processes:create': {
    input: z.strictObject({
      label,
      aliases: z.array(z.string().trim().min(1).max(500)).max(50).optional(),
      ownerUnit: z.string().max(200).optional(),
      steps: z.array(label).max(200).optional(),
    }),
    output: z.object({ processId: id, stepIds: z.array(id), change: GraphChange }),
  },
  'processes:pipeline': { input: z.strictObject({ processId: id }), output: Pipeline },
  'processes:step': { input: z.strictObject({ stepId: id }), output: StepDetail },
  /** Applies a list of edits of one process as one undoable operation; answers the ids of steps added. */
  'processes:edit': {
    input: z.strictObject({ processId: id, edits: z.array(ProcessEdit).min(1).max(1000) }),
    output: z.object({ addedStepIds: z.array(id), change: GraphChange }),
  },
  'processes:matrix': {
    input: z.strictObject({ processId: id, rows: z.enum(['all', 'templates']).optional() }),
    output: StepMatrix,
  },
  /** Sets one matrix cell (adds / removes the requires and produces edges), one undoable operation. */
  'processes:set-cell': {
    input: z.strictObject({ stepId: id, knowledgeId: id, cell: MatrixCell }),
    output: z.object({ cell: MatrixCell, change: GraphChange.nullable() }),
  },
  'processes:journey': { input: z.strictObject({ processId: id }), output: JourneyMap },
} as const satisfies ChannelMap;
