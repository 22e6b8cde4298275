/**
 * The taxonomy editor (issue 10 §4, DESIGN §2 "Taxonomy"): the knowledge classification as a tree of categories
 * (`part_of` category → category) with item counts, one category's items, experts and terms, and the tree's
 * edits — add, rename, re-parent, merge, delete — all of one call as ONE undo step. Computed in
 * main/core/taxonomy/. Imports only zod.
 */
import { z } from 'zod';
import type { ChannelMap } from './channel';
import { EditSummary } from './history';
import { KnowledgeForm, id } from './model';

const label = z.string().trim().min(1, 'a label cannot be empty').max(500);
const count = z.number().int().min(0);

/** One category of the tree, with its place and counts. */
export const TaxonomyNode = z.object({
  id,
  label: z.string(),
  /** Other names (zh/en), as stored. */
  aliases: z.array(z.string()),
  description: z.string(),
  /** The category it is shown under: its first `part_of` edge to a category (graph order); null at a root. */
  parentId: id.nullable(),
  /** Further categories it is also `part_of` (an import may make several); the tree shows it under parentId only. */
  alsoUnder: z.array(id),
  /** Sub-categories shown under it, by label (zh-CN collation). */
  childIds: z.array(id),
  /** 0 at a root. */
  depth: z.number().int().min(0),
  counts: z.object({
    /** Distinct knowledge items `classified_as` this category itself. */
    directItems: count,
    /**
     * Distinct knowledge items classified in it or any category below it (every `part_of` edge followed, each item
     * once however many of the subtree's categories it is in): what the map's category filter keeps.
     */
    items: count,
    /** Categories below it at any depth (every `part_of` edge followed, each once). */
    subCategories: count,
    /** Experts who `knows` this category itself. */
    experts: count,
    /** Terms that `defines` this category. */
    terms: count,
  }),
});
export type TaxonomyNode = z.infer<typeof TaxonomyNode>;

/** The whole taxonomy, depth first (a root, then its subtree); roots and children by label. */
export const TaxonomyTree = z.object({
  nodes: z.array(TaxonomyNode),
  totals: z.object({
    categories: count,
    /** Distinct knowledge items classified in at least one category. */
    classifiedItems: count,
    /** Knowledge items in no category. */
    unclassifiedItems: count,
  }),
});
export type TaxonomyTree = z.infer<typeof TaxonomyTree>;

/** A knowledge item of a category's subtree. */
export const TaxonomyItem = z.object({
  id,
  label: z.string(),
  form: KnowledgeForm.nullable(),
  /** True when it is classified in this category itself. */
  direct: z.boolean(),
  /** The category of the subtree it is classified in, the nearest to this one (breadth first): this one when direct. */
  viaId: id,
  viaLabel: z.string(),
});
export type TaxonomyItem = z.infer<typeof TaxonomyItem>;

/** One category's contents: its path from the root, its items (direct first), experts and terms. */
export const TaxonomyDetail = z.object({
  category: TaxonomyNode,
  /** From the root down to this category (itself last). */
  path: z.array(z.object({ id, label: z.string() })),
  /** Items of the whole subtree, each once: the direct ones first, then the rest, each group by label. */
  items: z.array(TaxonomyItem),
  /** Experts who know this category itself, best proficiency first. */
  experts: z.array(z.object({ id, label: z.string(), proficiency: z.number().int().min(1).max(5) })),
  /** Terms that define this category, by label. */
  terms: z.array(z.object({ id, label: z.string() })),
});
export type TaxonomyDetail = z.infer<typeof TaxonomyDetail>;

/**
 * One edit of the taxonomy. All edits of one call are ONE GraphStore.apply (one undo step), all or nothing, planned
 * in order: each is checked against the tree as the earlier edits of the list leave it.
 */
export const TaxonomyEdit = z.discriminatedUnion('edit', [
  /** A new category under `parentId` (null: a new root). Its label must differ from its siblings'. */
  z.strictObject({
    edit: z.literal('add'),
    label,
    parentId: id.nullable(),
    aliases: z.array(z.string().trim().min(1).max(500)).max(50).optional(),
    description: z.string().max(100_000).optional(),
  }),
  /** A new label, which must differ from its siblings'. */
  z.strictObject({ edit: z.literal('rename'), id, label }),
  /**
   * Moves a category under another (null: makes it a root): its `part_of` edges to categories are replaced by one.
   * Refused under itself or a category of its own subtree (a loop), or beside a sibling of the same label.
   */
  z.strictObject({ edit: z.literal('reparent'), id, parentId: id.nullable() }),
  /**
   * Merges `fromId` into `intoId`: every edge touching `from` moves to `into` (items, experts' `knows` — the
   * higher proficiency kept where both exist —, terms, `related`, its children's `part_of`), none duplicated;
   * `from`'s label and aliases become aliases of `into`, its description is appended, then `from` is deleted.
   * `into` keeps its own place in the tree. Refused into itself or into a category of `from`'s subtree.
   */
  z.strictObject({ edit: z.literal('merge'), fromId: id, intoId: id }),
  /**
   * Deletes a category. Its sub-categories and items move to its parent (items already there are not doubled);
   * its experts' `knows`, terms' `defines` and `related` edges go with it. A root with items is refused (they would
   * lose their classification: merge it instead); a root's sub-categories become roots.
   */
  z.strictObject({ edit: z.literal('delete'), id }),
]);
export type TaxonomyEdit = z.infer<typeof TaxonomyEdit>;

/** What one edit of a call does (or, for a dry run, would do): the numbers a confirmation states. */
export const TaxonomyChange = z.object({
  edit: z.enum(['add', 'rename', 'reparent', 'merge', 'delete']),
  /** The category edited (the new one for `add`, `from` for `merge`). */
  id,
  label: z.string(),
  /** add/reparent: the new parent; merge: `into`; delete: the parent things move to; null: none (a root). */
  targetId: id.nullable(),
  targetLabel: z.string().nullable(),
  /** merge/delete: the knowledge items of the category that end up classified in the target. */
  items: count,
  /** merge/delete: sub-categories that move to the target. */
  children: count,
  /** Edges re-pointed from the category to the target. */
  edgesMoved: count,
  /** Edges the target already had (the same kind to the same node): folded into that edge, not doubled. */
  edgesMerged: count,
  /** Edges removed with the category and not moved (its own place in the tree; delete: knows, defines, related). */
  edgesRemoved: count,
  /** merge: the names added to the target's aliases. */
  aliasesAdded: z.array(z.string()),
});
export type TaxonomyChange = z.infer<typeof TaxonomyChange>;

export const TaxonomyEditResult = z.object({
  /** The ids of the categories `add` created, in edit order. */
  addedIds: z.array(id),
  summary: EditSummary,
  /** One per edit, in order. */
  changes: z.array(TaxonomyChange),
  /** False for a dry run (nothing written). */
  applied: z.boolean(),
});
export type TaxonomyEditResult = z.infer<typeof TaxonomyEditResult>;

export const TAXONOMY_CHANNELS = {
  'taxonomy:tree': { input: z.strictObject({}), output: TaxonomyTree },
  /** @throws not_found `errors.nodeNotFound`; invalid_input `taxonomy:errors.notCategory` */
  'taxonomy:detail': { input: z.strictObject({ id }), output: TaxonomyDetail },
  /**
   * Applies the edits as ONE undo step, or with `dryRun` only says what they would do (the merge and delete
   * confirmations). @throws invalid_input / not_found with `taxonomy:errors.*` keys; nothing is written then
   */
  'taxonomy:edit': {
    input: z.strictObject({ edits: z.array(TaxonomyEdit).min(1).max(5000), dryRun: z.boolean().optional() }),
    output: TaxonomyEditResult,
  },
} as const satisfies ChannelMap;
