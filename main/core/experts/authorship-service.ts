import type Database from 'better-sqlite3';
import type { AuthorProposal, EditSummary } from '../../../preload/contract';
import type { LibraryStore } from '../documents/library-store';
import type { GraphStore } from '../graph/graph-store';
import { WellspringError } from '../util/errors';

/** What AuthorshipService reads: the graph and the library's recorded document authors. */
export interface AuthorshipServiceDeps {
  db: Database.Database;
  store: GraphStore;
  library: LibraryStore;
}

/** A proposal's key: the expert, the knowledge item and the library file. */
export interface AuthorKey {
  expertId: string;
  knowledgeId: string;
  docId: number;
}

const todo = (what: string): never => {
  throw new WellspringError('internal', `AuthorshipService.${what} is being built (issue 8).`);
};

/**
 * Expertise from evidence (issue 8 §7): the authors recorded in the library's documents (PDF and Office
 * metadata), matched to experts by name and alias, proposed as holders of the knowledge items the documents
 * document; accepted (a `knows` edge, undoable) or rejected (remembered).
 */
export class AuthorshipService {
  constructor(private readonly deps: AuthorshipServiceDeps) {}

  proposals(_expertId?: string): AuthorProposal[] {
    return todo('proposals');
  }
  accept(_key: AuthorKey): EditSummary {
    return todo('accept');
  }
  reject(_key: AuthorKey): { ok: true } {
    return todo('reject');
  }
}
