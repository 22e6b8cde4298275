import {
  createSortedRowModel,
  rowSortingFeature,
  tableFeatures,
  useTable,
  type ColumnDef,
  type RowData,
  type SortingState,
} from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import {
  memo,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type ReactNode,
} from 'react';
import { useTranslation } from 'react-i18next';
import { compareValues, type SortValue } from './compare';
import './table.css';

/** One column of a {@link DataTable}. */
export interface DataTableColumn<T extends RowData> {
  /** Stable id (also the sort state's id and the cell's `data-col`). */
  id: string;
  /** Header content (already translated). */
  header: ReactNode;
  /** Title attribute of the header (a longer explanation), optional. */
  headerTitle?: string;
  /** The cell content of a row. */
  cell: (row: T) => ReactNode;
  /**
   * The value the column sorts by: numbers numerically, strings in the UI language's collation (pinyin for
   * Chinese), `null` always last. Without it the column cannot be sorted.
   */
  sortValue?: (row: T) => SortValue;
  /** Sort descending on the first click (numbers usually: the biggest first). Default false. */
  descFirst?: boolean;
  /** CSS grid track of the column, e.g. `'2fr'`, `'minmax(120px, 1fr)'`, `'72px'`. Default `'1fr'`. */
  width?: string;
  /**
   * Narrowest the column may get, px (default 72). Below the sum of these the table scrolls sideways instead of
   * cutting columns off (e.g. beside an open side panel).
   */
  minWidth?: number;
  /** Horizontal alignment of header and cells. Default `'start'`. */
  align?: 'start' | 'end' | 'center';
}

/** Props of {@link DataTable}. */
export interface DataTableProps<T extends RowData> {
  /** The rows, already filtered by the caller (filtering is domain-specific: names, aliases, pinyin…). */
  rows: readonly T[];
  columns: readonly DataTableColumn<T>[];
  /** Stable row id (React key, `data-row-id`, the active row kept across re-sorts). */
  getRowId: (row: T) => string;
  /** Row click, or Enter on the active row. */
  onOpen?: (row: T) => void;
  /** Accessible name of the table. */
  ariaLabel: string;
  /** The sort before the first header click, e.g. `[{ id: 'total', desc: true }]`; default: the rows' order. */
  initialSort?: SortingState;
  /** Called with the new sort after a header click (to remember it). */
  onSortChange?: (sorting: SortingState) => void;
  /** Estimated row height in px (rows are measured after render). Default 34. */
  rowHeight?: number;
  /**
   * Every row exactly `rowHeight` px, one line a cell (longer text ends in …, the whole of it in the cell's
   * tooltip when the column sorts by text): rows are not measured, so scrolling 10,000 rows does no layout work per
   * row. For tables whose rows are alike (the expert directory); leave it off where a row may need two lines.
   */
  fixedRows?: boolean;
  /** Shown instead of the body when `rows` is empty. */
  empty?: ReactNode;
  /** `data-testid` of the table; rows get `${testId}-row`. */
  testId?: string;
  /** Id of the row to show highlighted (e.g. the one whose profile is open). */
  selectedId?: string | null;
}

/** Height of the header row, px (table.css `.data-table-head`). */
const HEAD_PX = 33;

const features = tableFeatures({ rowSortingFeature, sortedRowModel: createSortedRowModel() });

/**
 * A generic sortable, virtualised table: TanStack Table v9 (`useTable` with `rowSortingFeature` and
 * `createSortedRowModel`) for the row model, TanStack Virtual for the rows in view (each row carries `data-index`
 * and the `measureElement` ref, so rows of varying height are placed right). Layout is a CSS grid (one track per
 * column), so header and rows line up without a `<table>` (which cannot be virtualised with absolute rows).
 *
 * Keyboard: the body is one tab stop; ↑/↓/Home/End/PageUp/PageDown move the active row (scrolled into view),
 * Enter opens it. Header buttons sort (click again to reverse, a third time to clear). The parent must give the
 * table a height (it fills its container and scrolls inside).
 */
export function DataTable<T extends RowData>(props: DataTableProps<T>) {
  const { rows, columns, getRowId, onOpen, ariaLabel, onSortChange, testId, selectedId } = props;
  const { i18n } = useTranslation();
  const [sorting, setSorting] = useState<SortingState>(props.initialSort ?? []);
  const [active, setActive] = useState<string | null>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const language = i18n.language;

  const defs = useMemo<ColumnDef<typeof features, T>[]>(
    () =>
      columns.map((c) => ({
        id: c.id,
        accessorFn: (row: T) => (c.sortValue ? c.sortValue(row) : null),
        header: () => c.header,
        enableSorting: c.sortValue !== undefined,
        sortDescFirst: c.descFirst ?? false,
        sortFn: (a, b, columnId) =>
          compareValues(a.getValue<SortValue>(columnId), b.getValue<SortValue>(columnId), language),
      })),
    [columns, language],
  );

  const table = useTable({
    features,
    columns: defs,
    data: rows,
    getRowId: (row) => getRowId(row),
    state: { sorting },
    onSortingChange: (updater) => {
      const next = typeof updater === 'function' ? updater(sorting) : updater;
      setSorting(next);
      onSortChange?.(next);
    },
  });
  const model = table.getRowModel().rows;

  // The virtualizer's methods change identity with its state; nothing here memoizes on them, and the rows are
  // rendered fresh every time, so React Compiler skipping this component is the intended outcome.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: model.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => props.rowHeight ?? 34,
    overscan: 8,
    // The sticky header sits inside the scroll element above the rows: the rows start below it, and a row
    // scrolled to must not hide under it.
    scrollMargin: HEAD_PX,
    scrollPaddingStart: HEAD_PX,
    getItemKey: (i) => model[i]?.id ?? i,
  });

  const activeIndex = active === null ? -1 : model.findIndex((r) => r.id === active);
  const moveTo = useCallback(
    (index: number) => {
      const at = Math.max(0, Math.min(model.length - 1, index));
      const row = model[at];
      if (!row) return;
      setActive(row.id);
      virtualizer.scrollToIndex(at, { align: 'auto' });
    },
    [model, virtualizer],
  );

  // An active row that was filtered away is forgotten, so Enter never opens a row the user cannot see.
  useEffect(() => {
    if (active !== null && activeIndex < 0) setActive(null);
  }, [active, activeIndex]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const page = Math.max(
      1,
      Math.floor((scrollRef.current?.clientHeight ?? 340) / (props.rowHeight ?? 34)) - 1,
    );
    const step: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: page, PageUp: -page };
    if (e.key in step) {
      e.preventDefault();
      moveTo(activeIndex < 0 ? 0 : activeIndex + step[e.key]!);
    } else if (e.key === 'Home' || e.key === 'End') {
      e.preventDefault();
      moveTo(e.key === 'Home' ? 0 : model.length - 1);
    } else if (e.key === 'Enter' && activeIndex >= 0 && onOpen) {
      e.preventDefault();
      onOpen(model[activeIndex]!.original);
    }
  };

  const template = columns.map((c) => c.width ?? '1fr').join(' ');
  const onRowClick = useCallback(
    (row: T, id: string) => {
      setActive(id);
      onOpen?.(row);
    },
    [onOpen],
  );
  const header = table.getHeaderGroups()[0]?.headers ?? [];

  const minWidth = columns.reduce((w, c) => w + (c.minWidth ?? 72) + 8, 20);
  return (
    <div
      className="data-table"
      role="table"
      aria-label={ariaLabel}
      aria-rowcount={model.length}
      data-testid={testId}
    >
      <div
        ref={scrollRef}
        className="data-table-scroll"
        tabIndex={0}
        aria-activedescendant={active !== null ? `row-${testId ?? 'dt'}-${active}` : undefined}
        onKeyDown={onKeyDown}
        data-testid={testId ? `${testId}-body` : undefined}
      >
        <div className="data-table-inner" style={{ minWidth }}>
          <div
            className="data-table-head"
            role="row"
            style={{ gridTemplateColumns: template, height: HEAD_PX }}
          >
            {header.map((h, i) => {
              const col = columns[i]!;
              const dir = h.column.getIsSorted();
              const sort = dir === 'asc' ? 'ascending' : dir === 'desc' ? 'descending' : 'none';
              return (
                <div
                  key={h.id}
                  role="columnheader"
                  aria-sort={h.column.getCanSort() ? sort : undefined}
                  className={`data-table-th align-${col.align ?? 'start'}`}
                  title={col.headerTitle}
                >
                  {h.column.getCanSort() ? (
                    <button
                      type="button"
                      className="data-table-sort"
                      data-col={col.id}
                      onClick={h.column.getToggleSortingHandler()}
                    >
                      {col.header}
                      <span className="data-table-arrow" aria-hidden="true">
                        {dir === 'asc' ? '▲' : dir === 'desc' ? '▼' : '↕'}
                      </span>
                    </button>
                  ) : (
                    col.header
                  )}
                </div>
              );
            })}
          </div>
          {model.length === 0 ? (
            <div className="data-table-empty">{props.empty}</div>
          ) : (
            <div role="rowgroup" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
              {virtualizer.getVirtualItems().map((v) => {
                const row = model[v.index]!;
                return (
                  <TableRow
                    key={v.key}
                    row={row.original}
                    rowId={row.id}
                    index={v.index}
                    top={v.start - virtualizer.options.scrollMargin}
                    domId={`row-${testId ?? 'dt'}-${row.id}`}
                    testId={testId ? `${testId}-row` : undefined}
                    active={row.id === active}
                    selected={row.id === selectedId}
                    template={template}
                    columns={columns}
                    measure={props.fixedRows ? undefined : virtualizer.measureElement}
                    height={props.fixedRows ? (props.rowHeight ?? 34) : undefined}
                    onClick={onRowClick}
                  />
                );
              })}
            </div>
          )}
        </div>
      </div>
    </div>
  );
}

interface TableRowProps<T extends RowData> {
  row: T;
  rowId: string;
  index: number;
  top: number;
  domId: string;
  testId: string | undefined;
  active: boolean;
  selected: boolean;
  template: string;
  columns: readonly DataTableColumn<T>[];
  /** The virtualizer's measuring ref; absent for fixed rows. */
  measure: ((el: Element | null) => void) | undefined;
  /** The row's fixed height in px (fixedRows), else undefined (measured). */
  height: number | undefined;
  onClick: (row: T, id: string) => void;
}

/**
 * One row, memoised: while scrolling only the rows that come into view render (a row already shown keeps its
 * props), which keeps a frame's script time small at 10,000 rows.
 */
const TableRow = memo(function TableRow<T extends RowData>({ measure, ...p }: TableRowProps<T>) {
  const classes = ['data-table-row'];
  if (p.active) classes.push('active');
  if (p.selected) classes.push('selected');
  if (p.height !== undefined) classes.push('fixed');
  return (
    <div
      id={p.domId}
      ref={measure}
      data-index={p.index}
      data-row-id={p.rowId}
      data-testid={p.testId}
      role="row"
      aria-rowindex={p.index + 1}
      aria-selected={p.active}
      className={classes.join(' ')}
      style={{
        gridTemplateColumns: p.template,
        transform: `translateY(${p.top}px)`,
        ...(p.height !== undefined ? { height: p.height } : {}),
      }}
      onClick={() => p.onClick(p.row, p.rowId)}
    >
      {p.columns.map((c) => {
        // A fixed row cuts long text at the cell's edge: the column's text value is its tooltip.
        const tip = p.height !== undefined ? c.sortValue?.(p.row) : undefined;
        return (
          <div
            key={c.id}
            role="cell"
            data-col={c.id}
            className={`data-table-td align-${c.align ?? 'start'}`}
            title={typeof tip === 'string' ? tip : undefined}
          >
            {c.cell(p.row)}
          </div>
        );
      })}
    </div>
  );
}) as <T extends RowData>(p: TableRowProps<T>) => ReactNode;
