// Child process for the crash test (crash-harness.ts, kind `import`): imports the Debian teams CSV, in UTF-8 and in
// GB18030 by turns, through the real import path (readTable, planImport, applyImport: one transaction per import)
// into a workspace in a loop, until it is killed with SIGKILL. Each import's labels carry a tag unique to it
// (`<pid>-<n>·`), so that its rows can be counted after the kill. It reports on stdout, one line each:
//   `plan TAG NODES EDGES` before applying (the new nodes and edges the plan holds),
//   `import TAG` after applyImport returned (committed).
// Run with `node --import tsx crash-importer.ts FILE`.
import fs from 'node:fs';
import path from 'node:path';
import { openWorkspaceDb } from '../../../../main/core/db/workspace-db';
import { GraphStore } from '../../../../main/core/graph/graph-store';
import { applyImport, parseMapping, planImport, readTable, type Table } from '../../../../main/core/import';

const FIXTURES = path.resolve(__dirname, '../../../../fixtures/import');
/** The columns whose values name nodes (label or alias in the mapping): tagged so that every import adds its own. */
const NAMING = ['team', 'package', 'description_zh_CN'];

/** `table` with the naming columns' values prefixed by `tag·`. */
function tagged(table: Table, tag: string): Table {
  return {
    ...table,
    sheets: table.sheets.map((s) => {
      const cols = NAMING.map((c) => s.header.indexOf(c)).filter((i) => i >= 0);
      return {
        ...s,
        rows: s.rows.map((r) => ({
          ...r,
          cells: r.cells.map((v, i) => (cols.includes(i) && v !== '' ? `${tag}·${v}` : v)),
        })),
      };
    }),
  };
}

async function main(): Promise<void> {
  const file = process.argv[2]!;
  const mapping = parseMapping(
    fs.readFileSync(path.join(FIXTURES, 'debian-teams.mapping.json'), 'utf8'),
    'debian-teams.mapping.json',
  );
  const tables: Table[] = [];
  for (const name of ['debian-teams.csv', 'debian-teams.gb18030.csv'])
    tables.push(await readTable(fs.readFileSync(path.join(FIXTURES, name)), name));
  const { db } = openWorkspaceDb(file, { create: true });
  const store = new GraphStore(db);
  for (let i = 0; ; i++) {
    const tag = `${process.pid}-${i}`;
    const plan = planImport(tagged(tables[i % tables.length]!, tag), mapping, store.getGraph());
    if (plan.problems.length > 0) throw new Error(`import ${tag}: ${JSON.stringify(plan.problems[0])}`);
    process.stdout.write(`plan ${tag} ${plan.summary.newNodes} ${plan.summary.newEdges}\n`);
    applyImport(store, plan, plan.fileName);
    process.stdout.write(`import ${tag}\n`);
  }
}

void main();
