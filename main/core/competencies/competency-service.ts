import type {
  CompetencyDetail,
  CompetencyDiagram,
  CompetencyEdit,
  CompetencyEditResult,
  CompetencyRadar,
  CompetencyTree,
} from '../../../preload/contract';
import { localToday } from '../analytics/knowledge-strength';
import type { GraphStore } from '../graph/graph-store';
import type { KnowledgeService } from '../processes/knowledge-service';
import { competencyDiagram, type DiagramOptions } from './competency-diagram';
import { planCompetencyEdits } from './competency-edits';
import { competencyDetail, competencyModel, competencyRadar, type CompetencyModel } from './competency-tree';

/** What CompetencyService reads: the graph index and item strengths of the knowledge service, and the store. */
export interface CompetencyServiceDeps {
  store: GraphStore;
  knowledge: KnowledgeService;
  /** Today as YYYY-MM-DD (tests pin it); the local calendar date when absent. */
  today?: () => string;
}

interface Memo {
  model: CompetencyModel;
  settingsKey: string;
  today: string;
  tree?: CompetencyTree;
}

/**
 * The core-competence tree of one workspace (issue 9 §1–3): the tree with coverage against target, the inputs of
 * one competency's number, the radar of the capabilities, the diagram's layers, and the tree's edits as ONE
 * GraphStore.apply. Coverage reads the knowledge service's item strengths, so a competency is as strong as the
 * process views say its items are. Memoised per graph index, strength settings and day; `invalidate()` on every
 * graph change.
 */
export class CompetencyService {
  private memo: Memo | null = null;

  constructor(private readonly deps: CompetencyServiceDeps) {}

  /** Drops memoised results; call on every graph change. */
  invalidate(): void {
    this.memo = null;
  }

  /** The whole tree, depth first, with coverage and counts. Never throws once a workspace is open. */
  tree(): CompetencyTree {
    const memo = this.current();
    memo.tree ??= { nodes: [...memo.model.nodes.values()] };
    return memo.tree;
  }

  /** The inputs of one competency's coverage. @throws not_found errors.nodeNotFound, invalid_input errors.notCompetency */
  detail(id: string): CompetencyDetail {
    return competencyDetail(this.current().model, id);
  }

  /** The capabilities' coverage against their targets, for the radar chart. */
  radar(): CompetencyRadar {
    return competencyRadar(this.current().model);
  }

  /** The concentric layers of one drill level (competencyDiagram). @throws as detail, for the focus */
  diagram(options: DiagramOptions = {}): CompetencyDiagram {
    return competencyDiagram(this.current().model, options);
  }

  /**
   * Applies the tree edits of one call as ONE GraphStore.apply (one undo step), all or nothing.
   * @throws WellspringError from planCompetencyEdits (nothing planned is written) or the write path (errors.noOps
   *   when nothing would change)
   */
  edit(edits: CompetencyEdit[]): CompetencyEditResult {
    const plan = planCompetencyEdits(this.deps.knowledge.index(), edits);
    this.deps.store.apply(plan.ops, { reason: 'competency-edit', summary: plan.summary });
    return { addedIds: plan.addedIds, summary: plan.summary };
  }

  private current(): Memo {
    const index = this.deps.knowledge.index();
    const settingsKey = JSON.stringify(this.deps.knowledge.settings());
    const today = this.deps.today?.() ?? localToday();
    const m = this.memo;
    if (m && m.model.index === index && m.settingsKey === settingsKey && m.today === today) return m;
    const strengths = new Map(this.deps.knowledge.itemStrengths().map((s) => [s.id, s]));
    this.memo = { model: competencyModel(index, strengths), settingsKey, today };
    return this.memo;
  }
}
