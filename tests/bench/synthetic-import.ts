import fs from 'node:fs';
import iconv from 'iconv-lite';
import type { ImportMapping } from '../../preload/contract';
import { THINGS, TOPICS } from './synthetic-workspace';

/**
 * The synthetic spreadsheet of issue 10's import benchmark, shared by `npm run bench:import` and the tests of big
 * imports (the wizard's sessions, its e2e test): `rows` rows of a GB18030 CSV, three quarters naming a node each
 * (every twentieth of those an expert, the rest knowledge items with a Chinese two-line quoted description,
 * importance 1–3 and two tags), the last quarter a `knows` connection from an expert to a distinct item by their
 * labels, with a proficiency 1–5. So `rows` rows give {@link syntheticImportCounts}`(rows)` nodes and connections.
 */
export const SYNTHETIC_IMPORT_MAPPING: ImportMapping = {
  version: 1,
  nodes: [
    {
      name: 'node',
      kind: { column: '类型', values: { 知识: 'knowledge', 专家: 'expert' } },
      label: { column: '名称' },
      description: { column: '描述' },
      tags: { column: '标签', separator: '；' },
      props: { importance: { column: '重要性' } },
      when: { filled: ['名称'] },
    },
  ],
  edges: [
    {
      kind: 'knows',
      source: { column: '专家', kind: 'expert' },
      target: { column: '知识条目', kind: 'knowledge' },
      props: { proficiency: { column: '熟练度' } },
    },
  ],
};

/** How many nodes and `knows` connections `rows` rows of the synthetic CSV give. */
export function syntheticImportCounts(rows: number): { nodes: number; edges: number } {
  const nodes = Math.round(rows * 0.75);
  return { nodes, edges: rows - nodes };
}

/** The CSV's lines (header first, no line ends), made one at a time. */
function* syntheticImportLines(rows: number): Generator<string> {
  const nodeRows = syntheticImportCounts(rows).nodes;
  const experts = Math.max(1, Math.floor(nodeRows / 20));
  const items = nodeRows - experts;
  yield '类型,名称,描述,重要性,标签,专家,知识条目,熟练度';
  for (let i = 0; i < rows; i++) {
    if (i < experts) {
      const topic = TOPICS[i % TOPICS.length]!;
      yield `专家,专家${i},"负责${topic}，联系人：""${topic}组""",,${topic},,,`;
    } else if (i < nodeRows) {
      const k = i - experts;
      const topic = TOPICS[i % TOPICS.length]!;
      const label = `${topic}${THINGS[k % THINGS.length]}${k}`;
      yield `知识,${label},"${label}的说明，\r\n第二行：适用于${topic}。",${1 + (k % 3)},${topic}；${THINGS[k % THINGS.length]},,,`;
    } else {
      const j = i - nodeRows;
      const k = (j * 7919) % items;
      const label = `${TOPICS[(k + experts) % TOPICS.length]}${THINGS[k % THINGS.length]}${k}`;
      yield `,,,,,专家${j % experts},${label},${1 + (j % 5)}`;
    }
  }
}

/**
 * Writes the CSV in GB18030 (CRLF line ends) to `file`, 10,000 lines at a time, so that making it does not
 * inflate the memory of the process that then imports it.
 */
export function writeSyntheticImportCsv(file: string, rows: number): void {
  const fd = fs.openSync(file, 'w');
  try {
    let chunk: string[] = [];
    const flush = () => {
      if (chunk.length) fs.writeSync(fd, iconv.encode(`${chunk.join('\r\n')}\r\n`, 'gb18030'));
      chunk = [];
    };
    for (const line of syntheticImportLines(rows)) {
      chunk.push(line);
      if (chunk.length >= 10_000) flush();
    }
    flush();
  } finally {
    fs.closeSync(fd);
  }
}

/** The whole CSV as GB18030 bytes. */
export function syntheticImportCsv(rows: number): Buffer {
  return iconv.encode(`${[...syntheticImportLines(rows)].join('\r\n')}\r\n`, 'gb18030');
}
