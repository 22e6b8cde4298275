/**
 * Dragging knowledge items, experts and templates from the side list onto a step of the pipeline: what the drag
 * carries (a custom MIME type, so other drags are ignored) and what a drop does — one processes:edit `attach`.
 * An expert becomes someone to consult; knowledge or a template dropped above or on a step is required by it,
 * dropped below it is produced by it.
 */
import type { StepRelation } from '../../../../preload/contract';
import i18n from '../../i18n';
import { useAppStore } from '../../app/store';
import type { DropHit } from './engine/pipeline-engine';
import { editProcess } from './queries';

/** The MIME type of a dragged side-list entry. */
export const DRAG_MIME = 'application/x-wellspring-node';

/** A dragged side-list entry. */
export interface DraggedNode {
  id: string;
  kind: 'knowledge' | 'expert';
  label: string;
}

/** Puts `node` on a drag. */
export function writeDragged(dt: DataTransfer, node: DraggedNode): void {
  dt.setData(DRAG_MIME, JSON.stringify(node));
  dt.setData('text/plain', node.label);
  dt.effectAllowed = 'link';
}

/** The dragged entry, or null when the drag carries something else. */
export function readDragged(dt: DataTransfer): DraggedNode | null {
  try {
    const v = JSON.parse(dt.getData(DRAG_MIME)) as DraggedNode;
    return typeof v?.id === 'string' && (v.kind === 'knowledge' || v.kind === 'expert') ? v : null;
  } catch {
    return null;
  }
}

/** The relation a drop makes: experts are consulted; knowledge above a step is required, below it produced. */
export function dropRelation(kind: DraggedNode['kind'], zone: DropHit['zone']): StepRelation {
  if (kind === 'expert') return 'consults';
  return zone === 'below' ? 'produces' : 'requires';
}

/** Attaches the dropped node to the step it landed on (one undoable edit); says what it did in a toast. */
export async function attachDropped(processId: string, hit: DropHit, node: DraggedNode): Promise<void> {
  const relation = dropRelation(node.kind, hit.zone);
  const r = await editProcess(processId, [{ op: 'attach', stepId: hit.stepId, relation, targetId: node.id }]);
  if (r) useAppStore.getState().notify(i18n.t(`processes:drop.attached.${relation}`, { item: node.label }));
}
