import type { MatrixCell, StepMatrix } from '../../../../preload/contract';

/** A row of the step × knowledge matrix (an item as `processes:matrix` lists it). */
export type MatrixItem = StepMatrix['items'][number];

/**
 * The rows on screen after the server's matrix `server` arrives, given the rows shown before (`shown`, [] when
 * the process or the row mode changed). Every row shown before stays, in its place: the server drops an item as
 * soon as no step requires or produces it any more, and a row vanishing under the cursor sent the next click to
 * another item (QA defect 1). Items new in `server` go after the nearest item that precedes them there (first
 * when none does). A kept row takes the server's label when the server still lists it, else its last one.
 */
export function mergeRows(shown: readonly MatrixItem[], server: readonly MatrixItem[]): MatrixItem[] {
  const fresh = new Map(server.map((i) => [i.id, i]));
  const out = shown.map((i) => fresh.get(i.id) ?? i);
  const at = new Map(out.map((i, n) => [i.id, n]));
  server.forEach((item, s) => {
    if (at.has(item.id)) return;
    let after = -1;
    for (let p = s - 1; p >= 0 && after < 0; p--) after = at.get(server[p]!.id) ?? -1;
    out.splice(after + 1, 0, item);
    at.clear();
    out.forEach((i, n) => at.set(i.id, n));
  });
  return out;
}

/**
 * `server` with `items` as its rows: the server's cells where it lists the item, `none` everywhere else (an item
 * no step refers to any more, or one added with "Add knowledge item" and not written yet).
 */
export function withRows(server: StepMatrix, items: readonly MatrixItem[]): StepMatrix {
  const row = new Map(server.items.map((i, r) => [i.id, server.cells[r]]));
  const none = (): MatrixCell[] => server.steps.map(() => 'none');
  return { ...server, items: [...items], cells: items.map((i) => row.get(i.id) ?? none()) };
}

/**
 * `old` with the cell of (stepId, item) set to `cell`; an item it does not list is added as a row when `cell` is
 * not `none` (what the server's next answer will hold). Unchanged when the step is not in it.
 */
export function setCellIn(
  old: StepMatrix | undefined,
  stepId: string,
  item: MatrixItem,
  cell: MatrixCell,
): StepMatrix | undefined {
  if (!old) return old;
  const c = old.steps.findIndex((s) => s.id === stepId);
  if (c < 0) return old;
  const r = old.items.findIndex((i) => i.id === item.id);
  if (r < 0) {
    if (cell === 'none') return old;
    return {
      ...old,
      items: [...old.items, item],
      cells: [...old.cells, old.steps.map((_s, j) => (j === c ? cell : 'none'))],
    };
  }
  return {
    ...old,
    cells: old.cells.map((row, i) => (i === r ? row.map((v, j) => (j === c ? cell : v)) : row)),
  };
}
