import { z } from 'zod';
import type Database from 'better-sqlite3';
import { EdgeKind, NodeKind } from '../../../preload/contract';
import sampleJson from '../../../resources/sample/workspace.v1.json';
import { GraphStore, checkEdgeKind, validateEdgeProps, validateNodeProps } from '../graph/graph-store';
import { WellspringError } from '../util/errors';
import { localToday, nowIso } from '../util/clock';

/** Shape of `resources/sample/workspace.v*.json`: nodes keyed by a stable slug, edges referring to slugs. */
export const SampleFile = z.object({
  formatVersion: z.literal(1),
  sampleVersion: z.number().int().min(1),
  name: z.string(),
  nameEn: z.string(),
  /**
   * The sample's nodes are dated as if entered over this many weeks before the day it is created (each kind
   * growing evenly in file order), so the inventory's weekly trend has a history to show; 0: all dated now.
   */
  buildUpWeeks: z.number().int().min(0).max(520).default(0),
  nodes: z.array(
    z.object({
      key: z.string().min(1),
      kind: NodeKind,
      label: z.string().min(1),
      aliases: z.array(z.string()).default([]),
      description: z.string().default(''),
      tags: z.array(z.string()).default([]),
      props: z.record(z.string(), z.unknown()).default({}),
    }),
  ),
  edges: z.array(
    z.object({
      kind: EdgeKind,
      source: z.string(),
      target: z.string(),
      props: z.record(z.string(), z.unknown()).default({}),
    }),
  ),
});
export type SampleFile = z.infer<typeof SampleFile>;

/** The sample workspace bundled with this build (DESIGN §6). */
export function bundledSample(): SampleFile {
  return SampleFile.parse(sampleJson);
}

/**
 * Seeds an empty workspace with the sample: every node and edge in one transaction, validated by the same rules
 * as user edits, and not recorded in the undo history (a fresh workspace starts with nothing to undo). Node ids
 * are `sample:<key>` so that later sample versions can find what an earlier one seeded.
 * @throws WellspringError `invalid_input` naming the sample key at fault; nothing is written then.
 */
export function seedSample(
  db: Database.Database,
  sample: SampleFile = bundledSample(),
): { nodes: number; edges: number } {
  const store = new GraphStore(db);
  const kindOf = new Map(sample.nodes.map((n) => [n.key, n.kind]));
  const now = nowIso();
  const createdAt = buildUpDates(sample);
  const insertNode = db.prepare(
    `INSERT INTO nodes (id, kind, label, aliases, description, tags, props, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertEdge = db.prepare(
    'INSERT INTO edges (id, kind, source, target, props, created_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const edgeKeys = new Set<string>();
  db.transaction(() => {
    for (const n of sample.nodes) {
      const props = withKey(n.key, () => validateNodeProps(n.kind, sampleProps(n.kind, n.props)));
      insertNode.run(
        `sample:${n.key}`,
        n.kind,
        n.label,
        JSON.stringify(n.aliases),
        n.description,
        JSON.stringify(n.tags),
        JSON.stringify(props),
        createdAt.get(n.key) ?? now,
        createdAt.get(n.key) ?? now,
      );
    }
    sample.edges.forEach((e, i) => {
      const key = `edge #${i} (${e.source} ${e.kind} ${e.target})`;
      const s = kindOf.get(e.source);
      const t = kindOf.get(e.target);
      if (!s || !t) throw new WellspringError('invalid_input', `Sample ${key}: unknown node key.`);
      // The table's unique key would refuse it too, but with SQLite's words and without naming the sample's edge.
      const edgeKey = `${e.kind}\u0000${e.source}\u0000${e.target}`;
      if (edgeKeys.has(edgeKey)) throw new WellspringError('invalid_input', `Sample ${key}: duplicate edge.`);
      edgeKeys.add(edgeKey);
      withKey(key, () => checkEdgeKind(e.kind, s, t));
      const props = withKey(key, () => validateEdgeProps(e.kind, e.props));
      insertEdge.run(
        `sample:e${i}`,
        e.kind,
        `sample:${e.source}`,
        `sample:${e.target}`,
        JSON.stringify(props),
        later(createdAt.get(e.source) ?? now, createdAt.get(e.target) ?? now),
      );
    });
    db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('name', ?), ('sample_version', ?)").run(
      sample.name,
      String(sample.sampleVersion),
    );
  })();
  const s = store.stats();
  return { nodes: s.nodeTotal, edges: s.edgeTotal };
}

const WEEK_MS = 7 * 86_400_000;

/**
 * Creation times of the sample's nodes (ISO): with `buildUpWeeks` w, the i-th of the n nodes of a kind (file order)
 * is dated now − w·(1 − i/n) weeks, so every kind grows evenly and the last node is a week-fraction old at most.
 */
function buildUpDates(sample: SampleFile, now = Date.now()): Map<string, string> {
  const out = new Map<string, string>();
  if (!sample.buildUpWeeks) return out;
  const byKind = new Map<string, string[]>();
  for (const n of sample.nodes) byKind.set(n.kind, [...(byKind.get(n.kind) ?? []), n.key]);
  for (const keys of byKind.values())
    keys.forEach((key, i) => {
      const ago = sample.buildUpWeeks * (1 - i / keys.length) * WEEK_MS;
      out.set(key, new Date(now - ago).toISOString());
    });
  return out;
}

/** The later of two ISO times (an edge cannot be older than its ends). */
function later(a: string, b: string): string {
  return a > b ? a : b;
}

/**
 * Sample-only props turned into real ones: an expert's `expectedLeavingInMonths` (the sample's retirements stay
 * ahead of whoever opens it) becomes `expectedLeaving`, that many months after today (local calendar).
 */
function sampleProps(kind: string, props: Record<string, unknown>): Record<string, unknown> {
  const months = props.expectedLeavingInMonths;
  if (kind !== 'expert' || typeof months !== 'number') return props;
  const { expectedLeavingInMonths: _, ...rest } = props;
  const d = new Date();
  d.setMonth(d.getMonth() + months);
  return { ...rest, expectedLeaving: localToday(d) };
}

function withKey<T>(key: string, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof WellspringError)
      throw new WellspringError(e.code, `Sample ${key}: ${e.message}`, e.path);
    throw e;
  }
}
