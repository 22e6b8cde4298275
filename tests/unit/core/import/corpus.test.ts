import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { planImport, readTable } from '../../../../main/core/import';
import { mappingOf, tableOf } from './import-helpers';

// The whole files of ../shared/corpus (corpus/README.md): run where the corpus is, skipped where it is not.
const CORPUS = path.resolve(__dirname, '../../../../../shared/corpus/structured');
const EMPTY = { nodes: [], edges: [] };
const read = (name: string) => readTable(fs.readFileSync(path.join(CORPUS, name)), path.basename(name));

describe.skipIf(!fs.existsSync(CORPUS))('import acceptance on the whole corpus files', () => {
  it('the Debian file and its GB18030 twin give the same graph: 117 teams, 723 packages, 723 knows', async () => {
    const mapping = mappingOf('import/debian-teams.mapping.json');
    const utf8 = planImport(await read('debian/debian_team_packages_zh.csv'), mapping, EMPTY);
    const gb = planImport(await read('debian/debian_team_packages_zh.gb18030.csv'), mapping, EMPTY);
    expect(utf8.problems).toEqual([]);
    expect(gb.ops).toEqual(utf8.ops);
    // Counted with Python's csv module (teams case-folded).
    expect(utf8.summary).toMatchObject({ rows: 725, newNodes: 840, newEdges: 723 });
    // The workbook's Chinese sheet was made from this file: the same operations.
    const xlsx = planImport(
      await tableOf('import/derived_team_packages_and_esco.xlsx'),
      { ...mapping, sheet: '团队与软件包' },
      EMPTY,
    );
    expect(xlsx.ops).toEqual(utf8.ops);
  });

  it('the whole ESCO skills hierarchy: 656 categories under 4 roots', async () => {
    const plan = planImport(
      await read('esco/skillsHierarchy_en.csv'),
      mappingOf('import/esco-hierarchy.categories.mapping.json'),
      EMPTY,
    );
    expect(plan.problems).toEqual([]);
    expect(plan.summary.byKind).toEqual({
      category: { new: 656, updated: 0, unchanged: 0 },
      part_of: { new: 652, updated: 0, unchanged: 0 },
    });
  });

  it('all 1,110 O*NET occupations', async () => {
    const plan = planImport(
      await read('onet/Occupation_Data.txt'),
      mappingOf('import/onet-occupations.mapping.json'),
      EMPTY,
    );
    expect(plan.problems).toEqual([]);
    expect(plan.summary.newNodes).toBe(1110);
  });
});
