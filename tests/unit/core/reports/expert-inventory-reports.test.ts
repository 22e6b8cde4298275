import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type {
  DepartureSimulation,
  InventoryItem,
  InventoryQuery,
  RiskRow,
} from '../../../../preload/contract';
import { buildGraphIndex } from '../../../../main/core/analytics/graph-index';
import { exportReport, type ReportSource } from '../../../../main/core/reports/export-report';
import { departureTable } from '../../../../main/core/reports/expert-tables';
import { node } from '../../helpers';

const TODAY = '2027-01-10';

const RISK: RiskRow[] = [
  {
    id: 'e-wang',
    label: '王师傅',
    title: '首席裁剪师',
    department: '生产部',
    attrition: {
      factor: 5,
      source: 'leaving-date',
      expectedLeaving: '2027-06-30',
      yearsLeft: 0.5,
      datePassed: false,
    },
    position: {
      factor: 4,
      computed: 4,
      override: null,
      note: null,
      score: 14,
      criteria: [
        {
          itemId: 'k1',
          label: '打版经验',
          proficiency: 5,
          importance: 3,
          form: 'tacit',
          hardToReplace: true,
          weight: 12,
        },
        {
          itemId: 'k2',
          label: '面料识别',
          proficiency: 4,
          importance: 1,
          form: 'tacit',
          hardToReplace: false,
          weight: 2,
        },
      ],
    },
    total: 20,
    band: 'high',
    rank: 1,
  },
  {
    id: 'e-li',
    label: 'Li Na',
    title: null,
    department: null,
    attrition: { factor: 2, source: 'entered', expectedLeaving: null, yearsLeft: null, datePassed: false },
    position: { factor: 3, computed: 1, override: 3, note: '客户关系', score: 0, criteria: [] },
    total: 6,
    band: 'low',
    rank: 2,
  },
];

const SIM: DepartureSimulation = {
  experts: [{ id: 'e-wang', label: '王师傅' }],
  uncovered: [
    {
      id: 'k1',
      label: '打版经验',
      importance: 3,
      form: 'tacit',
      documents: 0,
      bestLeft: 2,
      before: 48,
      after: 20,
    },
  ],
  items: [{ id: 'k1', label: '打版经验', before: 48, after: 20 }],
  steps: [
    { id: 's1', label: '打版', processId: 'p1', processLabel: '团体定制销售流程', before: 60, after: 41 },
  ],
  competencies: [{ id: 'c1', label: '生产运营', before: null, after: null }],
  successors: [
    {
      id: 'e-zhao',
      label: '赵敏',
      department: '生产部',
      items: [
        { id: 'k1', label: '打版经验', proficiency: 2 },
        { id: 'k3', label: '排料', proficiency: 2 },
      ],
      score: 5,
    },
  ],
  tasks: [
    {
      itemId: 'k1',
      label: '打版经验',
      importance: 3,
      uncovered: true,
      captureForm: 'master-apprentice',
      fromId: 'e-wang',
      fromLabel: '王师傅',
      reason: { key: 'experts:task.sole', params: {} },
    },
  ],
};

const ITEMS: InventoryItem[] = [
  {
    id: 'k1',
    kind: 'knowledge',
    label: '打版经验',
    form: 'tacit',
    existence: 'person',
    seciStage: 'socialisation',
    importance: 3,
    categories: ['工艺', '裁剪'],
    owners: [],
    holders: 2,
    capableHolders: 1,
    documents: 0,
    reviewDue: null,
    strength: 48,
    health: ['unowned', 'single-holder', 'tacit-only'],
  },
];

const queries: InventoryQuery[] = [];
const unused = (): never => {
  throw new Error('not read by these reports');
};
const source: ReportSource = {
  knowledge: {
    processes: unused,
    gaps: unused,
    matrix: unused,
    index: () => buildGraphIndex({ nodes: [{ ...node('cat-craft', 'category'), label: '工艺' }], edges: [] }),
  },
  experts: {
    risk: () => RISK,
    simulate: (ids) => {
      expect(ids).toEqual(['e-wang']);
      return SIM;
    },
  },
  inventory: {
    list: (q) => {
      queries.push(q);
      return ITEMS;
    },
  },
};

function csv(base64: string): string[][] {
  const bytes = Buffer.from(base64, 'base64');
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const parsed = Papa.parse<string[]>(bytes.toString('utf8').slice(1), { skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

describe('exportReport: key-person risk, departure, inventory', () => {
  it('writes the risk ranking in rank order with factors, sources, band and sole items (zh-CN)', async () => {
    const f = await exportReport(source, { report: 'risk' }, 'csv', 'zh-CN', { today: TODAY });
    expect(f.fileName).toBe('risk-2027-01-10.csv');
    const [header, ...rows] = csv(f.base64);
    expect(header).toEqual([
      '排名',
      '专家',
      'ID',
      '部门',
      '流失风险系数',
      '流失风险来源',
      '预计离职日期',
      '岗位风险系数',
      '岗位风险（计算）',
      '岗位风险（手动）',
      '手动说明',
      '总风险',
      '风险等级',
      '仅其掌握（熟练度≥3）的知识',
    ]);
    expect(rows).toEqual([
      [
        '1',
        '王师傅',
        'e-wang',
        '生产部',
        '5',
        '预计离职日期',
        '2027-06-30',
        '4',
        '4',
        '',
        '',
        '20',
        '高',
        '打版经验、面料识别',
      ],
      ['2', 'Li Na', 'e-li', '', '2', '录入', '', '3', '1', '3', '客户关系', '6', '低', ''],
    ]);
  });

  it('writes the departure simulation as one table with a section per kind of row (en)', async () => {
    const f = await exportReport(source, { report: 'departure', expertIds: ['e-wang'] }, 'csv', 'en', {
      today: TODAY,
    });
    expect(f.fileName).toBe('departure-王师傅-2027-01-10.csv');
    // Many leavers: the first three names and how many more.
    const five = ['王师傅', '李娜', '张伟', '刘洋', '陈静'].map((label, i) => ({ id: `e${i}`, label }));
    expect(departureTable({ ...SIM, experts: five }, TODAY, 'en').fileStem).toBe(
      'departure-王师傅-李娜-张伟-+2-2027-01-10',
    );
    const [header, ...rows] = csv(f.base64);
    expect(header).toEqual([
      'Section',
      'Name',
      'ID',
      'Process / department / from',
      'Importance',
      'Form',
      'Before',
      'After',
      'Change',
      'Detail',
    ]);
    expect(rows).toEqual([
      [
        'Uncovered',
        '打版经验',
        'k1',
        '',
        '3',
        'tacit',
        '48',
        '20',
        '-28',
        'documents: 0; best proficiency left: 2',
      ],
      ['Item strength drop', '打版经验', 'k1', '', '', '', '48', '20', '-28', ''],
      ['Step strength drop', '打版', 's1', '团体定制销售流程', '', '', '60', '41', '-19', ''],
      ['Competency drop', '生产运营', 'c1', '', '', '', '', '', '', ''],
      ['Successor', '赵敏', 'e-zhao', '生产部', '', '', '', '', '', '打版经验 (2), 排料 (2); score 5'],
      [
        'Externalisation task',
        '打版经验',
        'k1',
        '王师傅',
        '3',
        'tacit',
        '',
        '',
        '',
        'Master–apprentice recording, left uncovered',
      ],
    ]);
  });

  it('writes an inventory list with translated kinds, values and health, named after its bucket', async () => {
    const f = await exportReport(
      source,
      { report: 'inventory', query: { facet: 'category', key: 'cat-craft' } },
      'xlsx',
      'zh-CN',
      { today: TODAY },
    );
    expect(queries).toEqual([{ facet: 'category', key: 'cat-craft' }]);
    expect(f.fileName).toBe('inventory-分类-工艺-2027-01-10.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(f.base64, 'base64') as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    expect(sheet.getCell(1, 1).value).toBe('知识盘点 — 分类：工艺 — 2027-01-10');
    const row = (r: number) =>
      Array.from({ length: sheet.columnCount }, (_, c) => sheet.getRow(r).getCell(c + 1).value ?? '');
    expect(row(2)).toEqual([
      '名称',
      'ID',
      '类型',
      '形态',
      '存在形式',
      'SECI 阶段',
      '重要性',
      '分类',
      '负责人',
      '掌握人数',
      '熟练度≥3人数',
      '文档数',
      '复审日期',
      '强度',
      '健康状况',
    ]);
    expect(row(3)).toEqual([
      '打版经验',
      'k1',
      '知识条目',
      '隐性',
      '人员',
      '社会化',
      3,
      '工艺、裁剪',
      '',
      2,
      1,
      0,
      '',
      48,
      '无负责人、单人掌握、仅隐性',
    ]);
    const health = await exportReport(
      source,
      { report: 'inventory', query: { facet: 'health', key: 'single-holder' } },
      'csv',
      'en',
      { today: TODAY },
    );
    expect(health.fileName).toBe('inventory-Health-single-holder-2027-01-10.csv');
    const unowned = await exportReport(
      source,
      { report: 'inventory', query: { facet: 'owner', key: null } },
      'csv',
      'en',
      { today: TODAY },
    );
    expect(unowned.fileName).toBe('inventory-Owner-unowned-2027-01-10.csv');
  });
});
