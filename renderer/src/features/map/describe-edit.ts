import type { TFunction } from 'i18next';
import {
  EDGE_KINDS,
  NODE_KINDS,
  type EdgeKind,
  type EditSummary,
  type NodeKind,
} from '../../../../preload/contract';

/** Says what an undoable edit did, in the UI language: "编辑知识条目“拜访记录”" / "edit Knowledge item “…”". */
export function describeEdit(t: TFunction<'map'>, e: EditSummary | null): string {
  if (!e) return '';
  let kind = e.kind;
  if ((EDGE_KINDS as readonly string[]).includes(e.kind)) kind = t(`edgeKinds.${e.kind as EdgeKind}`);
  else if ((NODE_KINDS as readonly string[]).includes(e.kind)) kind = t(`kinds.${e.kind as NodeKind}`);
  return t(`edit.${e.action}`, { kind, label: e.label, count: e.count ?? 0 });
}
