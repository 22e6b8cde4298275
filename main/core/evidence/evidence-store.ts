import type Database from 'better-sqlite3';
import { nowIso } from '../util/clock';
import type { EvidenceItem, FoundEvidence } from './evidence-finder';

/** An `evidence_proposals` row joined with its library file (snake_case, as stored). */
export interface ProposalRow {
  knowledge_id: string;
  knowledge_label: string;
  doc_id: number;
  doc_path: string;
  doc_name: string;
  page: number;
  rank: number;
  score: number;
  matched: string;
  /** JSON `{ text, highlights }`. */
  snippet: string;
}

/** What the last complete run recorded (in `meta`). */
export interface RunRecord {
  /** The library generation the run saw (`LibraryStore.generation()`), or null before the first run. */
  generation: number | null;
  finishedAt: string | null;
}

/**
 * SQL access to the evidence tables of migration 0005 and the run record in `meta`. The proposals of a run replace
 * the previous ones in one transaction, so a reader never sees half a run.
 */
export class EvidenceStore {
  private readonly q;

  constructor(private readonly db: Database.Database) {
    this.q = {
      items: db.prepare("SELECT id, label, aliases FROM nodes WHERE kind = 'knowledge' ORDER BY id"),
      // Items deleted since the run, or no longer knowledge items, are left out; rejected pages too.
      proposals: db.prepare(
        `SELECT p.knowledge_id, n.label AS knowledge_label, p.doc_id, d.path AS doc_path, d.name AS doc_name,
                p.page, p.rank, p.score, p.matched, p.snippet
           FROM evidence_proposals p
           JOIN nodes n ON n.id = p.knowledge_id AND n.kind = 'knowledge'
           JOIN documents d ON d.id = p.doc_id
          WHERE NOT EXISTS (SELECT 1 FROM evidence_rejections r
                             WHERE r.knowledge_id = p.knowledge_id AND r.doc_path = d.path AND r.page = p.page)
          ORDER BY p.knowledge_id, p.rank`,
      ),
      linked: db.prepare(
        `SELECT e.source AS knowledge_id, json_extract(n.props, '$.path') AS path
           FROM edges e JOIN nodes n ON n.id = e.target
          WHERE e.kind = 'documented_by' AND n.kind = 'document'`,
      ),
      rejections: db.prepare('SELECT knowledge_id, doc_path, page FROM evidence_rejections'),
      reject: db.prepare(
        'INSERT OR IGNORE INTO evidence_rejections (knowledge_id, doc_path, page, rejected_at) VALUES (?, ?, ?, ?)',
      ),
      docPaths: db.prepare('SELECT id, path FROM documents'),
      clear: db.prepare('DELETE FROM evidence_proposals'),
      insert: db.prepare(
        `INSERT OR REPLACE INTO evidence_proposals (knowledge_id, doc_id, page, rank, score, matched, snippet)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ),
      meta: db.prepare('SELECT value FROM meta WHERE key = ?').pluck(),
      setMeta: db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)'),
      docExists: db.prepare('SELECT 1 FROM documents WHERE id = ?').pluck(),
    };
  }

  /** Every knowledge item with its label and aliases, in id order. */
  items(): EvidenceItem[] {
    return (this.q.items.all() as Array<{ id: string; label: string; aliases: string }>).map((r) => ({
      id: r.id,
      label: r.label,
      aliases: parseAliases(r.aliases),
    }));
  }

  /** The stored proposals of live knowledge items minus rejected pages, grouped by item, best first. */
  proposals(): ProposalRow[] {
    return this.q.proposals.all() as ProposalRow[];
  }

  /** Item id → absolute paths of the documents it links (`documented_by` to a document node with `props.path`). */
  linkedPaths(): Map<string, Set<string>> {
    const out = new Map<string, Set<string>>();
    for (const r of this.q.linked.all() as Array<{ knowledge_id: string; path: unknown }>) {
      if (typeof r.path !== 'string') continue;
      let set = out.get(r.knowledge_id);
      if (!set) out.set(r.knowledge_id, (set = new Set()));
      set.add(r.path);
    }
    return out;
  }

  /** Rejected pages as keys from {@link rejectionKey}. */
  rejections(): Set<string> {
    const rows = this.q.rejections.all() as Array<{ knowledge_id: string; doc_path: string; page: number }>;
    return new Set(rows.map((r) => rejectionKey(r.knowledge_id, r.doc_path, r.page)));
  }

  /** Library file id → absolute path. */
  docPaths(): Map<number, string> {
    const rows = this.q.docPaths.all() as Array<{ id: number; path: string }>;
    return new Map(rows.map((r) => [r.id, r.path]));
  }

  /** Records a rejection; rejecting the same page again changes nothing (the first date stays). */
  reject(knowledgeId: string, docPath: string, page: number): void {
    this.q.reject.run(knowledgeId, docPath, page, nowIso());
  }

  /**
   * Replaces every stored proposal with a run's, and records the run, in one transaction. Proposals of files
   * removed from the library meanwhile are dropped (they could not be linked).
   */
  replace(found: readonly FoundEvidence[], run: { generation: number; finishedAt: string }): void {
    this.db.transaction(() => {
      this.q.clear.run();
      for (const f of found) {
        if (!this.q.docExists.get(f.docId)) continue;
        this.q.insert.run(
          f.knowledgeId,
          f.docId,
          f.page,
          f.rank,
          f.score,
          f.matched,
          JSON.stringify(f.snippet),
        );
      }
      this.q.setMeta.run('evidence_generation', String(run.generation));
      this.q.setMeta.run('evidence_finished_at', run.finishedAt);
    })();
  }

  /** The last complete run, from `meta`. */
  lastRun(): RunRecord {
    const g = this.q.meta.get('evidence_generation') as string | undefined;
    const f = this.q.meta.get('evidence_finished_at') as string | undefined;
    return { generation: g === undefined ? null : Number(g), finishedAt: f ?? null };
  }
}

/** The key of a rejected page in {@link EvidenceStore.rejections}. */
export function rejectionKey(knowledgeId: string, docPath: string, page: number): string {
  return `${knowledgeId}\u0000${docPath}\u0000${page}`;
}

function parseAliases(json: string): string[] {
  try {
    const v = JSON.parse(json) as unknown;
    return Array.isArray(v) ? v.filter((a): a is string => typeof a === 'string') : [];
  } catch {
    return [];
  }
}
