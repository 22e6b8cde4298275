import fs from 'node:fs';
import path from 'node:path';
import type { GraphChange } from '../../../../preload/contract';
import { openWorkspaceDb } from '../../../../main/core/db/workspace-db';
import { GraphStore } from '../../../../main/core/graph/graph-store';
import { parseMapping, readTable, type ImportMapping, type Table } from '../../../../main/core/import';
import { fixture, tempDir } from '../../helpers';

/** A fixture file read as a table (its base name as the file name). */
export async function tableOf(name: string, options?: Parameters<typeof readTable>[2]): Promise<Table> {
  return readTable(fs.readFileSync(fixture(name)), path.basename(name), options);
}

/** A table from text written in the test (UTF-8). */
export async function tableFrom(text: string, fileName = 'test.csv'): Promise<Table> {
  return readTable(Buffer.from(text, 'utf8'), fileName);
}

/** A mapping fixture, or a mapping written in the test, through parseMapping. */
export function mappingOf(nameOrValue: string | object): ImportMapping {
  if (typeof nameOrValue === 'string')
    return parseMapping(fs.readFileSync(fixture(nameOrValue), 'utf8'), path.basename(nameOrValue));
  return parseMapping(nameOrValue, 'test.mapping.json');
}

/** A new workspace file's graph store (real SQLite), with the change events it sends. */
export function openStore(): { store: GraphStore; events: GraphChange[]; file: string } {
  const file = path.join(tempDir(), 'w.wellspring');
  const { db } = openWorkspaceDb(file, { create: true });
  const store = new GraphStore(db);
  const events: GraphChange[] = [];
  store.onDidChange((c) => events.push(c));
  return { store, events, file };
}

/** Knowledge item props that pass NODE_PROPS.knowledge. */
export const ITEM = {
  form: 'explicit',
  existence: 'document',
  status: 'active',
  confidentiality: 'internal',
  importance: 2,
} as const;
