/**
 * Where the inventory's bar charts draw their grid, in CSS px from the chart element's edges. The grid is placed
 * exactly there (`outerBoundsMode: 'none'`), so a bar's position follows from these numbers and the bucket count:
 * the end-to-end test clicks a real bar on the canvas with them (ECharts' `convertToPixel` is not reachable from
 * the page). No imports, so the tests can read it without loading ECharts.
 */

/**
 * Grid margins of the bar charts. Every bar chart lies down: labels on the left get HORIZONTAL_LABEL_WIDTH px in
 * either language (standing bars gave "socialisation" and "database / system" some 50 px and broke them mid-word).
 */
export const HORIZONTAL_GRID = { left: 128, right: 40, top: 6, bottom: 24 } as const;

/** Width (px) a category label may take on the left of a horizontal bar chart before it is cut with "…". */
export const HORIZONTAL_LABEL_WIDTH = 118;

/** Height (px) of one row of a horizontal bar chart; the chart grows with its bucket count. */
export const HORIZONTAL_ROW_PX = 26;

/** Height (px) of the donut and the trend. */
export const CHART_HEIGHT_PX = 240;

/**
 * The height (px) of a horizontal bar chart of `n` buckets: its grid margins and one row per bucket, never under
 * 120 px. Exported for the test, which computes bar centres with it.
 */
export function horizontalChartHeight(n: number): number {
  return Math.max(120, HORIZONTAL_GRID.top + HORIZONTAL_GRID.bottom + n * HORIZONTAL_ROW_PX);
}
