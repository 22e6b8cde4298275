// Public API of spreadsheet import (issue 10 §1): read a table, parse a mapping, plan, apply.
export { readTable, type ReadTableOptions } from './read-table';
export type { ReadProgress, Table, TableRow, TableSheet } from './table';
export {
  ImportMapping,
  parseMapping,
  mappingToJson,
  type EdgeEnd,
  type EdgeMapping,
  type NodeMapping,
  type RowCondition,
  type ValueSource,
} from './mapping';
export {
  planImport,
  planImportAsync,
  type PlanProgress,
  type ImportDuplicate,
  type ImportPlan,
  type ImportProblem,
  type ImportSummary,
  type KindCounts,
} from './plan';
export { applyImport, type ImportResult } from './apply';
