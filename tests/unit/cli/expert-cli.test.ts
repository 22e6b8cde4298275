import Papa from 'papaparse';
import { describe, expect, it, vi } from 'vitest';
import type { RiskRow } from '../../../preload/contract';
import { HEALTH_KEYS, NODE_KINDS } from '../../../preload/contract';
import type { DepartureReport, InventoryReport } from '../../../main/cli/expert-commands';
import { run, sample, withApp } from './cli-helpers';


/** A CSV printed by the CLI: it starts with the byte-order mark; rows as arrays. */
function csvRows(out: string): string[][] {
  expect(out.startsWith('\uFEFF')).toBe(true);
  const parsed = Papa.parse<string[]>(out.slice(1), { skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

/** Node and edge counts and the undo state: what "nothing written" compares. */
const footprint = (file: string) =>
  withApp(file, (ws) => ({ stats: ws.store.stats(), history: ws.store.history.state() }));

describe('cli: report risk', () => {
  it('prints the app’s risk ranking, highest first, each row with the expert id; CSV with BOM and headers', async () => {
    const file = await sample();
    const json = await run(['report', 'risk', '--workspace', file, '--format', 'json']);
    expect(json.code).toBe(0);
    const rows = JSON.parse(json.out) as RiskRow[];
    const app = await withApp(file, (ws) => ws.experts.risk());
    expect(rows).toEqual(app);
    expect(rows.length).toBe(21);
    expect(rows.map((r) => r.rank)).toEqual(rows.map((_, i) => i + 1));
    for (let i = 1; i < rows.length; i++) expect(rows[i - 1]!.total).toBeGreaterThanOrEqual(rows[i]!.total);
    expect(rows[0]!.id).toMatch(/^sample:ex-/);

    const csv = await run(['report', 'risk', '--workspace', file, '--format', 'csv']);
    expect(csv.code).toBe(0);
    const [header, ...body] = csvRows(csv.out);
    expect(header!.slice(0, 4)).toEqual(['Rank', 'Expert', 'ID', 'Department']);
    expect(header).toContain('Total risk');
    expect(body.map((r) => [Number(r[0]), r[2], Number(r[header!.indexOf('Total risk')])])).toEqual(
      app.map((r) => [r.rank, r.id, r.total]),
    );
  });
});

describe('cli: report inventory', () => {
  it('prints the dashboard’s summary, trend and health lists; counts by kind equal the store’s', async () => {
    const file = await sample();
    const { code, out } = await run(['report', 'inventory', '--workspace', file]);
    expect(code).toBe(0);
    const report = JSON.parse(out) as InventoryReport;
    const app = await withApp(file, (ws) => ({
      summary: ws.inventory.summary(),
      trend: ws.inventory.trend(),
      lists: HEALTH_KEYS.map((key) => ws.inventory.list({ facet: 'health', key }).map((r) => r.id)),
      stats: ws.store.stats(),
    }));
    expect(report.summary).toEqual(app.summary);
    expect(report.trend).toEqual(app.trend);
    expect(report.trend.points).toHaveLength(26);
    expect(HEALTH_KEYS.map((k) => report.lists[k].map((r) => r.id))).toEqual(app.lists);
    expect(HEALTH_KEYS.map((k) => report.lists[k].length)).toEqual(report.summary.health.map((b) => b.count));
    expect(report.summary.byKind.map((b) => b.count)).toEqual(NODE_KINDS.map((k) => app.stats.nodes[k] ?? 0));
    expect(report.trend.points.at(-1)!.knowledge).toBe(app.stats.nodes.knowledge);

    const csv = await run(['report', 'inventory', '--workspace', file, '--format', 'csv']);
    const [header, ...body] = csvRows(csv.out);
    expect(header).toEqual(['facet', 'key', 'label', 'count']);
    const s = app.summary;
    const buckets = [s.byKind, s.byCategory, s.byForm, s.byExistence, s.byOwner, s.bySeci, s.health].flat();
    expect(body).toHaveLength(buckets.length);
    expect(body.filter((r) => r[0] === 'form').map((r) => [r[1], Number(r[3])])).toEqual(
      s.byForm.map((b) => [b.key, b.count]),
    );
  });
});

describe('cli: simulate-departure', () => {
  it('simulates by id, by name and by alias (any case), with uncovered as item ids, as the app does', async () => {
    const file = await sample();
    const before = await footprint(file);
    const risk = await withApp(file, (ws) => ws.experts.risk());
    const top = risk[0]!;
    const app = await withApp(file, (ws) => ws.experts.simulate([top.id]));
    expect(app.uncovered.length).toBeGreaterThan(0);
    const expected: DepartureReport = {
      ...app,
      uncovered: app.uncovered.map((u) => u.id),
      uncoveredItems: app.uncovered,
    };

    const byId = await run(['simulate-departure', top.id, '--workspace', file, '--format', 'json']);
    expect(byId.code).toBe(0);
    expect(JSON.parse(byId.out)).toEqual(expected);
    const byName = await run(['simulate-departure', top.label, '--workspace', file]);
    expect(JSON.parse(byName.out)).toEqual(expected);
    // 吴秀兰's English alias is "Wu Xiulan".
    const wu = await run(['simulate-departure', 'wu XIULAN', '--workspace', file]);
    const wuAlone = JSON.parse(wu.out) as DepartureReport;
    expect(wuAlone.experts).toEqual([{ id: 'sample:ex-wu-xiulan', label: '吴秀兰' }]);

    // Two leavers, one by id and one by alias: the riskiest expert other than 吴秀兰 (she may be the top) and her.
    const other = risk.find((r) => r.id !== 'sample:ex-wu-xiulan')!;
    const two = await run(['simulate-departure', other.id, 'Wu Xiulan', '--workspace', file]);
    const appTwo = await withApp(file, (ws) => ws.experts.simulate([other.id, 'sample:ex-wu-xiulan']));
    expect((JSON.parse(two.out) as DepartureReport).uncovered).toEqual(appTwo.uncovered.map((u) => u.id));
    expect(appTwo.uncovered.length).toBeGreaterThan(wuAlone.uncovered.length);

    const csv = await run(['simulate-departure', top.id, '--workspace', file, '--format', 'csv']);
    const [header, ...body] = csvRows(csv.out);
    expect(header!.slice(0, 3)).toEqual(['Section', 'Name', 'ID']);
    expect(body.filter((r) => r[0] === 'Uncovered').map((r) => r[2])).toEqual(expected.uncovered);
    expect(await footprint(file)).toEqual(before);
  });

  it('refuses an unknown id, an unknown name and an ambiguous name, naming the value, writing nothing', async () => {
    const file = await sample();
    // A second 吴秀兰 makes the name ambiguous (test set-up, written through the app).
    const twin = await withApp(
      file,
      (ws) => ws.store.addNode({ kind: 'expert', label: '吴秀兰', props: { attritionRisk: 1 } }).id,
    );
    const before = await footprint(file);
    const err = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const cases: Array<[string[], string]> = [
        [['sample:ex-nobody'], 'There is no expert “sample:ex-nobody”'],
        [['刘国忠', '张三丰'], 'There is no expert “张三丰”'],
        [['吴秀兰'], `“吴秀兰” names more than one expert (sample:ex-wu-xiulan, ${twin})`],
      ];
      for (const [names, message] of cases) {
        err.mockClear();
        const r = await run(['simulate-departure', ...names, '--workspace', file]);
        expect(r.code).toBe(1);
        expect(r.out).toBe('');
        expect(err.mock.calls.flat().join(' ')).toContain(message);
      }
      // Usage errors exit 2 and say in one line what was wrong, naming the value.
      const usage: Array<[string[], string]> = [
        [['simulate-departure', '--workspace', file], 'needs at least one expert'],
        [['simulate-departure', '刘国忠', '--workspace', file, '--format', 'xml'], 'unknown --format “xml”'],
        [['simulate-departure', '', '--workspace', file], 'expert #1 is empty'],
        [['report', 'risk', '--workspace', file, '--format', 'CSV'], 'unknown --format “CSV”'],
        [['report', 'bogus', '--workspace', file], 'unknown report “bogus”'],
        [['report', 'risk'], 'report needs --workspace FILE'],
      ];
      for (const [args, message] of usage) {
        err.mockClear();
        expect((await run(args)).code, args.join(' ')).toBe(2);
        expect(String(err.mock.calls[0]?.[0]).split('\n')[0]).toContain(message);
      }
    } finally {
      err.mockRestore();
    }
    expect(await footprint(file)).toEqual(before);
  });
});
