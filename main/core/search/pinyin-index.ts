import type { NodeDto, PinyinMatch } from '../../../preload/contract';
import { buildGlossary } from '../glossary/glossary';
import type { ExpandedNodeHit } from './expanded-search';
import { matchRange, pinyinLetters, pinyinQuery, readName, spanOf, type NameReading } from './pinyin';

/**
 * The pinyin index of node names (issue 11 §1), kept beside the SearchIndex's node index: every node's label and
 * aliases, and for a glossary term (`term` node) its other names too (synonyms, Chinese translation), read as pinyin
 * once (pinyin.ts readName) and matched per query (pinyin.ts matchPinyin).
 *
 * Built in the background after a workspace opens (`warmUp`, in slices) or else on the first pinyin-looking query,
 * from the whole graph (pinyin-pro reads ~30 µs a node: 10k nodes ≈ 0.3 s, 100k ≈ 2.5 s; tests/bench/pinyin-bench.ts),
 * then kept current from the graph's change events like the node index (`changed`, O(changed
 * nodes)). A query scans only the nodes that could match where it starts (a bucket per two-letter start,
 * startKeys), so its cost grows with the names that could match, not with the graph.
 */

/** Which name of a node a pinyin query matched. */
export type PinyinField = PinyinMatch['field'];

interface NameEntry {
  reading: NameReading;
  field: PinyinField;
}

interface NodeEntry {
  nodeId: string;
  kind: string;
  /** The node's label (the tie-break between equally good hits). */
  label: string;
  names: NameEntry[];
}

/** Where the index reads nodes: the whole graph (first build) and one node (after a change; null when deleted). */
export interface PinyinNodeSource {
  all(): Iterable<NodeDto>;
  find(id: string): NodeDto | null | undefined;
}

/** A node a pinyin query found, best first: the name it matched and where. */
export interface PinyinNodeHit {
  nodeId: string;
  kind: string;
  /** The letters as typed, folded, spaces dropped, apostrophes kept (`zsgl`, `xi'an`; pinyin.ts pinyinQuery). */
  typed: string;
  field: PinyinField;
  /** The matched name as stored. */
  name: string;
  /** The matched characters of that name and their reading (`知识管理`, `zhi shi guan li`). */
  matched: string;
  reading: string;
  /** [start, end) of the matched characters in `name`, UTF-16 units. */
  start: number;
  end: number;
  /** The match covers the whole name. */
  whole: boolean;
}

const FIELD_ORDER: Record<PinyinField, number> = { label: 0, alias: 1, glossary: 2 };

/** The names of a node read for pinyin: label, aliases, then a term's other glossary names; each once. */
function namesOf(node: NodeDto): NameEntry[] {
  const names: NameEntry[] = [];
  const seen = new Set<string>();
  const add = (text: string, field: PinyinField) => {
    if (!text.trim() || seen.has(text)) return; // untrimmed: offsets are into the name as stored
    seen.add(text);
    const reading = readName(text);
    if (reading.readable) names.push({ reading, field });
  };
  add(node.label, 'label');
  for (const a of node.aliases) add(a, 'alias');
  if (node.kind === 'term')
    for (const v of buildGlossary({ nodes: [node] }).terms[0]?.variants ?? []) add(v, 'glossary');
  return names;
}

/**
 * Pinyin search over node names; see the file comment. Not thread-safe (one per SearchService). `search` never
 * throws for any query; a source that throws propagates.
 */
export class PinyinNodeIndex {
  /** Entries by node id; null before a build starts. */
  private entries: Map<string, NodeEntry> | null = null;
  /** The first two letters a match can start with (see {@link startKeys}) → entries with a name it could match. */
  private readonly byStart = new Map<string, Set<NodeEntry>>();
  /** Nodes changed since the build started: read again when it is complete, before the next query. */
  private readonly pending = new Set<string>();
  /** A build under way: the graph's nodes when it started and how many are read. */
  private building: { nodes: readonly NodeDto[]; next: number } | null = null;
  /** Bumped by `invalidate`, so a background build of an older graph stops. */
  private generation = 0;

  constructor(private readonly source: PinyinNodeSource) {}

  /** Whether the index is built (by `build`, the first pinyin query, or a finished `warmUp`). */
  get built(): boolean {
    return this.entries !== null && this.building === null;
  }

  /** Forgets everything; the next query rebuilds from the whole graph. */
  invalidate(): void {
    this.generation++;
    this.entries = null;
    this.building = null;
    this.byStart.clear();
    this.pending.clear();
  }

  /**
   * Marks nodes changed (added, edited or deleted): each is read again before the next query. No-op before a build
   * starts (the build reads the graph as it is then).
   */
  changed(ids: Iterable<string>): void {
    if (this.entries) for (const id of ids) this.pending.add(id);
  }

  /** Builds the index now if it is not (or finishes a background build); returns the nodes with a readable name. */
  build(): number {
    this.refresh();
    return this.entries!.size;
  }

  /**
   * Builds the index in the background: after `delayMs`, `slice` nodes per macrotask (500 nodes ≈ 10 ms, so the
   * main process keeps answering), on unref'd timers (they never keep a process alive). A query meanwhile finishes
   * the build at once. Stops quietly when the source throws (the workspace was closed) or after `invalidate`.
   */
  warmUp(delayMs = 1000, slice = 500): void {
    if (this.entries) return;
    const generation = this.generation;
    const step = () => {
      if (generation !== this.generation || this.built) return;
      try {
        if (!this.begin()) return;
        this.readSome(slice);
      } catch {
        this.invalidate(); // the next query starts over (and reports what is wrong)
        return;
      }
      if (!this.built) setTimeout(step, 0).unref();
    };
    setTimeout(step, delayMs).unref();
  }

  /** Starts a build when none has started; false when the index is already complete. */
  private begin(): boolean {
    if (!this.entries) {
      this.entries = new Map();
      this.building = { nodes: [...this.source.all()], next: 0 };
    }
    return this.building !== null;
  }

  /** Reads up to `n` more nodes of the build under way; at its end, the changes made meanwhile. */
  private readSome(n: number): void {
    const b = this.building!;
    const end = Math.min(b.nodes.length, b.next + n);
    for (; b.next < end; b.next++) this.put(b.nodes[b.next]!);
    if (b.next === b.nodes.length) {
      this.building = null;
      this.applyPending();
    }
  }

  private refresh(): void {
    if (this.begin()) this.readSome(Infinity);
    else this.applyPending();
  }

  private applyPending(): void {
    for (const id of this.pending) {
      this.drop(id);
      const node = this.source.find(id);
      if (node) this.put(node);
    }
    this.pending.clear();
  }

  private put(node: NodeDto): void {
    this.drop(node.id);
    const names = namesOf(node);
    if (!names.length) return;
    const entry: NodeEntry = { nodeId: node.id, kind: node.kind, label: node.label, names };
    this.entries!.set(node.id, entry);
    for (const key of startKeys(entry)) {
      let set = this.byStart.get(key);
      if (!set) this.byStart.set(key, (set = new Set()));
      set.add(entry);
    }
  }

  private drop(id: string): void {
    const entry = this.entries!.get(id);
    if (!entry) return;
    this.entries!.delete(id);
    for (const key of startKeys(entry)) this.byStart.get(key)?.delete(entry);
  }

  /**
   * Nodes whose label, an alias or (terms) a glossary name matches `query` as pinyin (pinyin.ts), when the query
   * looks like pinyin (pinyinLetters; otherwise no hits). `exclude`: node ids to skip (found as text already);
   * `kinds`: only these. Per node the best name counts. Order: label before alias before glossary name, a match of
   * the whole name first, then one at its start, then shorter names, then the label (code-unit order). Returns at
   * most `limit` hits and how many nodes matched.
   */
  search(
    query: string,
    options: { limit: number; kinds?: ReadonlySet<string>; exclude?: ReadonlySet<string> },
  ): { hits: PinyinNodeHit[]; total: number } {
    const parsed = pinyinQuery(query);
    if (!parsed) return { hits: [], total: 0 };
    const { letters: typed, breaks } = parsed;
    // As shown in "拼音 xi'an → 西安": the letters, with the syllable boundaries the user typed.
    let shown = typed;
    for (let k = breaks.length - 1; k >= 0; k--)
      shown = `${shown.slice(0, breaks[k])}'${shown.slice(breaks[k])}`;
    this.refresh();
    // Matches found, ranked by one number: field, then whole name / at its start / inside, then name length.
    const found: Array<{ entry: NodeEntry; name: NameEntry; range: number; rank: number }> = [];
    for (const entry of this.byStart.get(typed.slice(0, 2)) ?? []) {
      if (options.exclude?.has(entry.nodeId) || (options.kinds && !options.kinds.has(entry.kind))) continue;
      let best: (typeof found)[number] | null = null;
      for (const name of entry.names) {
        const range = matchRange(name.reading, typed, breaks);
        if (range < 0) continue;
        const start = Math.floor(range / 65536);
        const where = start > 0 ? 2 : range % 65536 === name.reading.syllables.length ? 0 : 1;
        const rank =
          FIELD_ORDER[name.field] * 1e7 + where * 1e6 + Math.min(name.reading.text.length, 999_999);
        if (!best || rank < best.rank) best = { entry, name, range, rank };
      }
      if (best) found.push(best);
    }
    found.sort((a, b) => a.rank - b.rank || compareText(a.entry.label, b.entry.label));
    const hits = found.slice(0, options.limit).map(({ entry, name, range }): PinyinNodeHit => {
      const m = spanOf(name.reading, range);
      return {
        nodeId: entry.nodeId,
        kind: entry.kind,
        typed: shown,
        field: name.field,
        name: name.reading.text,
        matched: name.reading.text.slice(m.start, m.end),
        reading: m.reading,
        start: m.start,
        end: m.end,
        whole: m.whole,
      };
    });
    return { hits, total: found.length };
  }
}

/** Code-unit order: deterministic and fast (the tie-break of equally ranked hits, not a display order). */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The two-letter starts a pinyin query can have to match a name of `entry` at some character: the first letter of
 * the character's syllable, then its second letter (the piece is longer than one letter; a typed `u` may stand for
 * ü) or the first letter of the next character's syllable (the piece is one letter). Queries have two letters at
 * least (pinyinLetters), so every match starts with one of these.
 */
function startKeys(entry: NodeEntry): Set<string> {
  const keys = new Set<string>();
  for (const { reading } of entry.names) {
    const syl = reading.syllables;
    for (let i = 0; i < syl.length; i++) {
      const s = syl[i];
      if (!s) continue;
      if (s.length > 1) {
        keys.add(s.slice(0, 2));
        if (s[1] === 'v') keys.add(`${s[0]}u`);
      }
      const next = syl[i + 1];
      if (next) keys.add(s[0]! + next[0]!);
    }
  }
  return keys;
}

/** Share of the lowest text hit's score the best pinyin hit gets: every pinyin hit ranks below every text hit. */
const PINYIN_SCORE = 0.4;

/**
 * The node hits of a search (`hits`: text hits, glossary and script forms merged, best first) followed by the
 * nodes `query` finds as pinyin in `index` and no text hit found, up to `limit` hits in all, only of `kinds` when
 * given. Pinyin hits score below the lowest text hit (its score × 0.4, falling), keep the index's order, carry
 * `matchedBy: 'pinyin'` and their {@link PinyinMatch}, `matchedForms: [query.trim()]`, and highlight the matched
 * characters when the label matched. `findNode` gives the current node (null: deleted since, left out). Returns
 * the hits and how many nodes only pinyin found (before the limit), for the totals. Text hits are returned as they
 * are; a query that does not look like pinyin gives `hits` back with `extra: 0`.
 */
export function appendPinyinHits(
  index: PinyinNodeIndex,
  query: string,
  hits: ExpandedNodeHit[],
  limit: number,
  kinds: readonly string[] | undefined,
  findNode: (id: string) => NodeDto | null | undefined,
): { hits: ExpandedNodeHit[]; extra: number } {
  if (!pinyinLetters(query)) return { hits, extra: 0 };
  const room = limit - hits.length;
  const found = index.search(query, {
    // Count every match for the total, but read only what fits.
    limit: Math.max(0, room),
    kinds: kinds?.length ? new Set(kinds) : undefined,
    exclude: new Set(hits.map((h) => h.node.id)),
  });
  if (room <= 0) return { hits, extra: found.total };
  const ceiling = hits.length ? Math.min(...hits.map((h) => h.score)) : 1;
  const out = [...hits];
  found.hits.forEach((p, i) => {
    const node = findNode(p.nodeId);
    if (!node) return;
    out.push({
      node,
      score: ceiling * PINYIN_SCORE * (1 - i / (2 * found.hits.length)),
      highlights: p.field === 'label' && node.label === p.name ? [[p.start, p.end]] : [],
      matchedForms: [query.trim()],
      matchedBy: 'pinyin',
      pinyin: { typed: p.typed, field: p.field, name: p.name, matched: p.matched, reading: p.reading },
    });
  });
  return { hits: out, extra: found.total };
}
