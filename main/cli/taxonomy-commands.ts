import type { TaxonomyChange, TaxonomyTree } from '../../preload/contract';
import { TaxonomyService } from '../core/taxonomy/taxonomy-service';
import { taxonomyError } from '../core/taxonomy/taxonomy-messages';
import { foldText } from '../core/util/text';
import { WorkspaceService } from '../core/workspace/workspace-service';
import { userDataDir } from '../core/workspace/paths';
import type { Out } from './library-commands';

/** Opens a workspace for one command (no folder watching), hands `f` its taxonomy, and always shuts it down. */
async function withTaxonomy(file: string, f: (taxonomy: TaxonomyService) => number): Promise<number> {
  const ws = new WorkspaceService(userDataDir(), 'node', { watch: false });
  ws.open(file);
  try {
    return f(new TaxonomyService({ store: ws.store, index: () => ws.knowledge.index() }));
  } finally {
    await ws.shutdown();
  }
}

/** The tree as text: one line per category, indented two spaces a level, `label  own / with sub-categories`. */
export function taxonomyText(tree: TaxonomyTree): string {
  const lines = tree.nodes.map(
    (n) => `${'  '.repeat(n.depth)}${n.label}  ${n.counts.directItems} / ${n.counts.items}`,
  );
  const { categories, classifiedItems, unclassifiedItems } = tree.totals;
  lines.push(
    `${categories} categories · ${classifiedItems} items classified · ${unclassifiedItems} unclassified ` +
      '(items: own / with sub-categories)',
  );
  return lines.join('\n');
}

/**
 * `taxonomy`: prints the category tree of the workspace with each category's item counts (own / with its
 * sub-categories, each item once) and the totals — the taxonomy editor's numbers (TaxonomyService.tree). Text
 * (taxonomyText) or JSON (the TaxonomyTree). @returns 0 @throws WellspringError of opening the workspace
 */
export function taxonomyCommand(file: string, format: 'text' | 'json', out: Out): Promise<number> {
  return withTaxonomy(file, (taxonomy) => {
    const tree = taxonomy.tree();
    out(format === 'json' ? JSON.stringify(tree, null, 2) : taxonomyText(tree));
    return 0;
  });
}

/**
 * The id of the category `name` names: its id, or its label or an alias (NFKC, case folded, trimmed).
 * @throws WellspringError not_found `taxonomy:errors.noSuchCategory` {name}; invalid_input
 *   `taxonomy:errors.ambiguousCategory` {name, count, ids} when several categories go by that name
 */
export function resolveCategory(tree: TaxonomyTree, name: string, field: string): string {
  if (tree.nodes.some((n) => n.id === name)) return name;
  const wanted = foldText(name).trim();
  const found = tree.nodes.filter((n) => [n.label, ...n.aliases].some((l) => foldText(l).trim() === wanted));
  if (found.length === 1) return found[0]!.id;
  if (found.length === 0)
    throw taxonomyError(
      'not_found',
      'noSuchCategory',
      `No category is called “${name}” (give its id, name or alias).`,
      { name },
      [field],
    );
  const ids = found.map((n) => n.id).join(', ');
  throw taxonomyError(
    'invalid_input',
    'ambiguousCategory',
    `“${name}” names ${found.length} categories (${ids}); give its id.`,
    { name, count: found.length, ids },
    [field],
  );
}

/** What a merge did (or would do), in one English line. */
export function mergeText(c: TaxonomyChange, dryRun: boolean): string {
  const aliases = c.aliasesAdded.length ? `; aliases added: ${c.aliasesAdded.join(', ')}` : '';
  return (
    `${dryRun ? 'Would merge' : 'Merged'} “${c.label}” into “${c.targetLabel}”: ${c.items} items, ` +
    `${c.children} sub-categories; ${c.edgesMoved} connections moved, ${c.edgesMerged} already there, ` +
    `${c.edgesRemoved} removed with it${aliases}.`
  );
}

/**
 * `taxonomy merge FROM INTO`: merges category FROM into INTO (each an id, name or alias) as the editor does — every
 * item and connection moves, none doubled, FROM's names become aliases of INTO, then FROM is deleted — in ONE
 * undo step (the app's Ctrl+Z undoes it). With `dryRun` it writes nothing and says what it would do.
 * @returns 0 @throws WellspringError of resolveCategory, of the merge (planTaxonomyEdits: into itself, into its own
 *   subtree, too many aliases) or of opening the workspace; nothing is written then
 */
export function taxonomyMergeCommand(
  file: string,
  from: string,
  into: string,
  options: { dryRun: boolean },
  out: Out,
): Promise<number> {
  return withTaxonomy(file, (taxonomy) => {
    const tree = taxonomy.tree();
    const fromId = resolveCategory(tree, from, 'from');
    const intoId = resolveCategory(tree, into, 'into');
    const r = taxonomy.edit([{ edit: 'merge', fromId, intoId }], { dryRun: options.dryRun });
    out(mergeText(r.changes[0]!, options.dryRun));
    return 0;
  });
}
