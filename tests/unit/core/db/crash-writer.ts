// Child process for the crash test: writes to a workspace in a loop and reports each committed id on stdout,
// until it is killed with SIGKILL. Run with `node --import tsx crash-writer.ts FILE`.
import { openWorkspaceDb } from '../../../../main/core/db/workspace-db';
import { GraphStore } from '../../../../main/core/graph/graph-store';

const file = process.argv[2]!;
const { db } = openWorkspaceDb(file, { create: true });
const store = new GraphStore(db);
let prev: string | null = null;
for (let i = 0; ; i++) {
  const node = store.addNode({
    kind: 'step',
    label: `步骤 ${i}`,
    props: { order: i + 1 },
    description: 'x'.repeat(2000),
  });
  // A node about to be deleted may be gone even if its deletion was not reported before the kill.
  process.stdout.write(`node ${node.id}${i % 7 === 6 ? ' doomed' : ''}\n`);
  if (prev) {
    const edge = store.addEdge({ kind: 'next', source: prev, target: node.id });
    process.stdout.write(`edge ${edge.id} ${node.id}\n`);
  }
  if (i % 7 === 6) {
    // A multi-row write: a node with edges deleted in one transaction.
    store.deleteNode(node.id);
    process.stdout.write(`deleted ${node.id}\n`);
    prev = null;
  } else prev = node.id;
}
