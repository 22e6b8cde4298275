import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CHANNELS,
  CHANNEL_NAMES,
  EVENTS,
  type Channel,
  type EventName,
  type InputOf,
  type StrengthSettings,
} from '../../../../preload/contract';
import { createHandlers } from '../../../../main/core/api/handlers';
import { dispatch } from '../../../../main/core/api/dispatch';
import { WorkspaceService } from '../../../../main/core/workspace/workspace-service';
import { fixture, tempDir } from '../../helpers';
import { freshSchema, teamUrl } from '../../team-helpers';
import { openTeamWorkspace } from '../../../../main/core/team/team-workspace';

/**
 * Every channel answers what its output schema says, and every event a real session emits fits its schema
 * (the contract validates inputs at run time; this test holds main to the outputs and events).
 */
describe('contract conformance on the sample workspace', () => {
  it('every channel output and every emitted event parses with its schema', async () => {
    const dir = tempDir();
    const docs = path.join(dir, 'docs');
    fs.mkdirSync(docs);
    fs.copyFileSync(fixture('documents/pdfjs/issue12823.pdf'), path.join(docs, '知识库.pdf'));
    const ws = new WorkspaceService(dir, 'node', { watch: false, threads: 1 });
    const events: Array<{ event: EventName; payload: unknown }> = [];
    ws.onEvent((event, payload) => events.push({ event, payload }));
    ws.open(path.join(dir, 'sample.wellspring'), { create: true, sample: true });
    const saved: string[] = [];
    const handlers = createHandlers(ws, {
      saveFile: async (name) => (saved.push(name), path.join(dir, name)),
      openExternal: async () => undefined,
      pickFolder: async () => docs,
      printPdf: async () => Buffer.from('%PDF-1.7\n'),
    });
    const called = new Set<Channel>();
    async function ok<C extends Channel>(channel: C, input: InputOf<C>) {
      const r = await dispatch(handlers, channel, input);
      if (!r.ok) throw new Error(`${channel}: ${r.code} ${r.message}`);
      called.add(channel);
      return CHANNELS[channel].output.parse(r.value) as never;
    }

    const graph = (await ok('graph:get', {})) as {
      nodes: Array<{ id: string; kind: string; label: string }>;
    };
    const item = graph.nodes.find((n) => n.kind === 'knowledge')!;
    await ok('workspace:info', {});
    await ok('workspace:stats', {});
    await ok('workspace:recent', {});
    await ok('graph:ego', { nodeId: item.id, depth: 2, filter: { kinds: ['expert', 'knowledge'] } });
    await ok('graph:get-node', { id: item.id });
    const added = (await ok('graph:add-node', { kind: 'category', label: '门店陈列', x: 1, y: 2 })) as {
      id: string;
    };
    await ok('graph:update-node', { id: added.id, patch: { aliases: ['Store display'] } });
    const edge = (await ok('graph:add-edge', { kind: 'related', source: added.id, target: item.id })) as {
      id: string;
    };
    await ok('graph:update-edge', { id: edge.id, props: { note: '陈列规范' } });
    await ok('graph:elements', { nodeIds: [added.id, 'gone'], edgeIds: [edge.id], viewId: 'map' });
    await ok('graph:map', {});
    await ok('graph:map', { filter: { kinds: ['knowledge'] } });
    await ok('graph:map-elements', { nodeIds: [added.id, 'gone'], edgeIds: [edge.id], viewId: 'map' });
    await ok('graph:apply', {
      ops: [
        { op: 'addNode', id: 'new-term', node: { kind: 'term', label: '陈列' } },
        { op: 'addEdge', edge: { kind: 'defines', source: 'new-term', target: added.id } },
      ],
    });
    await ok('graph:delete-edge', { id: edge.id });
    await ok('history:state', {});
    await ok('history:undo', {});
    await ok('history:redo', {});
    await ok('graph:delete-node', { id: added.id });
    const view = (await ok('views:create', {
      kind: 'saved',
      name: '销售视图',
      copyPositionsFrom: 'map',
    })) as {
      id: string;
    };
    await ok('views:list', {});
    await ok('views:get', { id: view.id });
    await ok('views:update', { id: view.id, patch: { camera: { zoom: 1.5, pan: { x: 10, y: -4 } } } });
    await ok('views:save-positions', { viewId: view.id, positions: [{ id: item.id, x: 3, y: 4 }] });
    await ok('views:delete', { id: view.id });
    await ok('analytics:map-metrics', {});
    await ok('search:status', {});
    await ok('search:query', { query: '拜访 记录' });
    await ok('search:nodes', { query: 'crm 规范', limit: 5 });
    await ok('dialog:pick-folder', {});
    const folder = (await ok('library:add-folder', { path: docs })) as { id: number };
    await ws.library.whenIdle();
    await ok('library:folders', {});
    await ok('library:progress', {});
    const list = (await ok('library:documents', { folderId: folder.id })) as {
      docs: Array<{ id: number; path: string }>;
    };
    const doc = list.docs[0]!;
    await ok('library:document', { id: doc.id });
    await ok('library:page-text', { id: doc.id, page: 1 });
    await ok('library:file-data', { id: doc.id });
    await ok('library:find-by-path', { path: doc.path });
    await ok('library:link', { docId: doc.id, page: 1, knowledgeId: item.id });
    await ok('library:reindex', { folderId: folder.id });
    await ws.library.whenIdle();
    await ok('library:cancel', {});
    await ok('library:set-folder-ocr', { id: folder.id, ocr: false });
    await ok('library:unlock', { id: doc.id, password: 'x' }).catch(() => called.add('library:unlock'));
    // The evidence finder on the sample's own documents (indexed at open) and the folder above.
    await ok('evidence:run', {});
    await ws.evidence.whenIdle();
    await ok('evidence:progress', {});
    await ok('evidence:counts', {});
    type Key = { knowledgeId: string; docId: number; page: number };
    const [p1, p2] = (await ok('evidence:proposals', {})) as Key[];
    await ok('evidence:proposals', { knowledgeId: p1!.knowledgeId, limit: 2 });
    await ok('evidence:reject', { knowledgeId: p1!.knowledgeId, docId: p1!.docId, page: p1!.page });
    await ok('evidence:accept', { knowledgeId: p2!.knowledgeId, docId: p2!.docId, page: p2!.page });
    // Process knowledge: strengths, gaps, pipelines, edits, the matrix and the journey map, and their exports.
    const settings = (await ok('strength:settings', {})) as StrengthSettings;
    await ok('strength:update-settings', { settings: { ...settings, weakBelow: settings.weakBelow + 1 } });
    await ok('strength:items', {});
    await ok('strength:steps', {});
    await ok('strength:gaps', {});
    const processes = (await ok('processes:list', {})) as Array<{ id: string }>;
    const created = (await ok('processes:create', { label: '新流程', steps: ['甲', '乙'] })) as {
      processId: string;
      stepIds: string[];
    };
    await ok('processes:edit', {
      processId: created.processId,
      edits: [{ op: 'attach', stepId: created.stepIds[0]!, relation: 'requires', targetId: item.id }],
    });
    await ok('processes:pipeline', { processId: processes[0]!.id });
    await ok('processes:step', { stepId: created.stepIds[0]! });
    await ok('processes:matrix', { processId: created.processId });
    await ok('processes:set-cell', { stepId: created.stepIds[1]!, knowledgeId: item.id, cell: 'produces' });
    await ok('processes:journey', { processId: processes[0]!.id });
    await ok('reports:export', { request: { report: 'gaps' }, format: 'csv', language: 'zh-CN' });

    // Experts and the inventory (issue 8), once the sample's documents (with their authors) are indexed.
    await ws.whenLibraryIdle();
    const risk = (await ok('experts:risk', {})) as Array<{ id: string }>;
    const top = risk[0]!.id;
    await ok('experts:directory', {});
    await ok('experts:profile', { id: top });
    await ok('experts:heatmap', {});
    await ok('experts:locate', { query: '排料', categoryIds: [] });
    await ok('experts:simulate', { expertIds: [top, risk[1]!.id] });
    await ok('experts:set-risk', { expertId: top, patch: { positionRiskNote: '岗位评估会确认' } });
    await ok('experts:edit-areas', {
      expertId: top,
      changes: [{ change: 'description', targetId: top, description: '裁剪车间主任，负责排料。' }],
    });
    type AuthorKey = { expertId: string; knowledgeId: string; docId: number };
    const authored = (await ok('experts:author-proposals', {})) as AuthorKey[];
    const keyOf = ({ expertId, knowledgeId, docId }: AuthorKey) => ({ expertId, knowledgeId, docId });
    await ok('experts:accept-author', keyOf(authored[0]!));
    await ok('experts:reject-author', keyOf(authored[1]!));
    await ok('inventory:summary', {});
    await ok('inventory:list', { facet: 'form', key: 'tacit' });
    await ok('inventory:trend', { weeks: 4 });
    // The core-competence tree (issue 9).
    const competencies = (await ok('competencies:tree', {})) as {
      nodes: Array<{ id: string; childIds: string[] }>;
    };
    const core = competencies.nodes[0]!;
    await ok('competencies:detail', { id: core.childIds[0]! });
    await ok('competencies:radar', {});
    await ok('competencies:diagram', { focusId: core.childIds[0]!, withExperts: true });
    await ok('competencies:edit', { edits: [{ edit: 'set-target', id: core.childIds[0]!, target: 2 }] });
    // TAXONOMY CALLS (issue 10): the taxonomy editor's channels.
    const taxonomy = (await ok('taxonomy:tree', {})) as {
      nodes: Array<{ id: string; parentId: string | null; childIds: string[] }>;
    };
    const taxonomyRoot = taxonomy.nodes.find((n) => n.parentId === null && n.childIds.length >= 2)!;
    await ok('taxonomy:detail', { id: taxonomyRoot.childIds[0]! });
    const [mergeFrom, mergeInto] = taxonomyRoot.childIds as [string, string];
    await ok('taxonomy:edit', {
      edits: [{ edit: 'merge', fromId: mergeFrom, intoId: mergeInto }],
      dryRun: true,
    });
    await ok('taxonomy:edit', {
      edits: [
        { edit: 'add', label: '新分类', parentId: taxonomyRoot.id },
        { edit: 'merge', fromId: mergeFrom, intoId: mergeInto },
      ],
    });
    // END TAXONOMY CALLS
    // CAPTURE CALLS (issue 10): the capture forms' channels.
    const aarTemplate = (await ok('capture:template', { form: 'aar' })) as InputOf<'capture:set-template'>;
    await ok('capture:set-template', { template: { ...aarTemplate.template, tag: '复盘' } });
    await ok('capture:reset-template', { form: 'aar' });
    await ok('capture:submit-aar', {
      targetId: created.stepIds[0]!,
      date: '2026-12-01',
      participantIds: [top],
      values: {
        title: '试产复盘',
        expected: '一次合格',
        happened: '返工一次',
        why: '缸号混用',
        change: ['分床裁剪'],
      },
    });
    await ok('capture:submit-apprentice', {
      targetId: created.stepIds[1]!,
      date: '2026-12-02',
      masterId: top,
      apprenticeId: risk[1]!.id,
      values: { order: 'JX-1', machine: '3 号裁床', technique: ['排料'], experienceSource: 'apprenticeship' },
    });
    // END CAPTURE CALLS
    // IMPORT CALLS (issue 10): the import wizard's channels.
    const debian = fs.readFileSync(fixture('import/debian-teams.gb18030.csv')).toString('base64');
    const session = (await ok('import:open', { fileName: 'debian-teams.gb18030.csv', data: debian })) as {
      sessionId: string;
    };
    await ok('import:reread', { sessionId: session.sessionId, encoding: 'UTF-8' });
    await ok('import:reread', { sessionId: session.sessionId, encoding: null });
    const debianMapping = JSON.parse(
      fs.readFileSync(fixture('import/debian-teams.mapping.json'), 'utf8'),
    ) as InputOf<'import:plan'>['mapping'];
    await ok('import:plan', { sessionId: session.sessionId, mapping: debianMapping });
    await ok('import:apply', { sessionId: session.sessionId, mapping: debianMapping });
    await ok('import:cancel', { sessionId: session.sessionId });
    await ok('import:close', { sessionId: session.sessionId });
    // END IMPORT CALLS
    // FILES CALLS (issue 10): workspace exports, backups and restore.
    const exported = (await ok('files:export', { format: 'json' })) as { content: string; nodes: number };
    expect(JSON.parse(exported.content).nodes).toHaveLength(exported.nodes);
    const taken = (await ok('backup:create', {})) as { backup: { file: string } };
    const listed = (await ok('backup:list', {})) as { backups: Array<{ file: string; kind: string }> };
    expect(listed.backups.find((b) => b.file === taken.backup.file)?.kind).toBe('manual');
    await ok('backup:restore', { file: taken.backup.file });
    // END FILES CALLS
    // GLOSSARY CALLS (issue 10): the glossary editor's channels.
    const glossaryTerms = (await ok('glossary:terms', {})) as { terms: Array<{ id: string; label: string }> };
    await ok('glossary:mentions', { texts: [`${glossaryTerms.terms[0]!.label}的说明`, ''] });
    await ok('glossary:edit', {
      edits: [{ edit: 'add', label: '门店陈列指南', synonyms: ['陈列手册'], defines: [item.id] }],
    });
    await ok('glossary:edit', { edits: [{ edit: 'delete', id: glossaryTerms.terms[0]!.id }], dryRun: true });
    const glossaryCsv = (await ok('glossary:export-csv', {})) as { content: string };
    await ok('glossary:import-csv', {
      fileName: 'glossary.csv',
      data: Buffer.from(glossaryCsv.content, 'utf8').toString('base64'),
      dryRun: true,
    });
    await ok('glossary:import-csv', {
      fileName: '陈列术语.csv',
      data: Buffer.from('term,definition\r\n门店陈列指南,门店陈列规范的汇总\r\n', 'utf8').toString('base64'),
      dryRun: false,
    });
    // END GLOSSARY CALLS
    for (const request of [
      { report: 'risk' as const },
      { report: 'departure' as const, expertIds: [top] },
      { report: 'inventory' as const, query: { facet: 'health' as const, key: 'single-holder' } },
    ])
      await ok('reports:export', { request, format: 'xlsx', language: 'en' });
    await ok('library:remove-folder', { id: folder.id });
    await ok('export:save-file', { suggestedName: 'map.svg', content: '<svg/>', encoding: 'utf8' });
    await ok('export:print-pdf', { suggestedName: 'view.pdf', landscape: true, pageSize: 'A4' });
    const snap = (await ok('export:snapshot', { view: 'competency' })) as { html: string; nodes: number };
    expect(snap.html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(snap.nodes).toBeGreaterThan(10);
    await ok('shell:open-external', { url: 'https://example.org/' });
    await ok('workspace:create', { path: path.join(dir, 'second.wellspring') });
    await ok('workspace:open', { path: path.join(dir, 'sample.wellspring') });
    // TEAM CALLS (issue 13): connect to a team workspace on the test server, write, read the audit log, go back.
    const teamAddress = teamUrl(freshSchema('conf'));
    const made = openTeamWorkspace(teamAddress, tempDir(), { create: true, live: false });
    await made.close();
    made.db.close();
    const teamInfo = (await ok('team:connect', { url: teamAddress })) as { team?: { role: string } };
    expect(teamInfo.team?.role).toBe('admin');
    const teamNode = (await ok('graph:add-node', { kind: 'category', label: '团队' })) as { id: string };
    expect(((await ok('team:audit', { nodeId: teamNode.id })) as unknown[]).length).toBe(1);
    await ok('workspace:open', { path: path.join(dir, 'sample.wellspring') });
    // END TEAM CALLS

    // Every channel of the contract was exercised (a new channel must be added here).
    expect(CHANNEL_NAMES.filter((c) => !called.has(c))).toEqual([]);
    expect(saved).toEqual(['map.svg', 'view.pdf']);
    // Every event a session emitted fits its schema.
    const kinds = new Set(events.map((e) => e.event));
    for (const name of [
      'graph:did-change',
      'history:did-change',
      'views:did-change',
      'workspace:did-open',
      'evidence:did-progress',
      'strength:did-change',
    ] as const)
      expect(kinds).toContain(name);
    for (const { event, payload } of events) {
      const r = EVENTS[event].safeParse(payload);
      expect(r.success, `${event}: ${JSON.stringify(payload).slice(0, 200)}`).toBe(true);
    }
    // Change events are numbered without gaps while a workspace is open.
    const seqs = events
      .filter((e) => e.event === 'graph:did-change')
      .map((e) => (e.payload as { seq: number }).seq);
    expect(seqs.slice(0, 5)).toEqual([1, 2, 3, 4, 5]);
    await ws.shutdown();
  });
});
