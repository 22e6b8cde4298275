import type Database from 'better-sqlite3';
import type { AuthorProposal, EditSummary } from '../../../preload/contract';
import type { LibraryStore } from '../documents/library-store';
import type { GraphStore } from '../graph/graph-store';
import { nowIso } from '../util/clock';
import { WellspringError } from '../util/errors';
import { AuthorMatcher } from './author-match';

/** What AuthorshipService reads: the graph and the library's recorded document authors. */
export interface AuthorshipServiceDeps {
  db: Database.Database;
  store: GraphStore;
  library: LibraryStore;
}

/** A proposal's key: the expert, the knowledge item and the library file. */
export interface AuthorKey {
  expertId: string;
  knowledgeId: string;
  docId: number;
}

/** The proficiency an accepted proposal gets: the author wrote the item down, so they can explain and apply it. */
export const AUTHOR_PROFICIENCY = 3;

const collator = new Intl.Collator('zh-CN');

/**
 * Expertise from evidence (issue 8 §7): the authors recorded in the library's documents (PDF and Office metadata,
 * Markdown front matter; extracted in main/core/documents/extract/authors.ts and stored on `documents.authors`,
 * migration 0006) are matched to experts by label and aliases (author-match.ts), and proposed as holders of the
 * knowledge items those documents document; accepted (a `knows` edge, undoable) or rejected (remembered in
 * `author_rejections`).
 *
 * Files indexed before migration 0006 have no recorded authors and give no proposals until their next extraction.
 * Nothing is cached: a proposal list is computed from the store on each call (the graph once, the library's
 * authored files once), so it is always current with the graph, the library and the rejections.
 */
export class AuthorshipService {
  private readonly q;

  constructor(private readonly deps: AuthorshipServiceDeps) {
    // Reads of the graph tables for one proposal list: four scans by kind (nodes_kind, the edges' UNIQUE (kind, …)
    // index) instead of the whole graph, which a 10k-node workspace takes ~120 ms to load.
    this.q = {
      experts: deps.db.prepare("SELECT id, label, aliases FROM nodes WHERE kind = 'expert'"),
      documents: deps.db.prepare(
        "SELECT id, label, json_extract(props, '$.path') AS path FROM nodes WHERE kind = 'document' ORDER BY rowid",
      ),
      documentedBy: deps.db.prepare(
        `SELECT e.target AS doc, n.id AS id, n.label AS label FROM edges e JOIN nodes n ON n.id = e.source
          WHERE e.kind = 'documented_by' AND n.kind = 'knowledge' ORDER BY e.rowid`,
      ),
      knows: deps.db.prepare("SELECT source, target FROM edges WHERE kind = 'knows'"),
      rejections: deps.db.prepare('SELECT expert_id, knowledge_id, doc_id FROM author_rejections'),
      reject: deps.db.prepare(
        `INSERT INTO author_rejections (expert_id, knowledge_id, doc_id, rejected_at) VALUES (?, ?, ?, ?)
         ON CONFLICT DO NOTHING`,
      ),
    };
  }

  /**
   * The current proposals, of one expert or of all: (expert, knowledge item, library file) for each library file
   * with recorded authors, each author matched to exactly one expert (AuthorMatcher: an author matching two experts
   * proposes neither), each document node of the file (a `document` node whose `props.path` is the file's path),
   * each knowledge item `documented_by` that node — unless the expert already `knows` the item (any proficiency) or
   * the triple was rejected. One proposal per triple (the first author that matched is shown). Proficiency 3.
   *
   * Order: expert label, then item label (zh-CN collation), then file id. An unknown `expertId` gives `[]`.
   * Cost: O(experts + document nodes + documented_by and knows edges + recorded authors), read by kind from SQLite.
   */
  proposals(expertId?: string): AuthorProposal[] {
    const files = this.deps.library.authoredFiles();
    if (files.length === 0) return [];
    const experts = this.q.experts.all() as Array<{ id: string; label: string; aliases: string }>;
    const expertLabel = new Map(experts.map((e) => [e.id, e.label]));
    const matcher = new AuthorMatcher(
      experts.map((e) => ({ id: e.id, names: [e.label, ...parseList(e.aliases)] })),
    );
    const documentsByPath = new Map<string, Array<{ id: string; label: string }>>();
    for (const d of this.q.documents.all() as Array<{ id: string; label: string; path: unknown }>) {
      if (typeof d.path !== 'string') continue;
      const list = documentsByPath.get(d.path);
      if (list) list.push(d);
      else documentsByPath.set(d.path, [d]);
    }
    const itemsOf = new Map<string, Array<{ id: string; label: string }>>();
    for (const l of this.q.documentedBy.all() as Array<{ doc: string; id: string; label: string }>) {
      const list = itemsOf.get(l.doc);
      if (list) list.push(l);
      else itemsOf.set(l.doc, [l]);
    }
    const knows = new Set(
      (this.q.knows.all() as Array<{ source: string; target: string }>).map(
        (k) => `${k.source}\u0000${k.target}`,
      ),
    );
    const rejected = new Set(
      (this.q.rejections.all() as Array<{ expert_id: string; knowledge_id: string; doc_id: number }>).map(
        (r) => tripleKey(r.expert_id, r.knowledge_id, r.doc_id),
      ),
    );
    const out: AuthorProposal[] = [];
    const seen = new Set<string>();
    for (const file of files) {
      const docNodes = documentsByPath.get(file.path);
      if (!docNodes) continue;
      for (const author of file.authors) {
        const m = matcher.match(author);
        if (!m || (expertId !== undefined && m.id !== expertId)) continue;
        for (const doc of docNodes) {
          for (const item of itemsOf.get(doc.id) ?? []) {
            if (knows.has(`${m.id}\u0000${item.id}`)) continue;
            const key = tripleKey(m.id, item.id, file.id);
            if (seen.has(key) || rejected.has(key)) continue;
            seen.add(key);
            out.push({
              expertId: m.id,
              expertLabel: expertLabel.get(m.id)!,
              knowledgeId: item.id,
              knowledgeLabel: item.label,
              docId: file.id,
              documentId: doc.id,
              docName: doc.label || file.name,
              author,
              matched: m.matched,
              proficiency: AUTHOR_PROFICIENCY,
            });
          }
        }
      }
    }
    return out.sort(
      (a, b) =>
        collator.compare(a.expertLabel, b.expertLabel) ||
        (a.expertId < b.expertId ? -1 : a.expertId > b.expertId ? 1 : 0) ||
        collator.compare(a.knowledgeLabel, b.knowledgeLabel) ||
        (a.knowledgeId < b.knowledgeId ? -1 : a.knowledgeId > b.knowledgeId ? 1 : 0) ||
        a.docId - b.docId,
    );
  }

  /**
   * Accepts a proposal: re-checks that it is still current (`proposals(expertId)` holds the key), then adds the
   * `knows` edge expert → item with `{ proficiency: 3 }` in ONE `GraphStore.apply` (one undo step, Ctrl+Z removes it).
   * @returns the undo entry's summary (`connect`, `knows`, "expert → item")
   * @throws WellspringError not_found `errors.authorProposalGone` when the proposal no longer holds — rejected, the
   *   expert already knows the item, the link or the document or the author changed, or it never existed; nothing
   *   is written then
   */
  accept(key: AuthorKey): EditSummary {
    const p = this.proposals(key.expertId).find(
      (x) => x.knowledgeId === key.knowledgeId && x.docId === key.docId,
    );
    if (!p) throw gone(key);
    const summary: EditSummary = {
      action: 'connect',
      kind: 'knows',
      label: `${p.expertLabel} → ${p.knowledgeLabel}`,
    };
    this.deps.store.apply(
      [
        {
          op: 'addEdge',
          edge: {
            kind: 'knows',
            source: p.expertId,
            target: p.knowledgeId,
            props: { proficiency: p.proficiency },
          },
        },
      ],
      { reason: 'accept-author', summary },
    );
    return summary;
  }

  /**
   * Rejects a proposal: the triple is stored in `author_rejections` and never proposed again. Idempotent (a
   * second rejection of the same triple changes nothing), and it also takes a triple that is not proposed right
   * now, so a list that went stale meanwhile never fails the click.
   * @throws WellspringError not_found `errors.authorProposalGone` when the expert is not an expert, the item is not
   *   a knowledge item, or the file is not in the library; nothing is written then
   */
  reject(key: AuthorKey): { ok: true } {
    const expert = this.deps.store.findNode(key.expertId);
    const item = this.deps.store.findNode(key.knowledgeId);
    let fileKnown = true;
    try {
      this.deps.library.document(key.docId);
    } catch {
      fileKnown = false;
    }
    if (expert?.kind !== 'expert' || item?.kind !== 'knowledge' || !fileKnown) throw gone(key);
    this.q.reject.run(key.expertId, key.knowledgeId, key.docId, nowIso());
    return { ok: true };
  }
}

/** A stored JSON list of strings (node aliases); a damaged value reads as empty. */
function parseList(json: string): string[] {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

function tripleKey(expertId: string, knowledgeId: string, docId: number): string {
  return `${expertId}\u0000${knowledgeId}\u0000${docId}`;
}

function gone(key: AuthorKey): WellspringError {
  return new WellspringError(
    'not_found',
    `No current author proposal of ${key.expertId} for ${key.knowledgeId} from library file ${key.docId}.`,
    ['knowledgeId'],
    { key: 'errors.authorProposalGone' },
  );
}
