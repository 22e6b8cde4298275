import {
  Existence,
  HEALTH_KEYS,
  KnowledgeForm,
  NODE_KINDS,
  SeciStage,
  type HealthKey,
  type InventoryBucket,
  type InventoryItem,
  type InventoryQuery,
  type InventorySummary,
  type NodeKind,
} from '../../../preload/contract';
import { WellspringError } from '../util/errors';
import type { GraphIndex } from './graph-index';

/** A holder counts as capable from this proficiency on (as in the gaps report and key-person risk). */
const CAPABLE = 3;

const collator = new Intl.Collator('zh-CN');

/** Options of inventorySummary and inventoryList. */
export interface InventoryOptions {
  /** The day the inventory is taken, YYYY-MM-DD (stale = review due before it). */
  today: string;
  /** Knowledge strength 0–100 per item id (allKnowledgeStrengths); an item missing here gets strength null. */
  strengths: ReadonlyMap<string, { strength: number }>;
}

/** What the inventory knows of one knowledge item, computed once per graph and day. */
interface ItemFacts {
  id: string;
  categoryIds: string[];
  ownerIds: string[];
  holders: number;
  capableHolders: number;
  documents: number;
  health: HealthKey[];
}

/**
 * The facts of every knowledge item, in graph order. O(items + their incident edges).
 * - holders / capableHolders: distinct experts with a `knows` edge, at any proficiency / with best proficiency ≥ 3;
 * - documents: distinct documents of its `documented_by` edges;
 * - health (contract HEALTH_KEYS): stale = reviewDue < today; orphan = no edge but `classified_as`; unowned = no
 *   `owns` from an expert; single-holder = capableHolders = 1; tacit-only = tacit and no `documented_by`.
 */
function itemFacts(index: GraphIndex, today: string): ItemFacts[] {
  // Written with plain loops and few temporary objects: it runs over every item on each dashboard refresh.
  return index.idsOfKind('knowledge').map((id) => {
    const props = index.knowledgeProps(id)!;
    const holderIds: string[] = [];
    const best: number[] = [];
    for (const e of index.in(id, 'knows')) {
      if (index.kindOf(e.source) !== 'expert') continue;
      const at = holderIds.indexOf(e.source);
      if (at < 0) {
        holderIds.push(e.source);
        best.push(e.props.proficiency);
      } else best[at] = Math.max(best[at]!, e.props.proficiency);
    }
    let capableHolders = 0;
    for (const p of best) if (p >= CAPABLE) capableHolders++;
    const docEdges = index.out(id, 'documented_by');
    const documents = docEdges.length < 2 ? docEdges.length : new Set(docEdges.map((e) => e.target)).size;
    const ownerIds: string[] = [];
    for (const e of index.in(id, 'owns'))
      if (index.kindOf(e.source) === 'expert' && !ownerIds.includes(e.source)) ownerIds.push(e.source);
    const categoryIds: string[] = [];
    for (const e of index.out(id, 'classified_as'))
      if (index.kindOf(e.target) === 'category' && !categoryIds.includes(e.target))
        categoryIds.push(e.target);
    const health: HealthKey[] = [];
    if (props.reviewDue !== undefined && props.reviewDue < today) health.push('stale');
    if (index.incidentEdges(id).every((e) => e.kind === 'classified_as')) health.push('orphan');
    if (ownerIds.length === 0) health.push('unowned');
    if (capableHolders === 1) health.push('single-holder');
    if (props.form === 'tacit' && documents === 0) health.push('tacit-only');
    return { id, categoryIds, ownerIds, holders: holderIds.length, capableHolders, documents, health };
  });
}

/** Categories with no `part_of` to another category (the roots of the taxonomy), in graph order. */
function topCategories(index: GraphIndex): string[] {
  return index
    .idsOfKind('category')
    .filter((c) => !index.out(c, 'part_of').some((e) => index.kindOf(e.target) === 'category'));
}

/** The category and every category below it (`part_of`, transitively; cycles are cut). */
function subtree(index: GraphIndex, root: string): Set<string> {
  const seen = new Set([root]);
  const queue = [root];
  for (let i = 0; i < queue.length; i++)
    for (const e of index.in(queue[i]!, 'part_of'))
      if (index.kindOf(e.source) === 'category' && !seen.has(e.source)) {
        seen.add(e.source);
        queue.push(e.source);
      }
  return seen;
}

const label = (index: GraphIndex, id: string): string => index.node(id)?.label ?? id;

/** Buckets by count (highest first), then label (zh-CN collation). */
const byCount = (a: InventoryBucket, b: InventoryBucket): number =>
  b.count - a.count || collator.compare(a.label, b.label);

/** Every value of `values` in its order, 0 allowed. */
function enumBuckets(values: readonly string[], count: (value: string) => number): InventoryBucket[] {
  return values.map((v) => ({ key: v, label: v, count: count(v) }));
}

/** The null ("none recorded") bucket, only when it counts something; its label is '' (the view names it). */
const noneBucket = (count: number): InventoryBucket[] => (count > 0 ? [{ key: null, label: '', count }] : []);

/**
 * The knowledge inventory's totals (知识盘点; issue 8 §5; DESIGN §2 "counts of the knowledge assets by category,
 * form, existence, owner, freshness"). Knowledge items only, except `byKind`:
 * - byKind: every kind of NODE_KINDS in that order (0 allowed), key and label the kind;
 * - byCategory: each top-level category (no `part_of` to a category; 0 allowed) counting the distinct items
 *   classified under any category of its subtree once, by count desc then label; then the uncategorised (null)
 *   bucket when > 0;
 * - byForm, byExistence: every value of the enum in its order (0 allowed);
 * - byOwner: each expert who owns ≥ 1 item, counting the items they own, by count desc then label; then the
 *   unowned (null) bucket when > 0;
 * - bySeci: every SECI stage in order (0 allowed), then the no-stage (null) bucket when > 0;
 * - health: the five lists of HEALTH_KEYS in that order (see itemFacts for the definitions).
 * An item under two top-level categories counts in both (the buckets of byCategory may sum past knowledgeItems).
 * O(nodes + edges). Never throws.
 */
export function inventorySummary(index: GraphIndex, options: InventoryOptions): InventorySummary {
  const facts = itemFacts(index, options.today);
  // One pass over the items; a category's top-level roots are found once (a category may sit under two).
  const roots = topCategories(index);
  const rootsOf = new Map<string, string[]>();
  for (const root of roots)
    for (const c of subtree(index, root)) {
      const list = rootsOf.get(c);
      if (list) list.push(root);
      else rootsOf.set(c, [root]);
    }
  const tally = () => new Map<string | null, number>();
  const add = (m: Map<string | null, number>, key: string | null) => m.set(key, (m.get(key) ?? 0) + 1);
  const [category, form, existence, owner, seci, health] = [
    tally(),
    tally(),
    tally(),
    tally(),
    tally(),
    tally(),
  ];
  for (const f of facts) {
    const p = index.knowledgeProps(f.id)!;
    add(form, p.form);
    add(existence, p.existence);
    add(seci, p.seciStage ?? null);
    if (f.categoryIds.length === 0) add(category, null);
    else {
      const mine = new Set(f.categoryIds.flatMap((c) => rootsOf.get(c) ?? []));
      for (const r of mine) add(category, r);
    }
    if (f.ownerIds.length === 0) add(owner, null);
    for (const o of f.ownerIds) add(owner, o);
    for (const h of f.health) add(health, h);
  }
  const count = (m: Map<string | null, number>, key: string | null) => m.get(key) ?? 0;
  const named = (m: Map<string | null, number>, keys: readonly string[]) =>
    keys.map((key) => ({ key, label: label(index, key), count: count(m, key) })).sort(byCount);
  const owners = [...owner.keys()].filter((k): k is string => k !== null);

  return {
    asOf: options.today,
    knowledgeItems: facts.length,
    byKind: enumBuckets(NODE_KINDS, (k) => index.idsOfKind(k as NodeKind).length),
    byCategory: [...named(category, roots), ...noneBucket(count(category, null))],
    byForm: enumBuckets(KnowledgeForm.options, (v) => count(form, v)),
    byExistence: enumBuckets(Existence.options, (v) => count(existence, v)),
    byOwner: [...named(owner, owners), ...noneBucket(count(owner, null))],
    bySeci: [...enumBuckets(SeciStage.options, (v) => count(seci, v)), ...noneBucket(count(seci, null))],
    health: enumBuckets(HEALTH_KEYS, (k) => count(health, k)),
  };
}

function unknownKey(query: InventoryQuery): never {
  const key = query.key ?? 'null';
  throw new WellspringError('invalid_input', `The inventory has no “${key}” under ${query.facet}.`, ['key'], {
    key: 'errors.inventoryKeyUnknown',
    params: { facet: query.facet, key },
  });
}

/**
 * The list behind one bucket of the summary, by label (Intl.Collator('zh-CN'), then id):
 * - `kind`: every node of that kind (rows of other kinds than knowledge have null knowledge fields, no
 *   categories, owners or health);
 * - `category`: the items of that category's subtree (any category, not only top-level); key null: uncategorised;
 * - `form`, `existence`, `seci`: the items with that value (seci key null: no stage recorded);
 * - `owner`: the items that expert owns (key null: unowned);
 * - `health`: the items on that health list.
 * Rows carry categories and owners as labels, holders (any proficiency) and capable holders (≥ 3), distinct
 * documents, the review date, the strength of `options.strengths` and the health lists the item is on.
 * @throws WellspringError invalid_input `errors.inventoryKeyUnknown` {facet, key} for a key the facet does not
 *   know (a kind, value or health key not in its enum, an id that is no category / expert, null where the facet
 *   has no "none" bucket)
 */
export function inventoryList(
  index: GraphIndex,
  query: InventoryQuery,
  options: InventoryOptions,
): InventoryItem[] {
  const { key } = query;
  let ids: readonly string[];
  let facts: ItemFacts[] | null = null;
  const all = () => (facts ??= itemFacts(index, options.today));
  const items = (f: (x: ItemFacts) => boolean) =>
    all()
      .filter(f)
      .map((x) => x.id);
  const props = (id: string) => index.knowledgeProps(id)!;
  const oneOf = (values: readonly string[]) => key !== null && values.includes(key);
  switch (query.facet) {
    case 'kind':
      if (!oneOf(NODE_KINDS)) unknownKey(query);
      ids = index.idsOfKind(key as NodeKind);
      break;
    case 'category':
      if (key === null) ids = items((x) => x.categoryIds.length === 0);
      else if (index.kindOf(key) !== 'category') unknownKey(query);
      else {
        const cats = subtree(index, key);
        ids = items((x) => x.categoryIds.some((c) => cats.has(c)));
      }
      break;
    case 'form':
      if (!oneOf(KnowledgeForm.options)) unknownKey(query);
      ids = index.idsOfKind('knowledge').filter((id) => props(id).form === key);
      break;
    case 'existence':
      if (!oneOf(Existence.options)) unknownKey(query);
      ids = index.idsOfKind('knowledge').filter((id) => props(id).existence === key);
      break;
    case 'seci':
      if (key !== null && !oneOf(SeciStage.options)) unknownKey(query);
      ids = index.idsOfKind('knowledge').filter((id) => (props(id).seciStage ?? null) === key);
      break;
    case 'owner':
      if (key === null) ids = items((x) => x.ownerIds.length === 0);
      else if (index.kindOf(key) !== 'expert') unknownKey(query);
      else ids = items((x) => x.ownerIds.includes(key));
      break;
    case 'health':
      if (!oneOf(HEALTH_KEYS)) unknownKey(query);
      ids = items((x) => x.health.includes(key as HealthKey));
      break;
  }
  const factsById = new Map(
    ids.length && index.kindOf(ids[0]!) === 'knowledge' ? all().map((f) => [f.id, f]) : [],
  );
  return ids
    .map((id) => row(index, id, factsById.get(id) ?? null, options))
    .sort((a, b) => collator.compare(a.label, b.label) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function row(index: GraphIndex, id: string, f: ItemFacts | null, options: InventoryOptions): InventoryItem {
  const node = index.node(id)!;
  const p = f ? index.knowledgeProps(id) : null;
  return {
    id,
    kind: node.kind,
    label: node.label,
    form: p?.form ?? null,
    existence: p?.existence ?? null,
    seciStage: p?.seciStage ?? null,
    importance: p?.importance ?? null,
    categories: f ? f.categoryIds.map((c) => label(index, c)) : [],
    owners: f ? f.ownerIds.map((o) => label(index, o)) : [],
    holders: f?.holders ?? null,
    capableHolders: f?.capableHolders ?? null,
    documents: f?.documents ?? null,
    reviewDue: p?.reviewDue ?? null,
    strength: f ? (options.strengths.get(id)?.strength ?? null) : null,
    health: f ? [...f.health] : [],
  };
}
