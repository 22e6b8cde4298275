import Papa from 'papaparse';
import type { DepartureSimulation, HealthKey, InventorySummary } from '../../preload/contract';
import { HEALTH_KEYS } from '../../preload/contract';
import common from '../../renderer/src/i18n/locales/en/common.json';
import { departureTable, riskTable } from '../core/reports/expert-tables';
import { fill } from '../core/reports/report-labels';
import { BOM, writeCsv } from '../core/reports/write-csv';
import { localToday } from '../core/util/clock';
import { foldText } from '../core/util/text';
import { WorkspaceService } from '../core/workspace/workspace-service';
import { userDataDir } from '../core/workspace/paths';
import type { Out } from './library-commands';

/** Output format of the issue-8 commands. */
export type Format = 'json' | 'csv';

/** Opens a workspace for one read-only command (no folder watching) and always shuts it down. */
async function withWorkspace(file: string, f: (ws: WorkspaceService) => number): Promise<number> {
  const ws = new WorkspaceService(userDataDir(), 'node', { watch: false });
  ws.open(file);
  try {
    return f(ws);
  } finally {
    await ws.shutdown();
  }
}

/** A CSV report table as printed: UTF-8 text with its byte-order mark, CRLF line ends, no final line end. */
const csvText = (bytes: Buffer) => bytes.toString('utf8').replace(/\r\n$/, '');

/**
 * `report risk`: the key-person risk ranking of ExpertService.risk() — the same rows the Experts view shows.
 * JSON: the RiskRow array, highest risk first (each row with the expert's `id`); CSV: the exported risk report's
 * table (English headers, BOM). @returns 0 @throws WellspringError of opening the workspace
 */
export function riskCommand(file: string, format: Format, out: Out): Promise<number> {
  return withWorkspace(file, (ws) => {
    const rows = ws.experts.risk();
    out(
      format === 'json'
        ? JSON.stringify(rows, null, 2)
        : csvText(writeCsv(riskTable(rows, localToday(), 'en'))),
    );
    return 0;
  });
}

/** What `report inventory --format json` prints. */
export interface InventoryReport {
  summary: InventorySummary;
  trend: ReturnType<WorkspaceService['inventory']['trend']>;
  /** The items of each health list, by label. */
  lists: Record<HealthKey, Array<{ id: string; label: string }>>;
}

/**
 * `report inventory`: the knowledge inventory of InventoryService (the dashboard's numbers). JSON: the summary,
 * the 26-week trend and the five health lists (item ids and labels); CSV: one row per bucket of the summary —
 * facet, key (empty for "none recorded"), label, count. @returns 0 @throws WellspringError of opening the workspace
 */
export function inventoryCommand(file: string, format: Format, out: Out): Promise<number> {
  return withWorkspace(file, (ws) => {
    const summary = ws.inventory.summary();
    if (format === 'json') {
      const lists = Object.fromEntries(
        HEALTH_KEYS.map((key) => [
          key,
          ws.inventory.list({ facet: 'health', key }).map((r) => ({ id: r.id, label: r.label })),
        ]),
      ) as InventoryReport['lists'];
      const report: InventoryReport = { summary, trend: ws.inventory.trend(), lists };
      out(JSON.stringify(report, null, 2));
      return 0;
    }
    const facets = [
      ['kind', summary.byKind],
      ['category', summary.byCategory],
      ['form', summary.byForm],
      ['existence', summary.byExistence],
      ['owner', summary.byOwner],
      ['seci', summary.bySeci],
      ['health', summary.health],
    ] as const;
    const data = facets.flatMap(([facet, buckets]) =>
      buckets.map((b) => [facet, b.key ?? '', b.label, b.count]),
    );
    out(
      BOM +
        Papa.unparse(
          { fields: ['facet', 'key', 'label', 'count'], data },
          { newline: '\r\n', escapeFormulae: true },
        ),
    );
    return 0;
  });
}

/** How a name given on the command line resolved: one expert id, or why not. */
export type ExpertMatch = { id: string } | { error: 'not-found' } | { error: 'ambiguous'; ids: string[] };

/**
 * The expert `name` names: the expert with that id; else the experts with that label; else those with that alias
 * (foldText: NFKC, case-folded, trimmed). Several matches at the first level that has any make it ambiguous.
 */
export function resolveExpert(ws: WorkspaceService, name: string): ExpertMatch {
  const index = ws.knowledge.index();
  if (index.kindOf(name) === 'expert') return { id: name };
  const fold = (s: string) => foldText(s).trim();
  const wanted = fold(name);
  const experts = index.idsOfKind('expert').map((id) => index.node(id)!);
  let ids = experts.filter((n) => fold(n.label) === wanted).map((n) => n.id);
  if (!ids.length) ids = experts.filter((n) => n.aliases.some((a) => fold(a) === wanted)).map((n) => n.id);
  if (ids.length === 1) return { id: ids[0]! };
  return ids.length ? { error: 'ambiguous', ids } : { error: 'not-found' };
}

/** What `simulate-departure --format json` prints: `uncovered` as item ids, the objects kept as `uncoveredItems`. */
export type DepartureReport = Omit<DepartureSimulation, 'uncovered'> & {
  uncovered: string[];
  uncoveredItems: DepartureSimulation['uncovered'];
};

/**
 * `simulate-departure <expert id or name> [more…]`: ExpertService.simulate of the named experts, nothing written.
 * Each name resolves by resolveExpert; the first that does not prints the expertNotFound / expertAmbiguous message
 * (English, naming the value) on stderr and answers 1. JSON: the DepartureSimulation with `uncovered` the ids of
 * the items left with no holder at proficiency ≥ 3 (DepartureReport); CSV: the exported departure report's table.
 * @returns 0, or 1 for a name that names no expert or several @throws WellspringError of opening the workspace
 */
export function simulateDepartureCommand(
  file: string,
  names: readonly string[],
  format: Format,
  out: Out,
): Promise<number> {
  return withWorkspace(file, (ws) => {
    const ids: string[] = [];
    for (const name of names) {
      const m = resolveExpert(ws, name);
      if ('error' in m) {
        console.error(
          `wellspring: ${
            m.error === 'not-found'
              ? fill(common.errors.expertNotFound, { value: name })
              : fill(common.errors.expertAmbiguous, { value: name, matches: m.ids.join(', ') })
          }`,
        );
        return 1;
      }
      if (!ids.includes(m.id)) ids.push(m.id);
    }
    const sim = ws.experts.simulate(ids);
    if (format === 'csv') out(csvText(writeCsv(departureTable(sim, localToday(), 'en'))));
    else {
      const report: DepartureReport = {
        ...sim,
        uncovered: sim.uncovered.map((u) => u.id),
        uncoveredItems: sim.uncovered,
      };
      out(JSON.stringify(report, null, 2));
    }
    return 0;
  });
}
