import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { WorkspaceService } from '../../../../main/core/workspace/workspace-service';
import { isWellspringError, type WellspringError } from '../../../../main/core/util/errors';
import {
  collectExportViews,
  exportWellspringJson,
  parseWellspringJson,
} from '../../../../main/core/transfer/wellspring-json';
import { planWellspringJsonImport } from '../../../../main/core/transfer/wellspring-import';
import { applyWellspringJsonPlan } from '../../../../main/core/transfer/apply-import';
import type { WellspringDocument } from '../../../../main/core/transfer/wellspring-format';
import enTransfer from '../../../../renderer/src/i18n/locales/en/transfer.json';
import zhTransfer from '../../../../renderer/src/i18n/locales/zh-CN/transfer.json';
import { tempDir } from '../../helpers';
import { arrangedSample } from './transfer-fixtures';

function exportOf(ws: WorkspaceService, exportedAt = new Date()): string {
  return exportWellspringJson(ws.store.getGraph(), {
    workspaceName: ws.info().name,
    views: collectExportViews({ graph: ws.store, views: ws.views }),
    exportedAt,
  });
}

function emptyWorkspace(): WorkspaceService {
  const dir = tempDir();
  const ws = new WorkspaceService(path.join(dir, 'data'), 'node', { watch: false });
  ws.open(path.join(dir, 'imported.wellspring'), { create: true });
  return ws;
}

/**
 * What the write path does not carry over: the export time and the workspace's name (meta, not a graph row).
 * Nodes and edges keep their creation and change times (GraphOp `times`).
 */
function withoutTimes(doc: WellspringDocument) {
  return { ...doc, exportedAt: undefined, workspace: undefined };
}

const TEMPLATES = { en: enTransfer, 'zh-CN': zhTransfer };

/** Both languages translate `key` (`transfer:export.…`) and every value their templates interpolate is given. */
function expectTranslatable(key: string | undefined, params: Record<string, unknown> | undefined): void {
  expect(key).toMatch(/^transfer:export\.errors\./);
  for (const [lang, json] of Object.entries(TEMPLATES)) {
    const template = key!
      .slice('transfer:'.length)
      .split('.')
      .reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], json);
    expect(typeof template, `${lang} ${key}`).toBe('string');
    const names = [...(template as string).matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!);
    expect(
      names.filter((n) => !Object.hasOwn(params ?? {}, n)),
      `${lang} ${key}`,
    ).toEqual([]);
  }
}

function thrown(f: () => unknown): WellspringError {
  try {
    f();
  } catch (e) {
    if (isWellspringError(e)) return e;
    throw e;
  }
  throw new Error('did not throw');
}

describe('Wellspring JSON export and import', () => {
  it('exports the sample workspace, imports it into an empty one as one undo step, and exports the same document', async () => {
    const source = arrangedSample();
    const target = emptyWorkspace();
    try {
      const first = exportOf(source);
      const doc = JSON.parse(first) as WellspringDocument;
      const stats = source.store.stats();
      expect(doc).toMatchObject({ format: 'wellspring', version: 1 });
      expect(doc.nodes).toHaveLength(stats.nodeTotal);
      expect(doc.edges).toHaveLength(stats.edgeTotal);
      expect(doc.views.map((v) => [v.kind, v.name, v.positions.length])).toEqual([
        ['map', '', stats.nodeTotal],
        ['saved', '销售阶段的知识', 30],
        ['process', '团体定制销售流程', 1],
      ]);

      const plan = planWellspringJsonImport(first, 'sample.json', target.store.getGraph());
      expect(plan.problems).toEqual([]);
      expect(plan.summary.nodes).toEqual({ add: stats.nodeTotal, update: 0, unchanged: 0, skipped: 0 });
      expect(plan.summary.edges).toEqual({ add: stats.edgeTotal, update: 0, unchanged: 0, skipped: 0 });
      expect(plan.summary.positions).toBe(stats.nodeTotal + 31);
      const applied = applyWellspringJsonPlan(plan, { graph: target.store, views: target.views });
      expect(applied.createdViews).toHaveLength(2);

      const second = exportOf(target);
      expect(withoutTimes(JSON.parse(second) as WellspringDocument)).toEqual(withoutTimes(doc));
      expect(target.store.getGraph()).toEqual(source.store.getGraph());
      for (const v of source.views.list().filter((x) => x.kind !== 'map')) {
        const copy = target.views.list().find((x) => x.name === v.name)!;
        expect(target.store.getGraph(undefined, copy.id)).toEqual(source.store.getGraph(undefined, v.id));
      }

      // The whole import is one undo step; importing the same file again changes nothing.
      expect(planWellspringJsonImport(second, 'again.json', target.store.getGraph()).ops).toEqual([]);
      target.store.undo();
      expect(target.store.stats().nodeTotal).toBe(0);
    } finally {
      await source.shutdown();
      await target.shutdown();
    }
  });

  it('names the file, line and JSON path of what is wrong with the document', () => {
    const lines = [
      '{',
      '  "format": "wellspring",',
      '  "version": 1,',
      '  "exportedAt": "2026-12-01T08:00:00.000Z",',
      '  "workspace": { "name": "t" },',
      '  "nodes": [',
      '    { "id": "k1", "kind": "knowledge", "label": "面料缩水率控制", "aliases": [], "description": "", "tags": [], "props": {}, "createdAt": "", "updatedAt": "" },',
      '    { "id": "k2", "kind": "foo", "label": "x", "aliases": [], "description": "", "tags": [], "props": {}, "createdAt": "", "updatedAt": "" }',
      '  ],',
      '  "edges": [],',
      '  "views": []',
      '}',
    ];
    const unknown = thrown(() => parseWellspringJson(lines.join('\n'), 'team.json'));
    expect(unknown.message).toBe('team.json, line 8: nodes[1].kind: unknown kind “foo”.');
    expect(unknown.path).toEqual(['nodes', 1, 'kind']);
    expect(unknown.key).toBe('transfer:export.errors.unknownKind');
    expect(unknown.params).toEqual({ file: 'team.json', line: 8, path: 'nodes[1].kind', value: 'foo' });

    const missing = lines.map((l) => l.replace('"label": "面料缩水率控制", ', ''));
    const noLabel = thrown(() => parseWellspringJson(missing.join('\n'), 'team.json'));
    expect(noLabel.message).toBe('team.json, line 7: nodes[0].label is missing.');

    // A syntax error: a comma missing after line 3's value is found at the start of line 4.
    const broken = lines.map((l, i) => (i === 2 ? l.replace(',', '') : l));
    const syntax = thrown(() => parseWellspringJson(broken.join('\r\n'), 'team.json'));
    expect(syntax.message).toMatch(/^team\.json, line 4, column 3: not valid JSON \(expected “,” or “}”/);
    expect(syntax.params).toMatchObject({ line: 4, column: 3 });

    const newer = lines.map((l) => l.replace('"version": 1', '"version": 2'));
    const refused = thrown(() => parseWellspringJson(newer.join('\n'), 'team.json'));
    expect(refused.message).toBe(
      'team.json was exported by a newer Wellspring (format version 2); this build reads version 1 or older. Update Wellspring to import it.',
    );
    expect(refused.key).toBe('transfer:export.errors.newerVersion');

    const other = thrown(() => parseWellspringJson('{"elements": {}}', 'graph.cyjs'));
    expect(other.key).toBe('transfer:export.errors.notWellspring');
    for (const e of [unknown, noLabel, syntax, refused, other]) expectTranslatable(e.key, e.params);
    // A byte order mark at the start is allowed.
    const ok = lines.map((l) => l.replace('"kind": "foo"', '"kind": "expert"'));
    expect(parseWellspringJson(`\uFEFF${ok.join('\n')}`, 'team.json').doc.nodes).toHaveLength(2);
  });

  it('plans around problems: each is skipped or turned into an update, with its line', async () => {
    const ws = emptyWorkspace();
    try {
      ws.store.apply([
        { op: 'addNode', id: 'k9', node: { kind: 'knowledge', label: '旧名称' } },
        {
          op: 'addNode',
          id: 'u1',
          node: { kind: 'unit', label: '苏州服装厂', props: { unitType: 'plant' } },
        },
      ]);
      const knowledge =
        '"aliases": [], "description": "", "tags": [], "props": {"form": "tacit", "existence": "person", "status": "active", "confidentiality": "internal", "importance": 3}, "createdAt": "", "updatedAt": ""';
      const text = [
        '{"format": "wellspring", "version": 1, "exportedAt": "2026-12-01T08:00:00.000Z", "workspace": {"name": "t"},',
        ' "nodes": [',
        `  {"id": "k1", "kind": "knowledge", "label": "面料缩水率控制", ${knowledge}},`,
        `  {"id": "k1", "kind": "knowledge", "label": "重复", ${knowledge}},`,
        '  {"id": "x1", "kind": "expert", "label": "王芳", "aliases": [], "description": "", "tags": [], "props": {"attritionRisk": 9}, "createdAt": "", "updatedAt": ""},',
        `  {"id": "k9", "kind": "knowledge", "label": "新名称", ${knowledge}},`,
        `  {"id": "u1", "kind": "knowledge", "label": "换了类型", ${knowledge}},`,
        '  {"id": "s1", "kind": "step", "label": "裁剪", "aliases": [], "description": "", "tags": [], "props": {"order": 1}, "createdAt": "", "updatedAt": ""},',
        '  {"id": "x2", "kind": "expert", "label": "李强", "aliases": [], "description": "", "tags": [], "props": {"attritionRisk": 4, "expectedLeaving": "2020-06-30"}, "createdAt": "", "updatedAt": ""}',
        ' ],',
        ' "edges": [',
        '  {"id": "e1", "kind": "knows", "source": "x1", "target": "k1", "props": {"proficiency": 4}, "createdAt": ""},',
        '  {"id": "e2", "kind": "requires", "source": "k1", "target": "s1", "props": {}, "createdAt": ""},',
        '  {"id": "e3", "kind": "requires", "source": "s1", "target": "k1", "props": {"importance": 3}, "createdAt": ""},',
        '  {"id": "e4", "kind": "requires", "source": "s1", "target": "k1", "props": {}, "createdAt": ""}',
        ' ],',
        ' "views": [{"kind": "map", "name": "", "filters": {}, "layout": {}, "camera": null, "order": 0,',
        '   "positions": [{"id": "k1", "x": 1, "y": 2}, {"id": "x1", "x": 3, "y": 4}]}]',
        '}',
      ].join('\n');
      const plan = planWellspringJsonImport(text, 'team.json', ws.store.getGraph());
      expect(
        plan.problems.map((p) => [p.line, p.path, p.key.replace('transfer:export.errors.', '')]),
      ).toEqual([
        [4, 'nodes[1]', 'duplicateId'],
        [5, 'nodes[2].props.attritionRisk', 'badProps'],
        [6, 'nodes[3]', 'updatesExisting'],
        [7, 'nodes[4]', 'kindChanged'],
        [9, 'nodes[6].props.expectedLeaving', 'leavingDatePassed'],
        [12, 'edges[0].source', 'missingEnd'],
        [13, 'edges[1].kind', 'edgeRule'],
        [15, 'edges[3]', 'duplicateEdge'],
      ]);
      for (const p of plan.problems) expectTranslatable(p.key, p.params);
      expect(plan.problems[0]!.params).toEqual({
        file: 'team.json',
        line: 4,
        path: 'nodes[1]',
        id: 'k1',
        first: 3,
      });
      expect(plan.problems[0]!.reason).toBe(
        'team.json, line 4: nodes[1]: the id k1 is used twice; this one is skipped.',
      );
      expect(plan.summary.nodes).toEqual({ add: 3, update: 1, unchanged: 0, skipped: 3 });
      expect(plan.summary.edges).toEqual({ add: 1, update: 0, unchanged: 0, skipped: 3 });
      // x1 was skipped: only k1's position is written.
      expect(plan.ops.at(-1)).toEqual({
        op: 'setPositions',
        viewId: 'map',
        positions: [{ id: 'k1', x: 1, y: 2 }],
      });

      applyWellspringJsonPlan(plan, { graph: ws.store, views: ws.views });
      const g = ws.store.getGraph();
      expect(g.nodes.map((n) => [n.id, n.kind, n.label])).toEqual([
        ['k9', 'knowledge', '新名称'],
        ['u1', 'unit', '苏州服装厂'],
        ['k1', 'knowledge', '面料缩水率控制'],
        ['s1', 'step', '裁剪'],
        ['x2', 'expert', '李强'],
      ]);
      // The leaving date has passed (the store refuses such dates): the expert comes without it.
      expect(g.nodes.find((n) => n.id === 'x2')!.props).toEqual({ attritionRisk: 4 });
      expect(g.nodes.find((n) => n.id === 'k9')!.props.form).toBe('tacit');
      expect(g.edges.map((e) => [e.id, e.kind, e.props])).toEqual([['e3', 'requires', { importance: 3 }]]);
      expect(g.nodes.find((n) => n.id === 'k1')).toMatchObject({ x: 1, y: 2 });
    } finally {
      await ws.shutdown();
    }
  });
});
