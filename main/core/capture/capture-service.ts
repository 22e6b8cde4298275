import type {
  AarSubmission,
  ApprenticeSubmission,
  CaptureFormKind,
  CaptureResult,
  CaptureTemplateState,
} from '../../../preload/contract';
import { buildGraphIndex, type GraphIndex } from '../analytics/graph-index';
import type { GraphStore } from '../graph/graph-store';
import { planAarSubmission, type CapturePlan } from './plan-aar';
import { planApprenticeSubmission } from './plan-apprentice';
import type { MetaAccess } from '../db/meta-table';
import { CaptureTemplateStore } from './template-store';

/** What CaptureService works on: the graph's one write path, the workspace's `meta`, and the graph index. */
export interface CaptureServiceDeps {
  store: GraphStore;
  meta: MetaAccess;
  /** The index of the current graph (the knowledge service's cached one); built from the store when absent. */
  index?: () => GraphIndex;
  /** Ids of new nodes (tests); random UUIDs by default. */
  newId?: () => string;
}

/**
 * The capture forms of one workspace (issue 10 §5): the two templates (the knowledge manager's edits kept in
 * `meta`, not undoable) and the submissions, each planned against the template in use and written as ONE
 * GraphStore.apply — one transaction, one undo step, one change event.
 */
export class CaptureService {
  private readonly templates: CaptureTemplateStore;

  constructor(private readonly deps: CaptureServiceDeps) {
    this.templates = new CaptureTemplateStore(deps.meta);
  }

  /** The template in use for `form` and whether it was customised. */
  template(form: CaptureFormKind): CaptureTemplateState {
    return this.templates.get(form);
  }

  /** Stores an edited template. @throws invalid_input (template-rules.ts); nothing is stored then */
  setTemplate(template: unknown): CaptureTemplateState {
    return this.templates.set(template);
  }

  /** Goes back to the default template of `form`. */
  resetTemplate(form: CaptureFormKind): CaptureTemplateState {
    return this.templates.reset(form);
  }

  /** Creates an After Action Review's lessons (planAarSubmission). @throws as planAarSubmission; nothing written */
  submitAar(input: AarSubmission): CaptureResult {
    const plan = planAarSubmission(input, this.index(), this.planOptions('aar'));
    return this.write(plan, 'capture-aar');
  }

  /** Creates a production record's tacit items (planApprenticeSubmission). @throws as it; nothing written */
  submitApprentice(input: ApprenticeSubmission): CaptureResult {
    const plan = planApprenticeSubmission(input, this.index(), this.planOptions('apprentice'));
    return this.write(plan, 'capture-apprentice');
  }

  private planOptions(form: CaptureFormKind) {
    return {
      template: this.templates.get(form).template,
      ...(this.deps.newId ? { newId: this.deps.newId } : {}),
    };
  }

  private index(): GraphIndex {
    return this.deps.index?.() ?? buildGraphIndex(this.deps.store.getGraph());
  }

  private write(plan: CapturePlan, reason: string): CaptureResult {
    this.deps.store.apply(plan.ops, { reason, summary: plan.summary });
    return { createdIds: plan.createdIds, linkedIds: plan.linkedIds, summary: plan.summary };
  }
}
