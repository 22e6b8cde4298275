import type { GapReason, MatrixCell } from '../../../../preload/contract';

/** The order a matrix cell cycles through on click or Space: none → requires → produces → both → none. */
export function nextCell(cell: MatrixCell): MatrixCell {
  const order: MatrixCell[] = ['none', 'requires', 'produces', 'both'];
  return order[(order.indexOf(cell) + 1) % order.length]!;
}

/** The symbol of a matrix cell (● requires, ▲ produces, ◆ both, nothing for none). */
export const CELL_SYMBOL: Record<MatrixCell, string> = { requires: '●', produces: '▲', both: '◆', none: '' };

/** `single-holder` → `singleHolder`: the translation key of a gap reason under `reports:reasons.`. */
export function reasonKey(
  reason: GapReason,
): 'weak' | 'undocumented' | 'unheld' | 'singleHolder' | 'tacitOnly' {
  return reason.replace(/-(\w)/g, (_m, c: string) => c.toUpperCase()) as ReturnType<typeof reasonKey>;
}
