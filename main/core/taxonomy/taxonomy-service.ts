import type {
  TaxonomyDetail,
  TaxonomyEdit,
  TaxonomyEditResult,
  TaxonomyTree,
} from '../../../preload/contract';
import type { GraphIndex } from '../analytics/graph-index';
import type { GraphStore } from '../graph/graph-store';
import { planTaxonomyEdits } from './taxonomy-edits';
import { taxonomyDetail, taxonomyTree } from './taxonomy-tree';

/** What TaxonomyService reads: the store it writes through and the graph index of its current graph. */
export interface TaxonomyServiceDeps {
  store: GraphStore;
  /** The index of the store's current graph, rebuilt after each change (e.g. KnowledgeService.index). */
  index: () => GraphIndex;
}

/**
 * The knowledge classification of one workspace (issue 10 §4): the category tree with item counts, one category's
 * contents, and the tree's edits as ONE GraphStore.apply (one undo step, all or nothing). The tree is memoised per
 * graph index, so it is computed once per graph change however often it is read.
 */
export class TaxonomyService {
  private memo: { index: GraphIndex; tree: TaxonomyTree } | null = null;

  constructor(private readonly deps: TaxonomyServiceDeps) {}

  /** The whole tree, depth first, with counts and totals (taxonomyTree). Never throws once a workspace is open. */
  tree(): TaxonomyTree {
    const index = this.deps.index();
    if (this.memo?.index !== index) this.memo = { index, tree: taxonomyTree(index) };
    return this.memo.tree;
  }

  /** One category's path, items, experts and terms. @throws not_found, invalid_input taxonomy:errors.notCategory */
  detail(id: string): TaxonomyDetail {
    return taxonomyDetail(this.deps.index(), id);
  }

  /**
   * Plans the edits (planTaxonomyEdits) and, unless `dryRun`, applies them as ONE GraphStore.apply with reason
   * `taxonomy-edit`. A dry run writes nothing and answers what the edits would do (`applied: false`).
   * @throws WellspringError from planTaxonomyEdits (nothing is written) or the write path (errors.noOps when the
   *   edits change nothing)
   */
  edit(edits: readonly TaxonomyEdit[], options: { dryRun?: boolean } = {}): TaxonomyEditResult {
    const plan = planTaxonomyEdits(this.deps.index(), edits);
    if (!options.dryRun) this.deps.store.apply(plan.ops, { reason: 'taxonomy-edit', summary: plan.summary });
    return {
      addedIds: plan.addedIds,
      summary: plan.summary,
      changes: plan.changes,
      applied: !options.dryRun,
    };
  }
}
