import { describe, expect, it } from 'vitest';
import type { StepMatrix } from '../../../../../preload/contract';
import {
  mergeRows,
  setCellIn,
  withRows,
  type MatrixItem,
} from '../../../../../renderer/src/features/reports/stable-rows';

const it_ = (id: string, label = id): MatrixItem => ({ id, label, existence: 'document', template: false });
const ids = (rows: readonly MatrixItem[]) => rows.map((r) => r.id);

describe('matrix rows that stay under the cursor', () => {
  it('keeps a row the server dropped, in its place, with its last label', () => {
    const shown = [it_('a'), it_('b', 'B old'), it_('c')];
    const rows = mergeRows(shown, [it_('a', 'A new'), it_('c')]);
    expect(ids(rows)).toEqual(['a', 'b', 'c']);
    expect(rows.map((r) => r.label)).toEqual(['A new', 'B old', 'c']);
  });

  it('puts an item new on the server after the nearest item that precedes it there', () => {
    expect(ids(mergeRows([it_('a'), it_('c')], [it_('a'), it_('x'), it_('c')]))).toEqual(['a', 'x', 'c']);
    expect(ids(mergeRows([it_('a')], [it_('y'), it_('a')]))).toEqual(['y', 'a']);
    expect(ids(mergeRows([], [it_('p'), it_('q')]))).toEqual(['p', 'q']);
  });

  const server: StepMatrix = {
    processId: 'p',
    steps: [
      { id: 's1', label: '一', order: 1 },
      { id: 's2', label: '二', order: 2 },
    ],
    items: [it_('a')],
    cells: [['requires', 'none']],
  };

  it('shows a kept or added row with empty cells, the server cells for the rest', () => {
    const m = withRows(server, [it_('a'), it_('b')]);
    expect(m.cells).toEqual([
      ['requires', 'none'],
      ['none', 'none'],
    ]);
  });

  it('sets one cell of one item, adds the row of an item set for the first time, ignores an unknown step', () => {
    expect(setCellIn(server, 's2', it_('a'), 'produces')!.cells).toEqual([['requires', 'produces']]);
    const added = setCellIn(server, 's1', it_('b'), 'both')!;
    expect(ids(added.items)).toEqual(['a', 'b']);
    expect(added.cells[1]).toEqual(['both', 'none']);
    expect(setCellIn(server, 's1', it_('b'), 'none')).toBe(server);
    expect(setCellIn(server, 'gone', it_('a'), 'both')).toBe(server);
    // The matrix it was given is not changed.
    expect(server.cells).toEqual([['requires', 'none']]);
  });
});
