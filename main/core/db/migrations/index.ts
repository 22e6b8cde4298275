import { sql as init } from './0001-init';
import { sql as historyPositions } from './0002-history-positions';
import { sql as library } from './0003-library';
import { sql as views } from './0004-views';
import { sql as evidence } from './0005-evidence';
import { sql as documentAuthors } from './0006-document-authors';
import { sql as historyParts } from './0007-history-parts';
import { sql as ocr } from './0008-ocr';
import { sql as teamReplica } from './0009-team-replica';

/** One forward-only schema migration. `version` is its number; the list is append-only. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Every migration this build knows, in order. Never edit or reorder a released entry: add a new one. */
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: '0001-init', sql: init },
  { version: 2, name: '0002-history-positions', sql: historyPositions },
  { version: 3, name: '0003-library', sql: library },
  { version: 4, name: '0004-views', sql: views },
  { version: 5, name: '0005-evidence', sql: evidence },
  { version: 6, name: '0006-document-authors', sql: documentAuthors },
  { version: 7, name: '0007-history-parts', sql: historyParts },
  { version: 8, name: '0008-ocr', sql: ocr },
  { version: 9, name: '0009-team-replica', sql: teamReplica },
];

/** The schema version a fully migrated workspace has. */
export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
