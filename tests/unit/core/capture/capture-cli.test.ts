import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { captureCommand } from '../../../../main/cli/capture-commands';
import { openWorkspaceDb } from '../../../../main/core/db/workspace-db';
import { GraphStore } from '../../../../main/core/graph/graph-store';
import { seedSample } from '../../../../main/core/sample/seed-sample';
import { fixture, tempDir } from '../../helpers';

/** A sample workspace file (closed again) and a folder for form files. */
function sampleFile(): { file: string; dir: string } {
  const dir = tempDir();
  const file = path.join(dir, 'w.wellspring');
  const { db } = openWorkspaceDb(file, { create: true });
  seedSample(db);
  db.close();
  return { file, dir };
}

/** Runs the command; its exit code and printed lines. */
async function run(file: string, form: 'aar' | 'apprentice', formFile: string) {
  const lines: string[] = [];
  const code = await captureCommand(file, form, formFile, (l) => lines.push(l));
  return { code, lines };
}

/** What `f` reads from the workspace file afterwards. */
function read<T>(file: string, f: (store: GraphStore) => T): T {
  const { db } = openWorkspaceDb(file);
  try {
    return f(new GraphStore(db));
  } finally {
    db.close();
  }
}

describe('capture command', () => {
  it('submits the spring-launch AAR from JSON, nodes named by label, as one undoable operation', async () => {
    const { file, dir } = sampleFile();
    const form = JSON.parse(fs.readFileSync(fixture('capture/aar-spring-launch.json'), 'utf8')) as {
      values: object;
    };
    const formFile = path.join(dir, 'aar.json');
    fs.writeFileSync(
      formFile,
      JSON.stringify(
        {
          targetId: 'Product development process',
          date: '2026-03-27',
          participantIds: ['孙雅婷', 'wu xiulan'],
          values: form.values,
        },
        null,
        2,
      ),
    );
    const { code, lines } = await run(file, 'aar', formFile);
    expect(code).toBe(0);
    expect(lines).toHaveLength(8);
    expect(lines[0]).toMatch(/^\+ \S+ {2}上新前一周的跨部门例会$/);
    expect(lines[7]).toBe('行动后反思（AAR）：7 条经验——春季女装与衬衫系列上市');
    const { learned, undo } = read(file, (store) => {
      const g = store.getGraph();
      const labels = new Map(g.nodes.map((n) => [n.id, n.label]));
      return {
        learned: g.edges
          .filter((e) => e.kind === 'learned_at' && e.target === 'sample:pr-rnd')
          .map((e) => labels.get(e.source)),
        undo: store.history.state().undo,
      };
    });
    expect(learned).toEqual(expect.arrayContaining(['上新前一周的跨部门例会', '工厂按门店陈列组合装箱']));
    expect(learned).toHaveLength(8); // the sample's own launch-timing lesson + 7
    expect(undo?.label).toBe(lines[7]);
  });

  it('names the file and line of what it refuses, and writes nothing', async () => {
    const { file, dir } = sampleFile();
    const before = read(file, (s) => s.stats().nodeTotal);
    const record = JSON.parse(fs.readFileSync(fixture('capture/apprentice-cutting.json'), 'utf8')) as {
      values: object;
    };
    const formFile = path.join(dir, 'record.json');
    const write = (o: object) => fs.writeFileSync(formFile, JSON.stringify(o, null, 2));
    const base = { targetId: '生产作业', date: '2026-11-18', masterId: '吴秀兰', apprenticeId: '陆晓军' };

    write({ ...base, apprenticeId: '陆小军', values: record.values });
    await expect(run(file, 'apprentice', formFile)).rejects.toMatchObject({
      code: 'invalid_input',
      key: 'capture:errors.formFileInvalid',
      message: `${formFile}:5: apprenticeId: no expert is called “陆小军” (give its id, name or alias)`,
    });
    write({ ...base, values: { ...record.values, technique: [], craft: [] } });
    await expect(run(file, 'apprentice', formFile)).rejects.toMatchObject({
      message: expect.stringMatching(/record\.json:\d+: values\.technique: Write at least one technique/),
    });
    write({ ...base, date: '2026-02-30', values: record.values });
    await expect(run(file, 'apprentice', formFile)).rejects.toMatchObject({
      message: expect.stringContaining('record.json:3: date: expected a date that exists'),
    });
    fs.writeFileSync(formFile, '{\n  "targetId": "生产作业",\n  "date": 2026-11-18\n}');
    await expect(run(file, 'apprentice', formFile)).rejects.toMatchObject({
      key: 'capture:errors.formFileNotJson',
      params: expect.objectContaining({ line: 3 }),
    });
    expect(read(file, (s) => s.stats().nodeTotal)).toBe(before);
  });
});
