import type { NodeKind } from '../../../preload/contract';
import { foldText } from '../util/text';

/** How a name was found: as a node's label or as one of its aliases. */
export type MatchedBy = 'label' | 'alias';

/**
 * The names of nodes — the workspace's and those an import plans — per kind, NFKC-normalised and case-folded
 * (better-sqlite3 has no ICU, STYLE.md): `label` finds nodes whose label is the name, `alias` those that have it as
 * an alias. Each lookup answers node ids.
 *
 * Aliases a file gives are names to find its nodes by (edge ends), but not a reason to take two of its rows for
 * one node: in real files aliases are often short descriptions (Debian's `task-gnome-desktop` has the alias
 * “GNOME”, which is the label of the package `gnome`). So `match`, which decides a row's identity, looks at labels
 * and at the workspace's aliases only.
 */
export class NameIndex {
  // One id (most names) or several: a Set per name would cost 100 bytes each for 100k names.
  private readonly labels = new Map<string, string | string[]>();
  private readonly aliases = new Map<string, string | string[]>();
  private readonly workspaceAliases = new Map<string, string | string[]>();

  /** Indexes a node's label and aliases under its kind; `workspace`: a node the workspace has already. */
  add(kind: NodeKind, id: string, label: string, aliases: readonly string[], workspace: boolean): void {
    if (label) put(this.labels, key(kind, label), id);
    for (const a of aliases) {
      put(this.aliases, key(kind, a), id);
      if (workspace) put(this.workspaceAliases, key(kind, a), id);
    }
  }

  /** Ids of nodes of `kind` whose label (`label`) or one of whose aliases (`alias`) is `name`. */
  find(kind: NodeKind, name: string, by: MatchedBy): string[] {
    return ids((by === 'label' ? this.labels : this.aliases).get(key(kind, name)));
  }

  /**
   * The nodes a row's label stands for: those whose label it is (the workspace's or the file's); else the
   * workspace's nodes that have it as an alias. Empty when none.
   */
  match(kind: NodeKind, name: string): { ids: string[]; by: MatchedBy } {
    const byLabel = this.find(kind, name, 'label');
    if (byLabel.length) return { ids: byLabel, by: 'label' };
    return { ids: ids(this.workspaceAliases.get(key(kind, name))), by: 'alias' };
  }
}

function key(kind: NodeKind, name: string): string {
  return `${kind}\u0000${foldText(name).trim()}`;
}

function put(map: Map<string, string | string[]>, k: string, id: string): void {
  const had = map.get(k);
  if (had === undefined) map.set(k, id);
  else if (typeof had === 'string') {
    if (had !== id) map.set(k, [had, id]);
  } else if (!had.includes(id)) had.push(id);
}

function ids(v: string | string[] | undefined): string[] {
  return v === undefined ? [] : typeof v === 'string' ? [v] : [...v];
}
