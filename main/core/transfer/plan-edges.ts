import { isDeepStrictEqual } from 'node:util';
import type { EdgeDto, GraphOp, MessageParams, NodeKind } from '../../../preload/contract';
import { checkEdgeKind, validateEdgeProps } from '../graph/validate';
import { isWellspringError } from '../util/errors';
import type { JsonPathStep } from './json-locator';
import type { ExportMessageKey } from './messages';
import { validInstant, type ExportedEdge } from './wellspring-format';

/** How many elements of one sort the plan adds, updates, leaves as they are (same content) and skips. */
export interface PlanCounts {
  add: number;
  update: number;
  unchanged: number;
  skipped: number;
}

/** Records a problem of the file at a JSON path (see ImportProblem in wellspring-import.ts). */
export type ProblemSink = (
  path: JsonPathStep[],
  name: ExportMessageKey,
  reason: string,
  extra?: MessageParams,
) => void;

/**
 * The edge operations of a Wellspring JSON import (WellspringJsonPlan in wellspring-import.ts): `addEdge` with the
 * file's id, `updateEdge` where the id exists between the same ends with other props, nothing where it is the
 * same. Skipped, each with a problem: a second use of an id, an end that will not exist, a self-loop, a kind the
 * rules refuse between its ends (EDGE_RULES), props that do not fit the kind, an id that exists as another
 * relation, a second edge of one kind between the same two nodes, a second process for a step (plan-ops.ts).
 * @param kindAfter the kind of every node there will be after the import (workspace and kept file nodes)
 * @param c counts, updated
 */
export function planEdges(
  edges: readonly ExportedEdge[],
  existing: readonly EdgeDto[],
  existingById: ReadonlyMap<string, EdgeDto>,
  kindAfter: ReadonlyMap<string, NodeKind>,
  labelAfter: ReadonlyMap<string, string>,
  c: PlanCounts,
  problem: ProblemSink,
): GraphOp[] {
  const ops: GraphOp[] = [];
  const keyOf = (e: { kind: string; source: string; target: string }) =>
    `${e.kind}\u0000${e.source}\u0000${e.target}`;
  // The edge id that holds each (kind, source, target): the store allows one edge per kind between two nodes.
  const byKey = new Map(existing.map((e) => [keyOf(e), e.id]));
  // A step is part of one process (plan-ops.ts): the part_of edge id each step has.
  const partOf = new Map(
    existing
      .filter((e) => e.kind === 'part_of' && kindAfter.get(e.source) === 'step')
      .map((e) => [e.source, e.id]),
  );
  const seen = new Set<string>();
  const label = (id: string) => labelAfter.get(id) ?? id;

  edges.forEach((e, i) => {
    const at: JsonPathStep[] = ['edges', i];
    const skip = (path: JsonPathStep[], name: ExportMessageKey, reason: string, extra?: MessageParams) => {
      c.skipped++;
      problem(path, name, `${reason} Skipped.`, extra);
    };
    if (seen.has(e.id))
      return skip(at, 'transfer:export.errors.duplicateEdgeId', `the edge id ${e.id} is used twice.`, {
        id: e.id,
      });
    seen.add(e.id);
    for (const end of ['source', 'target'] as const)
      if (!kindAfter.has(e[end]))
        return skip(
          [...at, end],
          'transfer:export.errors.missingEnd',
          `${e[end]} is neither in the file nor in the workspace (or was skipped).`,
          {
            id: e.id,
            end: e[end],
          },
        );
    const sourceKind = kindAfter.get(e.source)!;
    const targetKind = kindAfter.get(e.target)!;
    if (e.source === e.target)
      return skip(at, 'transfer:export.errors.selfLoop', `the edge ${e.id} connects ${e.source} to itself.`, {
        id: e.id,
      });
    let props: Record<string, unknown>;
    try {
      checkEdgeKind(e.kind, sourceKind, targetKind);
      props = validateEdgeProps(e.kind, e.props);
    } catch (err) {
      if (!isWellspringError(err)) throw err;
      const rule = err.code === 'edge_kind_mismatch';
      return skip(
        rule ? [...at, 'kind'] : [...at, ...err.path],
        rule ? 'transfer:export.errors.edgeRule' : 'transfer:export.errors.badEdgeProps',
        err.message,
        rule ? { kind: e.kind, source: sourceKind, target: targetKind } : { kind: e.kind },
      );
    }
    const before = existingById.get(e.id);
    if (before) {
      if (before.kind !== e.kind || before.source !== e.source || before.target !== e.target)
        return skip(
          at,
          'transfer:export.errors.edgeConflict',
          `the edge ${e.id} exists in the workspace as another relation.`,
          {
            id: e.id,
          },
        );
      if (isDeepStrictEqual(before.props, props)) c.unchanged++;
      else {
        ops.push({ op: 'updateEdge', id: e.id, props });
        c.update++;
      }
      return;
    }
    const holder = byKey.get(keyOf(e));
    if (holder !== undefined)
      return skip(
        at,
        'transfer:export.errors.duplicateEdge',
        `there is already a ${e.kind} edge from “${label(e.source)}” to “${label(e.target)}”.`,
        {
          kind: e.kind,
          source: label(e.source),
          target: label(e.target),
        },
      );
    if (e.kind === 'part_of' && sourceKind === 'step') {
      if (partOf.has(e.source))
        return skip(
          at,
          'transfer:export.errors.stepInOtherProcess',
          `the step “${label(e.source)}” is already part of a process.`,
          {
            step: label(e.source),
          },
        );
      partOf.set(e.source, e.id);
    }
    byKey.set(keyOf(e), e.id);
    ops.push({
      op: 'addEdge',
      id: e.id,
      edge: { kind: e.kind, source: e.source, target: e.target, props },
      ...(validInstant(e.createdAt) ? { times: { createdAt: e.createdAt } } : {}),
    });
    c.add++;
  });
  return ops;
}
