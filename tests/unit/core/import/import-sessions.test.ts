import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EventPayload, ImportPlanDto } from '../../../../preload/contract';
import { openWorkspaceDb } from '../../../../main/core/db/workspace-db';
import { GraphStore } from '../../../../main/core/graph/graph-store';
import { ViewStore } from '../../../../main/core/graph/view-store';
import { ImportSessions } from '../../../../main/core/import/import-sessions';
import { planImport } from '../../../../main/core/import';
import { exportWellspringJson, collectExportViews } from '../../../../main/core/transfer/wellspring-json';
import { fixture, tempDir } from '../../helpers';
import { mappingOf, tableOf } from './import-helpers';
import { SYNTHETIC_IMPORT_MAPPING, syntheticImportCsv } from '../../../bench/synthetic-import';

type Progress = EventPayload<'import:did-progress'>;

/** Sessions over a new workspace file (real SQLite), with the progress events they send. */
function setup(maxSessions?: number) {
  const { db } = openWorkspaceDb(path.join(tempDir(), 'w.wellspring'), { create: true });
  const store = new GraphStore(db);
  const views = new ViewStore(db);
  const progress: Progress[] = [];
  const sessions = new ImportSessions({
    store: () => store,
    views: () => views,
    progress: (p) => progress.push(p),
    ...(maxSessions ? { maxSessions } : {}),
  });
  return { db, store, views, sessions, progress };
}

const b64 = (name: string) => fs.readFileSync(fixture(name)).toString('base64');
const DEBIAN = mappingOf('import/debian-teams.mapping.json');

/** The plan without what names the session. */
function comparable(p: ImportPlanDto) {
  const { sessionId: _s, fileName: _f, sheet: _h, ...rest } = p;
  return rest;
}

/** Fails unless `promise` rejects with a WellspringError of this translation key; returns it. */
async function rejectsWith(
  promise: Promise<unknown>,
  key: string,
): Promise<{ message: string; params: object }> {
  const e = (await promise.then(
    () => null,
    (x: unknown) => x,
  )) as { key?: string; message: string; params: object } | null;
  expect(e, `expected a rejection with ${key}`).not.toBeNull();
  expect(e!.key).toBe(key);
  return e!;
}

describe('import sessions (the wizard’s service) on real files', () => {
  it('the UTF-8 Debian file and its GB18030 twin: detected encodings, Chinese preview, the same plan as the core’s', async () => {
    const { sessions } = setup();
    const utf8 = await sessions.open('debian-teams.csv', b64('import/debian-teams.csv'));
    const gb = await sessions.open('debian-teams.gb18030.csv', b64('import/debian-teams.gb18030.csv'));
    expect([utf8.format, utf8.encoding, utf8.delimiter]).toEqual(['csv', 'UTF-8', ',']);
    expect([gb.format, gb.encoding, gb.encodingChosen]).toEqual(['csv', 'GB18030', false]);
    expect(gb.header).toEqual(utf8.header);
    expect(gb.header).toContain('description_zh_CN');
    // Row 1 of the file starts on line 2; its Chinese short description is the 7th column.
    expect(gb.preview[0]).toMatchObject({ line: 2 });
    expect(gb.preview[0]!.cells[6]).toBe('古代战争实时策略游戏');
    expect(gb.preview).toEqual(utf8.preview);
    expect(gb.rows).toBe(101);
    expect(gb.problemCount).toBe(0);

    const a = await sessions.plan(utf8.sessionId, DEBIAN);
    const b = await sessions.plan(gb.sessionId, DEBIAN);
    expect(comparable(b)).toEqual(comparable(a));
    // What the core plans for the UTF-8 file, straight.
    const core = planImport(await tableOf('import/debian-teams.csv'), DEBIAN, { nodes: [], edges: [] });
    expect(a).toMatchObject({
      clean: true,
      rows: core.summary.rows,
      newNodes: core.summary.newNodes,
      newEdges: core.summary.newEdges,
      operations: core.ops.length,
      duplicateCount: core.summary.duplicates.length,
    });
    expect(a.byKind).toEqual(core.summary.byKind);
  });

  it('reread with another encoding changes the preview; null detects again', async () => {
    const { sessions } = setup();
    const s = await sessions.open('debian-teams.gb18030.csv', b64('import/debian-teams.gb18030.csv'));
    const wrong = await sessions.reread(s.sessionId, { encoding: 'Big5' });
    expect([wrong.encoding, wrong.encodingChosen]).toEqual(['Big5', true]);
    expect(wrong.preview[0]!.cells[6]).not.toBe('古代战争实时策略游戏');
    const utf8 = await sessions.reread(s.sessionId, { encoding: 'UTF-8' });
    expect(utf8.preview[0]!.cells[6]).toContain('\uFFFD');
    const back = await sessions.reread(s.sessionId, { encoding: null });
    expect([back.encoding, back.encodingChosen]).toEqual(['GB18030', false]);
    expect(back.preview[0]!.cells[6]).toBe('古代战争实时策略游戏');
    // An unknown encoding is refused and the session stays as it was.
    await rejectsWith(
      sessions.reread(s.sessionId, { encoding: 'EBCDIC' }),
      'transfer:import.errors.unknownEncoding',
    );
    expect((await sessions.reread(s.sessionId, {})).encoding).toBe('GB18030');
    // Another header row: the header is the file's 2nd record (line 7), the data starts after it.
    const second = await sessions.reread(s.sessionId, { headerRow: 2 });
    expect([second.headerLine, second.header[1], second.rows]).toEqual([2, '0ad', 100]);
  });

  it('a malformed CSV lists its problems with their lines; apply refuses and writes nothing', async () => {
    const { sessions, store } = setup();
    const s = await sessions.open('debian-teams.malformed.csv', b64('import/debian-teams.malformed.csv'));
    // The reader's own problem: the quote opened on line 28 and never closed.
    expect(s.problems.map((p) => [p.line, p.key])).toEqual([[28, 'transfer:import.errors.unclosedQuote']]);
    const plan = await sessions.plan(s.sessionId, DEBIAN);
    expect(plan.clean).toBe(false);
    expect(plan.operations).toBe(0);
    expect(plan.problems.map((p) => [p.line, p.key])).toEqual([
      [19, 'transfer:import.errors.fieldCount'],
      [28, 'transfer:import.errors.unclosedQuote'],
    ]);
    expect(plan.problems[0]!.params).toEqual({ count: 7, expected: 8 });
    const before = store.stats();
    const e = await rejectsWith(
      sessions.apply(s.sessionId, DEBIAN),
      'transfer:import.errors.planHasProblems',
    );
    expect(e.message).toContain('debian-teams.malformed.csv');
    expect(store.stats()).toEqual(before);
    expect(store.history.state().canUndo).toBe(false);
  });

  it('apply writes a clean plan as one undo step; undo takes all of it back', async () => {
    const { sessions, store } = setup();
    const s = await sessions.open('debian-teams.csv', b64('import/debian-teams.csv'));
    const plan = await sessions.plan(s.sessionId, DEBIAN);
    const done = await sessions.apply(s.sessionId, DEBIAN);
    expect(done).toMatchObject({
      newNodes: plan.newNodes,
      newEdges: plan.newEdges,
      operations: plan.operations,
    });
    const g = store.getGraph();
    expect(g.nodes.filter((n) => n.kind === 'expert').length).toBe(plan.byKind.expert!.new);
    expect(g.nodes.filter((n) => n.kind === 'knowledge').length).toBe(plan.byKind.knowledge!.new);
    expect(g.edges.filter((e) => e.kind === 'knows').length).toBe(plan.byKind.knows!.new);
    // The same file again changes nothing: every node and edge is there.
    const again = await sessions.plan(s.sessionId, DEBIAN);
    expect([again.newNodes, again.newEdges, again.operations]).toEqual([0, 0, 0]);
    store.undo();
    expect(store.getGraph().nodes).toEqual([]);
    expect(store.history.state().canUndo).toBe(false);
  });

  it('an XLSX with a Chinese sheet name: its sheets, another sheet shown, the mapping’s sheet planned', async () => {
    const { sessions } = setup();
    const s = await sessions.open(
      'derived_team_packages_and_esco.xlsx',
      b64('import/derived_team_packages_and_esco.xlsx'),
    );
    expect(s.format).toBe('xlsx');
    expect(s.encodings).toEqual([]);
    expect(s.sheets.map((x) => x.name)).toEqual(['团队与软件包', 'ESCO ICT skills', 'ESCO transversal']);
    expect(s.sheet).toBe('团队与软件包');
    const esco = await sessions.reread(s.sessionId, { sheet: 'ESCO ICT skills' });
    expect(esco.header).not.toEqual(s.header);
    // The mapping names its sheet: that one is planned whatever the preview shows.
    const plan = await sessions.plan(s.sessionId, { ...DEBIAN, sheet: '团队与软件包' });
    expect(plan).toMatchObject({ sheet: '团队与软件包', clean: true });
    await rejectsWith(
      sessions.reread(s.sessionId, { sheet: '没有' }),
      'transfer:import.errors.sheetNotFound',
    );
  });

  it('a Wellspring JSON export needs no mapping; its plan and apply come from main/core/transfer', async () => {
    const src = setup();
    src.store.apply([
      { op: 'addNode', id: 'k1', node: { kind: 'knowledge', label: '门店陈列规范' } },
      { op: 'addNode', id: 'e1', node: { kind: 'expert', label: '王芳' } },
      { op: 'addEdge', edge: { kind: 'knows', source: 'e1', target: 'k1', props: { proficiency: 4 } } },
    ]);
    const json = exportWellspringJson(src.store.getGraph(), {
      workspaceName: '样例',
      views: collectExportViews({ graph: src.store, views: src.views }),
    });
    const { sessions, store } = setup();
    const s = await sessions.open('样例.json', Buffer.from(json).toString('base64'));
    expect(s.format).toBe('wellspring-json');
    const plan = await sessions.plan(s.sessionId, undefined);
    expect(plan).toMatchObject({ clean: true, newNodes: 2, newEdges: 1, byKind: { knows: { new: 1 } } });
    const done = await sessions.apply(s.sessionId, undefined);
    expect(done.nodeIds.sort()).toEqual(['e1', 'k1']);
    expect(
      store
        .getGraph()
        .nodes.map((n) => n.label)
        .sort(),
    ).toEqual(['王芳', '门店陈列规范']);
    // A JSON file that is not an export is refused at once, naming the file.
    const other = setup().sessions;
    await rejectsWith(
      other.open('x.json', Buffer.from('{"format": "other"}').toString('base64')),
      'transfer:export.errors.notWellspring',
    );
  });

  it('a Wellspring JSON export edited since: its changed nodes are updates, not problems, and it imports', async () => {
    const { sessions, store, views } = setup();
    store.apply([{ op: 'addNode', id: 'k1', node: { kind: 'knowledge', label: '门店陈列规范' } }]);
    const exported = exportWellspringJson(store.getGraph(), {
      workspaceName: '样例',
      views: collectExportViews({ graph: store, views }),
    });
    const doc = JSON.parse(exported) as {
      nodes: { label: string }[];
    };
    doc.nodes[0]!.label = '门店陈列规范（2027 版）';
    const s = await sessions.open('样例.json', Buffer.from(JSON.stringify(doc, null, 2)).toString('base64'));
    const plan = await sessions.plan(s.sessionId, undefined);
    expect(plan).toMatchObject({ clean: true, updatedNodes: 1, problems: [], operations: 1 });
    await sessions.apply(s.sessionId, undefined);
    expect(store.getGraph().nodes.map((n) => n.label)).toEqual(['门店陈列规范（2027 版）']);
  });

  it('refuses a file over the limit by its name, bad base64, and sessions that are gone; keeps at most N', async () => {
    const { sessions } = setup(2);
    const huge = 'A'.repeat(Math.ceil(((40 * 1024 * 1024 + 10) * 4) / 3 / 4) * 4);
    const e = await rejectsWith(sessions.open('大表.csv', huge), 'transfer:import.errors.fileTooBig');
    expect(e.message).toContain('大表.csv');
    await rejectsWith(sessions.open('a.csv', 'no base64!'), 'transfer:import.errors.badBase64');
    const one = await sessions.open('a.csv', Buffer.from('名称\n甲\n').toString('base64'));
    await sessions.open('b.csv', Buffer.from('名称\n乙\n').toString('base64'));
    await sessions.open('c.csv', Buffer.from('名称\n丙\n').toString('base64'));
    expect(sessions.size).toBe(2);
    await rejectsWith(sessions.plan(one.sessionId, DEBIAN), 'transfer:import.errors.sessionGone');
    sessions.clear();
    expect(sessions.size).toBe(0);
  });

  it('100k rows in GB18030: reading and planning report progress; Cancel stops a read and a plan', async () => {
    const { sessions, progress } = setup();
    const data = syntheticImportCsv(100_000).toString('base64');
    // Cancel while reading, at the first progress report.
    const reading = sessions.open('big.gb18030.csv', data, 'big-read-1');
    await new Promise<void>((resolve) => {
      const t = setInterval(() => {
        if (progress.some((p) => p.sessionId === 'big-read-1' && p.done > 0)) {
          clearInterval(t);
          resolve();
        }
      }, 1);
    });
    expect(sessions.cancel('big-read-1')).toBe(true);
    await rejectsWith(reading, 'transfer:import.errors.cancelled');
    expect(sessions.size).toBe(0);

    const t0 = performance.now();
    const s = await sessions.open('big.gb18030.csv', data, 'big-read-2');
    const read = performance.now() - t0;
    expect([s.encoding, s.rows]).toEqual(['GB18030', 100_000]);
    const reads = progress.filter((p) => p.sessionId === s.sessionId && p.phase === 'reading');
    expect(reads.length).toBeGreaterThanOrEqual(20);

    const t1 = performance.now();
    const plan = await sessions.plan(s.sessionId, SYNTHETIC_IMPORT_MAPPING);
    const planned = performance.now() - t1;
    expect(plan).toMatchObject({ clean: true, newNodes: 75_000, newEdges: 25_000 });
    const plans = progress.filter((p) => p.sessionId === s.sessionId && p.phase === 'planning');
    expect(plans.length).toBeGreaterThanOrEqual(20);
    expect(plans.at(-1)!.total).toBe(200_000);

    // Cancel while planning: the plan rejects, the session stays for another try.
    const before = progress.length;
    const planning = sessions.plan(s.sessionId, SYNTHETIC_IMPORT_MAPPING);
    await new Promise<void>((resolve) => {
      const t = setInterval(() => {
        if (progress.slice(before).some((p) => p.phase === 'planning' && p.done > 0)) {
          clearInterval(t);
          resolve();
        }
      }, 1);
    });
    sessions.cancel(s.sessionId);
    await rejectsWith(planning, 'transfer:import.errors.cancelled');
    expect(sessions.size).toBe(1);
    console.log(
      `import sessions, 100k GB18030 rows: read ${read.toFixed(0)} ms, plan ${planned.toFixed(0)} ms`,
    );
  }, 60_000);
});
