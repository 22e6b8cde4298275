import { randomUUID } from 'node:crypto';
import type { CompetencyEdit, CompetencyLevel, EditSummary, GraphOp } from '../../../preload/contract';
import type { GraphIndex } from '../analytics/graph-index';
import { WellspringError } from '../util/errors';

/** A planned list of tree edits: the operations for ONE GraphStore.apply, the undo summary, the new ids. */
export interface CompetencyEditPlan {
  ops: GraphOp[];
  summary: EditSummary;
  addedIds: string[];
}

/** The level a competency takes under a parent: a capability under the core, a sub-competency elsewhere. */
export function levelUnder(parentLevel: CompetencyLevel): CompetencyLevel {
  return parentLevel === 'core' ? 'capability' : 'sub';
}

/**
 * Plans the tree edits of one call (issue 9 §1) as one operation list, all or nothing, each edit checked against
 * the tree as the earlier edits of the list leave it:
 * - `reparent`: every `part_of` edge of the competency to a competency is deleted and one to the new parent added;
 *   its `level` follows the parent (levelUnder). Refused for the core, under itself, or under a competency of
 *   its own subtree (following every `part_of` edge, as the roll-up does), which would make the tree loop;
 * - `set-target`, `rename`: updateNode (nothing when unchanged);
 * - `add-sub`: a new competency (target default 3) and its `part_of` edge; its id is returned in `addedIds`;
 * - `set-weight`: updateEdge of the item's `supports` edges to the competency (refused when there is none);
 * - `support`: a new `supports` edge (weight as given, else none: 1), or the weight of the existing one;
 * - `unsupport`: deleteEdge of the item's `supports` edges to the competency (refused when there is none).
 * A list whose edits change nothing plans no operation (GraphStore.apply then refuses with errors.noOps).
 *
 * @throws WellspringError, its path `['edits', i, field]`: not_found `errors.nodeNotFound` {id};
 *   invalid_input `errors.notCompetency` {label}, `errors.notAKnowledgeItem` {label},
 *   `errors.coreNotMovable` {child, parent}, `errors.competencyOwnParent` {label},
 *   `errors.competencyCycle` {child, parent}, `errors.notSupporting` {item, competency}
 */
export function planCompetencyEdits(
  index: GraphIndex,
  edits: readonly CompetencyEdit[],
  newId: () => string = randomUUID,
): CompetencyEditPlan {
  const label = new Map<string, string>();
  const level = new Map<string, CompetencyLevel>();
  const target = new Map<string, number>();
  /** competency → its parents (competencies) and the ids of those `part_of` edges. */
  const parents = new Map<string, Set<string>>();
  const partOfEdges = new Map<string, string[]>();
  for (const c of index.idsOfKind('competency')) {
    const props = index.competencyProps(c);
    label.set(c, index.node(c)!.label);
    level.set(c, props?.level ?? 'sub');
    target.set(c, props?.target ?? 3);
    const up = index.out(c, 'part_of').filter((e) => index.kindOf(e.target) === 'competency');
    parents.set(c, new Set(up.map((e) => e.target)));
    partOfEdges.set(
      c,
      up.map((e) => e.id),
    );
  }
  /** `item|competency` → ids and weights of its supports edges, as the list leaves them. */
  const supports = new Map<string, Array<{ id: string; weight: number | undefined }>>();
  const supportsOf = (item: string, c: string) => {
    const key = `${item}|${c}`;
    let list = supports.get(key);
    if (!list) {
      list = index
        .out(item, 'supports')
        .filter((e) => e.target === c)
        .map((e) => ({ id: e.id, weight: e.props.weight }));
      supports.set(key, list);
    }
    return list;
  };

  const ops: GraphOp[] = [];
  const summaries: EditSummary[] = [];
  const addedIds: string[] = [];

  edits.forEach((edit, i) => {
    const at = (field: string) => ['edits', i, field];
    const competency = (cid: string, field: string): string => {
      if (label.has(cid)) return label.get(cid)!;
      const node = index.node(cid);
      if (!node)
        throw new WellspringError('not_found', `No node with id ${cid}.`, at(field), {
          key: 'errors.nodeNotFound',
          params: { id: cid },
        });
      throw new WellspringError('invalid_input', `“${node.label}” is not a competency.`, at(field), {
        key: 'errors.notCompetency',
        params: { label: node.label },
      });
    };
    const knowledge = (kid: string): string => {
      const node = index.node(kid);
      if (!node)
        throw new WellspringError('not_found', `No node with id ${kid}.`, at('knowledgeId'), {
          key: 'errors.nodeNotFound',
          params: { id: kid },
        });
      if (node.kind !== 'knowledge')
        throw new WellspringError(
          'invalid_input',
          `“${node.label}” is not a knowledge item: only knowledge items support competencies.`,
          at('knowledgeId'),
          { key: 'errors.notAKnowledgeItem', params: { label: node.label } },
        );
      return node.label;
    };
    const notSupporting = (item: string, comp: string) =>
      new WellspringError('invalid_input', `“${item}” does not support “${comp}”.`, at('knowledgeId'), {
        key: 'errors.notSupporting',
        params: { item, competency: comp },
      });

    switch (edit.edit) {
      case 'reparent': {
        const child = competency(edit.id, 'id');
        const parent = competency(edit.parentId, 'parentId');
        if (edit.id === edit.parentId)
          throw new WellspringError('invalid_input', `“${child}” cannot go under itself.`, at('parentId'), {
            key: 'errors.competencyOwnParent',
            params: { label: child },
          });
        if (level.get(edit.id) === 'core')
          throw new WellspringError(
            'invalid_input',
            `“${child}” is the core competence: it stays at the centre and cannot go under “${parent}”.`,
            at('id'),
            { key: 'errors.coreNotMovable', params: { child, parent } },
          );
        // The new parent may not lie below the child: walk up from it along every part_of edge.
        const seen = new Set<string>([edit.parentId]);
        const up = [edit.parentId];
        while (up.length)
          for (const p of parents.get(up.pop()!)!) {
            if (p === edit.id)
              throw new WellspringError(
                'invalid_input',
                `“${child}” cannot go under “${parent}”: “${parent}” is part of “${child}”, so the tree would loop.`,
                at('parentId'),
                { key: 'errors.competencyCycle', params: { child, parent } },
              );
            if (!seen.has(p)) {
              seen.add(p);
              up.push(p);
            }
          }
        const now = parents.get(edit.id)!;
        if (now.size === 1 && now.has(edit.parentId)) break;
        for (const e of partOfEdges.get(edit.id)!) ops.push({ op: 'deleteEdge', id: e });
        const edgeId = newId();
        ops.push({
          op: 'addEdge',
          id: edgeId,
          edge: { kind: 'part_of', source: edit.id, target: edit.parentId },
        });
        parents.set(edit.id, new Set([edit.parentId]));
        partOfEdges.set(edit.id, [edgeId]);
        const newLevel = levelUnder(level.get(edit.parentId)!);
        if (newLevel !== level.get(edit.id)) {
          ops.push({ op: 'updateNode', id: edit.id, patch: { props: { level: newLevel } } });
          level.set(edit.id, newLevel);
        }
        summaries.push({ action: 'edit', kind: 'competency', label: child });
        break;
      }
      case 'set-target': {
        const name = competency(edit.id, 'id');
        if (target.get(edit.id) === edit.target) break;
        ops.push({ op: 'updateNode', id: edit.id, patch: { props: { target: edit.target } } });
        target.set(edit.id, edit.target);
        summaries.push({ action: 'edit', kind: 'competency', label: name });
        break;
      }
      case 'rename': {
        const name = competency(edit.id, 'id');
        if (name === edit.label) break;
        ops.push({ op: 'updateNode', id: edit.id, patch: { label: edit.label } });
        label.set(edit.id, edit.label);
        summaries.push({ action: 'edit', kind: 'competency', label: edit.label });
        break;
      }
      case 'add-sub': {
        competency(edit.parentId, 'parentId');
        const cid = newId();
        const lv = levelUnder(level.get(edit.parentId)!);
        const t = edit.target ?? 3;
        ops.push({
          op: 'addNode',
          id: cid,
          node: { kind: 'competency', label: edit.label, props: { level: lv, target: t } },
        });
        const edgeId = newId();
        ops.push({
          op: 'addEdge',
          id: edgeId,
          edge: { kind: 'part_of', source: cid, target: edit.parentId },
        });
        label.set(cid, edit.label);
        level.set(cid, lv);
        target.set(cid, t);
        parents.set(cid, new Set([edit.parentId]));
        partOfEdges.set(cid, [edgeId]);
        addedIds.push(cid);
        summaries.push({ action: 'add', kind: 'competency', label: edit.label });
        break;
      }
      case 'set-weight':
      case 'support': {
        const item = knowledge(edit.knowledgeId);
        const comp = competency(edit.competencyId, 'competencyId');
        const list = supportsOf(edit.knowledgeId, edit.competencyId);
        const w = edit.weight;
        if (list.length === 0) {
          if (edit.edit === 'set-weight') throw notSupporting(item, comp);
          const edgeId = newId();
          ops.push({
            op: 'addEdge',
            id: edgeId,
            edge: {
              kind: 'supports',
              source: edit.knowledgeId,
              target: edit.competencyId,
              props: w === undefined ? {} : { weight: w },
            },
          });
          list.push({ id: edgeId, weight: w });
          summaries.push({ action: 'connect', kind: 'supports', label: `${item} → ${comp}` });
          break;
        }
        if (w === undefined) break;
        let changed = false;
        for (const e of list)
          if (e.weight !== w) {
            ops.push({ op: 'updateEdge', id: e.id, props: { weight: w } });
            e.weight = w;
            changed = true;
          }
        if (changed) summaries.push({ action: 'edit-edge', kind: 'supports', label: `${item} → ${comp}` });
        break;
      }
      case 'unsupport': {
        const item = knowledge(edit.knowledgeId);
        const comp = competency(edit.competencyId, 'competencyId');
        const list = supportsOf(edit.knowledgeId, edit.competencyId);
        if (list.length === 0) throw notSupporting(item, comp);
        for (const e of list.splice(0)) ops.push({ op: 'deleteEdge', id: e.id });
        summaries.push({ action: 'disconnect', kind: 'supports', label: `${item} → ${comp}` });
        break;
      }
    }
  });

  const summary: EditSummary =
    summaries.length === 1
      ? summaries[0]!
      : {
          action: 'batch',
          kind: 'competency',
          label: summaries[0]?.label ?? '',
          count: ops.length,
        };
  return { ops, summary, addedIds };
}
