import type Database from 'better-sqlite3';
import type {
  GapRow,
  GraphChange,
  ItemStrength,
  JourneyMap,
  MatrixCell,
  Pipeline,
  ProcessEdit,
  ProcessSummary,
  StepDetail,
  StepMatrix,
  StepStrength,
  StrengthSettings,
} from '../../../preload/contract';
import type { LibraryStore } from '../documents/library-store';
import type { GraphStore } from '../graph/graph-store';
import { WellspringError } from '../util/errors';
import type { EventSink } from '../workspace/event-sink';
import { knowledgeGaps } from '../analytics/gaps';
import { GraphIndexCache, type GraphIndex } from '../analytics/graph-index';
import { allKnowledgeStrengths, localToday } from '../analytics/knowledge-strength';
import { buildPipeline, processSummary, type PipelineInputs } from '../analytics/process-pipeline';
import { processIdsByLabel, processOfStep, processSteps } from '../analytics/process-steps';
import { buildStepDetail } from '../analytics/step-detail';
import { matrixCell, stepMatrix } from '../analytics/step-matrix';
import { journeyMap } from '../analytics/journey-map';
import { planCreateProcess, planProcessEdits } from './process-edits';
import { planSetCell } from './matrix-cells';
import { readStrengthSettings, writeStrengthSettings } from '../analytics/strength-settings';
import { stepStrength } from '../analytics/step-strength';

/** What KnowledgeService reads besides the graph. */
export interface KnowledgeServiceDeps {
  db: Database.Database;
  store: GraphStore;
  library: LibraryStore;
  /** Evidence-finder proposal counts per knowledge item id (empty until a run finished). */
  candidateCounts: () => ReadonlyMap<string, number>;
  /** Today as YYYY-MM-DD (tests pin it); the local calendar date when absent. */
  today?: () => string;
  /** Receives `strength:did-change` after the settings changed. */
  emit?: EventSink;
}

/** What is memoised for one graph version, one settings value and one day. */
interface Memo {
  today: string;
  items: Map<string, ItemStrength>;
  steps: Map<string, StepStrength>;
}

/**
 * Process knowledge of one workspace (issue 7): strengths, gaps, pipelines, step details, process edits, the
 * matrix and the journey map, over one GraphIndex rebuilt after each graph change (`invalidate`). Item and step
 * strengths are memoised per graph version, settings and day, so every view and the CLI read the same numbers.
 *
 * Errors are WellspringError: `not_found` (an id that names nothing), `invalid_input` (a setting out of range,
 * a node of the wrong kind, a step of another process), and those of the write path (GraphStore.apply).
 */
export class KnowledgeService {
  private readonly cache: GraphIndexCache;
  private memo: Memo | null = null;
  private settingsValue: StrengthSettings | null = null;

  constructor(private readonly deps: KnowledgeServiceDeps) {
    this.cache = new GraphIndexCache(() => deps.store.getGraph());
  }

  /** Drops the cached graph index and strengths; call on every graph change. */
  invalidate(): void {
    this.cache.invalidate();
    this.memo = null;
  }

  /** The graph index of the current graph (built on first use after a change). */
  index(): GraphIndex {
    return this.cache.get();
  }

  /** The workspace's strength settings (defaults when none are stored). */
  settings(): StrengthSettings {
    this.settingsValue ??= readStrengthSettings(this.deps.db);
    return structuredClone(this.settingsValue);
  }

  /**
   * Validates and stores new settings (not undoable), then emits `strength:did-change`.
   * @throws invalid_input naming the field (see validateStrengthSettings); nothing is stored then
   */
  updateSettings(settings: StrengthSettings): StrengthSettings {
    const stored = writeStrengthSettings(this.deps.db, settings);
    this.settingsValue = stored;
    this.memo = null;
    this.deps.emit?.('strength:did-change', {});
    return structuredClone(stored);
  }

  /**
   * Strength of the given knowledge items, in the order asked (ids that are no knowledge item are left out), or
   * of every item in graph order.
   */
  itemStrengths(ids?: string[]): ItemStrength[] {
    const items = this.strengths().items;
    if (!ids) return [...items.values()];
    return ids.map((id) => items.get(id)).filter((s): s is ItemStrength => s !== undefined);
  }

  /** Strength of every step of one process (by order), or of every process (by process label, then order). */
  stepStrengths(processId?: string): StepStrength[] {
    const index = this.index();
    const processIds = processId === undefined ? processIdsByLabel(index) : [this.requireProcess(processId)];
    return processIds.flatMap((p) => processSteps(index, p).map((s) => this.stepStrengthOf(s.id)!));
  }

  /** The gaps report (knowledgeGaps) of one process, or of all. @throws not_found / invalid_input for a bad id */
  gaps(processId?: string): GapRow[] {
    if (processId !== undefined) this.requireProcess(processId);
    return knowledgeGaps(this.index(), {
      settings: this.settings(),
      strengths: this.strengths().items,
      candidateCounts: this.deps.candidateCounts(),
      ...(processId !== undefined ? { processId } : {}),
    });
  }

  /** Every process, by label, with its step count and strength. */
  processes(): ProcessSummary[] {
    const index = this.index();
    const inputs = this.pipelineInputs();
    return processIdsByLabel(index).map((id) => processSummary(index, id, inputs));
  }
  /**
   * Creates a process and, when given, its first steps in sequence, as one undoable operation (planCreateProcess).
   * @throws invalid_input from the write path (an empty label, …)
   */
  /**
   * Creates a process and its first steps in sequence, as one undoable operation.
   * @throws WellspringError invalid_input `errors.processNameTaken` (the write path's rule: a process of that
   *   name exists, NFKC and case-insensitive), and its other errors for bad labels
   */
  createProcess(input: { label: string; aliases?: string[]; ownerUnit?: string; steps?: string[] }): {
    processId: string;
    stepIds: string[];
    change: GraphChange;
  } {
    const plan = planCreateProcess(input);
    const { change } = this.deps.store.apply(plan.ops, { reason: 'create-process', summary: plan.summary });
    return { processId: plan.processId, stepIds: plan.stepIds, change };
  }

  /** The pipeline of one process (buildPipeline). @throws not_found, invalid_input (not a process) */
  pipeline(processId: string): Pipeline {
    this.requireProcess(processId);
    return buildPipeline(this.index(), processId, this.pipelineInputs());
  }

  /**
   * The step panel of one step (buildStepDetail), in the pipeline of the process it is part of.
   * @throws not_found (no such node), invalid_input (not a step, or a step of no process)
   */
  stepDetail(stepId: string): StepDetail {
    const index = this.index();
    const node = index.node(stepId);
    if (!node)
      throw new WellspringError('not_found', `No node with id ${stepId}.`, ['stepId'], {
        key: 'errors.nodeNotFound',
        params: { id: stepId },
      });
    if (node.kind !== 'step')
      throw new WellspringError('invalid_input', `“${node.label}” is not a process step.`, ['stepId'], {
        key: 'errors.notAStep',
        params: { label: node.label },
      });
    const processId = processOfStep(index, stepId);
    if (!processId)
      throw new WellspringError(
        'invalid_input',
        `The step “${node.label}” is not part of any process.`,
        ['stepId'],
        {
          key: 'errors.stepWithoutProcess',
          params: { label: node.label },
        },
      );
    return buildStepDetail(
      index,
      this.pipeline(processId),
      stepId,
      (p) => this.deps.library.documentByPath(p)?.id ?? null,
    );
  }

  /**
   * Applies a list of edits of one process as ONE undoable operation (planProcessEdits); all or nothing.
   * @throws not_found / invalid_input for the process; see planProcessEdits and GraphStore.apply for the edits
   *   (invalid_input errors.noOps when the edits cancel out)
   */
  editProcess(processId: string, edits: ProcessEdit[]): { addedStepIds: string[]; change: GraphChange } {
    this.requireProcess(processId);
    const plan = planProcessEdits(this.index(), processId, edits);
    const { change } = this.deps.store.apply(plan.ops, { reason: 'process-edit', summary: plan.summary });
    return { addedStepIds: plan.addedStepIds, change };
  }

  /** The step × knowledge matrix of a process (stepMatrix). @throws not_found, invalid_input (not a process) */
  matrix(processId: string, rows: 'all' | 'templates'): StepMatrix {
    this.requireProcess(processId);
    return stepMatrix(this.index(), processId, rows);
  }

  /**
   * Sets one matrix cell as one undoable operation (planSetCell); `change` is null when the cell was already so.
   * @throws not_found (a deleted or unknown step or item), invalid_input (wrong kinds); nothing is written then
   */
  setCell(
    stepId: string,
    knowledgeId: string,
    cell: MatrixCell,
  ): { cell: MatrixCell; change: GraphChange | null } {
    const plan = planSetCell(this.index(), stepId, knowledgeId, cell);
    if (!plan) return { cell, change: null };
    const { change } = this.deps.store.apply(plan.ops, { reason: 'set-cell', summary: plan.summary });
    return { cell: matrixCell(this.index(), stepId, knowledgeId), change };
  }

  /** The knowledge journey map of a process (journeyMap). @throws not_found, invalid_input (not a process) */
  journey(processId: string): JourneyMap {
    this.requireProcess(processId);
    return journeyMap(this.index(), processId);
  }

  private pipelineInputs(): PipelineInputs {
    return {
      strengths: this.strengths().items,
      stepStrength: (id) => this.stepStrengthOf(id)!,
      settings: this.settings(),
    };
  }

  /** Item strengths of the current graph, settings and day (memoised). */
  private strengths(): Memo {
    const today = this.deps.today?.() ?? localToday();
    if (this.memo?.today !== today) {
      this.memo = {
        today,
        items: allKnowledgeStrengths(this.index(), { settings: this.settings(), today }),
        steps: new Map(),
      };
    }
    return this.memo;
  }

  /** Step strength of one step (memoised), or null when `stepId` is not a step. */
  private stepStrengthOf(stepId: string): StepStrength | null {
    const memo = this.strengths();
    let s = memo.steps.get(stepId);
    if (!s) {
      const computed = stepStrength(this.index(), stepId, memo.items, this.settings());
      if (!computed) return null;
      memo.steps.set(stepId, (s = computed));
    }
    return s;
  }

  /** The id when it names a process. @throws not_found (no such node), invalid_input (another kind) */
  private requireProcess(processId: string): string {
    const kind = this.index().kindOf(processId);
    if (kind === null)
      throw new WellspringError('not_found', `No process with id ${processId}.`, ['processId'], {
        key: 'errors.processNotFound',
        params: { id: processId },
      });
    if (kind !== 'process')
      throw new WellspringError('invalid_input', `${processId} is not a process.`, ['processId'], {
        key: 'errors.notAProcess',
        params: { label: this.index().node(processId)!.label },
      });
    return processId;
  }
}
