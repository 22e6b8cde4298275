import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import type { EventName, EventPayload, LibraryProgress, WorkspaceInfo } from '../../../preload/contract';
import { openWorkspaceDb } from '../db/workspace-db';
import { LATEST_VERSION } from '../db/migrations';
import { GraphStore } from '../graph/graph-store';
import { ViewStore } from '../graph/view-store';
import { MetricsService } from '../analytics/metrics-service';
import { KnowledgeService } from '../processes/knowledge-service';
import { EvidenceService } from '../evidence/evidence-service';
import { ExpertService } from '../experts/expert-service';
import { AuthorshipService } from '../experts/authorship-service';
import { InventoryService } from '../inventory/inventory-service';
import { CompetencyService } from '../competencies/competency-service';
import { LibraryService, type LibraryServiceOptions } from '../documents/library-service';
import { LibraryStore } from '../documents/library-store';
import { SearchService } from '../search/search-service';
import { seedSample } from '../sample/seed-sample';
import { seedSampleDocuments } from '../sample/seed-library';
import { WellspringError, type Message } from '../util/errors';
import { BackupScheduler } from '../backup/daily-backup';
import { metaOfDb, type MetaAccess } from '../db/meta-table';
import { isTeamAddress, parseTeamAddress } from '../team/team-url';
import { openTeamWorkspace, type TeamWorkspace } from '../team/team-workspace';
import { PULLED_AT_KEY, PULLED_FROM_KEY } from '../team/team-transfer';

import type { EventSink } from './event-sink';

export type { EventSink } from './event-sink';

/** How the core is hosted, reported to the renderer in `workspace:info`. */
export type HostMode = WorkspaceInfo['mode'];

const RECENT_LIMIT = 10;
const NO_WORKSPACE: Message = { key: 'errors.noWorkspace' };

/**
 * Owns the open workspace: its database connection and GraphStore, switching between workspace files, and the
 * recent-workspaces list (`<userData>/recent.json`). The only place that opens or closes a workspace database.
 */
export class WorkspaceService {
  private current: {
    /** The workspace file, or a team workspace's address without its password. */
    path: string;
    /** The file on disk: the workspace file, or a team workspace's local replica. */
    file: string;
    /** Set for a team workspace (issue 13): its server connection and change feed. */
    team: TeamWorkspace | null;
    db: Database.Database;
    store: GraphStore;
    views: ViewStore;
    meta: MetaAccess;
    metrics: MetricsService;
    libraryStore: LibraryStore;
    library: LibraryService;
    search: SearchService;
    knowledge: KnowledgeService;
    evidence: EvidenceService;
    experts: ExpertService;
    authorship: AuthorshipService;
    inventory: InventoryService;
    competencies: CompetencyService;
  } | null = null;
  private readonly listeners = new Set<EventSink>();
  /**
   * The password kept for a team workspace address (the Electron shell's keychain), used when an address is
   * opened without one (the recent list, the last workspace at start). Null: none kept.
   */
  passwordFor: ((address: string) => string | null) | null = null;
  /** The daily backup of the open workspace (app modes only). */
  private backups: BackupScheduler | null = null;

  constructor(
    /** The user data folder: recent.json, and the backups of every workspace (main/core/backup/). */
    readonly dataDir: string,
    readonly mode: HostMode,
    private readonly libraryOptions: LibraryServiceOptions = {},
  ) {}

  /** Registers an event sink; returns the unsubscribe function. */
  onEvent(sink: EventSink): () => void {
    this.listeners.add(sink);
    return () => this.listeners.delete(sink);
  }

  /** Sends an event to every sink. */
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    for (const l of this.listeners) l(event, payload);
  }

  /**
   * Opens `file`, or creates it when `create` is set (seeded with the sample when `sample` is set and the file is
   * new). The previous workspace is closed only after the new one opened, so a refused file leaves the app as it was.
   *
   * `file` may also be a team workspace address, `postgres://user[:password]@host:port/database?schema=name`
   * (issue 13): the graph then lives on PostgreSQL and this desktop works on a local replica (team-workspace.ts);
   * `password` is used when the address has none, `create` initialises an empty schema, and `live` (default: not
   * in mode `node`) follows other clients' changes as they commit.
   * @throws WellspringError from openWorkspaceDb, or openTeamWorkspace's for an address
   */
  open(
    file: string,
    options: { create?: boolean; sample?: boolean; password?: string; live?: boolean } = {},
  ): WorkspaceInfo {
    if (isTeamAddress(file)) return this.openTeam(file, options);
    const abs = path.resolve(file);
    const isNew = !fs.existsSync(abs);
    if (isNew && options.create) fs.mkdirSync(path.dirname(abs), { recursive: true });
    const { db } = openWorkspaceDb(abs, { create: options.create });
    let sampleDocs: string | null = null;
    try {
      if (isNew && options.sample) {
        seedSample(db);
        sampleDocs = seedSampleDocuments(db, abs);
      }
    } catch (e) {
      db.close();
      fs.rmSync(abs, { force: true });
      throw e;
    }
    this.close();
    return this.mount({ shown: abs, file: abs, db, store: new GraphStore(db), team: null, sampleDocs });
  }

  private openTeam(
    url: string,
    options: { create?: boolean; password?: string; live?: boolean },
  ): WorkspaceInfo {
    const team = openTeamWorkspace(url, this.dataDir, {
      password: options.password ?? this.keptPassword(url),
      create: options.create,
      live: options.live ?? this.mode !== 'node',
      onStatus: (status, detail) =>
        this.emit('team:did-change-status', detail ? { status, detail } : { status }),
    });
    this.close();
    return this.mount({
      shown: team.address.display,
      file: team.file,
      db: team.db,
      store: team.store,
      team,
      sampleDocs: null,
    });
  }

  private keptPassword(url: string): string | undefined {
    if (!this.passwordFor) return undefined;
    try {
      if (new URL(url).password) return undefined; // the address carries its own
      return this.passwordFor(parseTeamAddress(url).display) ?? undefined;
    } catch {
      return undefined; // a malformed address: openTeamWorkspace says why
    }
  }

  /** Builds the services of an opened database and makes it the current workspace. */
  private mount(opened: {
    shown: string;
    file: string;
    db: Database.Database;
    store: GraphStore;
    team: TeamWorkspace | null;
    sampleDocs: string | null;
  }): WorkspaceInfo {
    const { file: abs, db, store, team, sampleDocs } = opened;
    const meta = metaOfDb(db);
    // A copy pulled from a team workspace is read-only: every graph write (edit, import, undo) is refused by the
    // write path's publisher hook, before it commits.
    const pulledFrom = team ? null : meta.get(PULLED_FROM_KEY);
    if (pulledFrom !== null)
      store.history.setPublisher(() => {
        throw new WellspringError('permission_denied', `This is a read-only copy of ${pulledFrom}.`, [], {
          key: 'errors.pulledCopyReadOnly',
          params: { address: pulledFrom, at: meta.get(PULLED_AT_KEY) ?? '' },
        });
      });

    const views = new ViewStore(db);
    const metrics = new MetricsService(() => store.getGraph(), { file: abs });
    const libraryStore = new LibraryStore(db);
    const search = new SearchService(libraryStore, store, `${abs}.search-index`);
    const emit: EventSink = (event, payload) => {
      this.emit(event, payload);
      // The evidence finder runs after every indexing run that changed the library (issue 7).
      if (event === 'library:did-progress' && !(payload as LibraryProgress).running)
        evidence.refreshIfStale();
    };
    const library = new LibraryService(libraryStore, search, emit, this.libraryOptions);
    const evidence = new EvidenceService({ db, store, library: libraryStore, search, emit });
    const knowledge = new KnowledgeService({
      db,
      store,
      library: libraryStore,
      candidateCounts: () => evidence.candidateCounts(),
      emit,
    });
    const experts = new ExpertService({ db, store, knowledge, search });
    const authorship = new AuthorshipService({ db, store, library: libraryStore });
    const inventory = new InventoryService({ db, store, knowledge });
    const competencies = new CompetencyService({ store, knowledge });
    // The views' reports are computed in the metrics worker (issue 12) with the same day, settings and evidence.
    metrics.setReportInputs({
      candidateCounts: () => evidence.candidateCounts(),
      settingsKey: () => JSON.stringify(knowledge.settings()),
    });
    // The write path's one change event reaches everyone from here (DESIGN §4): search refreshes the touched
    // nodes, analytics drops its cache, the renderer applies the ids; the undo state follows every change.
    store.onDidChange((change) => {
      search.nodesChanged(change.nodeIds);
      if (change.nodeIds.length || change.edgeIds.length) {
        metrics.invalidate();
        knowledge.invalidate();
        experts.invalidate();
        inventory.invalidate();
        competencies.invalidate();
      }
      this.emit('graph:did-change', change);
      this.emit('history:did-change', store.history.state());
    });
    views.onDidChange((viewIds) => this.emit('views:did-change', { viewIds }));
    this.current = {
      path: opened.shown,
      file: abs,
      team,
      db,
      store,
      views,
      meta,
      metrics,
      libraryStore,
      library,
      search,
      knowledge,
      evidence,
      experts,
      authorship,
      inventory,
      competencies,
    };
    // The search index saved at the last close is loaded in the background when it is still current (else it is
    // rebuilt from the stored text on the first query), and files left pending by an earlier run are extracted.
    void search.warm();
    library.resume();
    // The app keeps a daily backup of the open workspace (7 daily, 4 weekly: main/core/backup/retention.ts);
    // the CLI and the tests (mode `node`) do not, nor does a team workspace's replica (the server is the authority).
    if (this.mode !== 'node' && !team) {
      this.backups = new BackupScheduler({
        workspaceFile: abs,
        dataDir: this.dataDir,
        onError: (e) =>
          console.warn(`wellspring: the daily backup of ${abs} failed: ${(e as Error).message}`),
        // The File menu's restore dialog lists backups: a new daily one (or one pruned) changes that list.
        onResult: () => this.emit('backup:did-change', {}),
      });
      void this.backups.start();
    }
    // A new sample indexes its documents (the finder runs after that); otherwise catch up on a changed library.
    if (sampleDocs)
      this.seeding = library.addFolder(sampleDocs).then(
        () => undefined,
        () => undefined,
      );
    else if (!library.progress().running) evidence.refreshIfStale();
    this.remember(opened.shown);
    const info = this.info();
    this.emit('workspace:did-open', info);
    return info;
  }

  /** The sample's documents being added to the library, while a new sample workspace is being set up. */
  private seeding: Promise<void> = Promise.resolve();

  /**
   * Resolves when the library has nothing left to extract, including the sample's own documents that a new sample
   * workspace starts indexing at open (the CLI waits for them). Never rejects.
   */
  async whenLibraryIdle(): Promise<void> {
    await this.seeding;
    await this.current?.library.whenIdle();
  }

  /** The GraphStore of the open workspace. @throws not_found when none is open */
  get store(): GraphStore {
    if (!this.current) throw new WellspringError('not_found', 'No workspace is open.', [], NO_WORKSPACE);
    return this.current.store;
  }

  /** The open workspace's `meta` table (settings that are not graph content). @throws not_found */
  get meta(): MetaAccess {
    return this.require().meta;
  }

  /** The views of the open workspace (their settings; positions go through the store). @throws not_found */
  get views(): ViewStore {
    return this.require().views;
  }

  /** Centrality and communities of the open workspace's graph. @throws not_found when none is open */
  get metrics(): MetricsService {
    return this.require().metrics;
  }

  /** The document library of the open workspace. @throws not_found when none is open */
  get library(): LibraryService {
    return this.require().library;
  }

  /** SQL access to the library tables. @throws not_found when none is open */
  get libraryStore(): LibraryStore {
    return this.require().libraryStore;
  }

  /** Full-text search over documents and graph nodes. @throws not_found when none is open */
  get search(): SearchService {
    return this.require().search;
  }

  /** Strengths, gaps, pipelines and process edits of the open workspace. @throws not_found when none is open */
  get knowledge(): KnowledgeService {
    return this.require().knowledge;
  }

  /** The evidence finder of the open workspace. @throws not_found when none is open */
  get evidence(): EvidenceService {
    return this.require().evidence;
  }

  /** Experts, key-person risk and the departure simulation of the open workspace. @throws not_found */
  get experts(): ExpertService {
    return this.require().experts;
  }

  /** Holders proposed from document authors. @throws not_found when none is open */
  get authorship(): AuthorshipService {
    return this.require().authorship;
  }

  /** The knowledge inventory of the open workspace. @throws not_found when none is open */
  get inventory(): InventoryService {
    return this.require().inventory;
  }

  /** The core-competence tree, its coverage and edits. @throws not_found when none is open */
  get competencies(): CompetencyService {
    return this.require().competencies;
  }

  private require(): NonNullable<WorkspaceService['current']> {
    if (!this.current) throw new WellspringError('not_found', 'No workspace is open.', [], NO_WORKSPACE);
    return this.current;
  }

  /** Name, path, schema version and counts of the open workspace. */
  info(): WorkspaceInfo {
    if (!this.current) throw new WellspringError('not_found', 'No workspace is open.', [], NO_WORKSPACE);
    const { db, store } = this.current;
    const row = db.prepare("SELECT value FROM meta WHERE key = 'name'").get() as
      { value: string } | undefined;
    const s = store.stats();
    const team = this.current.team;
    const pulledFrom = this.current.meta.get(PULLED_FROM_KEY);
    return {
      path: this.current.path,
      name: row?.value ?? path.basename(this.current.path, path.extname(this.current.path)),
      schemaVersion: LATEST_VERSION,
      nodeCount: s.nodeTotal,
      edgeCount: s.edgeTotal,
      mode: this.mode,
      ...(team
        ? {
            team: {
              address: team.address.display,
              user: team.replica.info.user,
              role: team.replica.info.role,
              units: team.replica.info.units,
              status: team.status(),
            },
          }
        : {}),
      ...(pulledFrom !== null && !team
        ? { pulledFrom: { address: pulledFrom, at: this.current.meta.get(PULLED_AT_KEY) ?? '' } }
        : {}),
    };
  }

  /** The open team workspace (issue 13), or null for a workspace file or none. */
  get team(): TeamWorkspace | null {
    return this.current?.team ?? null;
  }

  /** Recently opened workspace files that still exist, and team workspace addresses, newest first. */
  recent(): string[] {
    try {
      const list = JSON.parse(fs.readFileSync(this.recentFile(), 'utf8')) as unknown;
      return Array.isArray(list)
        ? list.filter((p): p is string => typeof p === 'string' && (isTeamAddress(p) || fs.existsSync(p)))
        : [];
    } catch {
      return [];
    }
  }

  /**
   * Closes the open workspace (checkpointing the WAL); safe to call twice. An indexing run is cancelled; its
   * unfinished files stay pending for the next start. Prefer `shutdown()` where the caller can wait.
   */
  close(): void {
    void this.backups?.stop();
    this.backups = null;
    if (!this.current) return;
    const { db, library, search, metrics, evidence, team } = this.current;
    this.current = null;
    void team?.close().catch(() => undefined);
    void evidence.close().catch(() => undefined);
    void metrics.close().catch(() => undefined);
    void library.close().catch(() => undefined);
    // save() reads what it needs from the database before its first await, so the database can close now.
    void search.save().catch(() => undefined);
    db.close();
  }

  /** Like close(), but waits until the extraction threads have ended. */
  async shutdown(): Promise<void> {
    await this.backups?.stop();
    this.backups = null;
    if (!this.current) return;
    const { db, library, search, metrics, evidence, team } = this.current;
    this.current = null;
    await team?.close().catch(() => undefined);
    await evidence.close().catch(() => undefined);
    await metrics.close().catch(() => undefined);
    await library.close().catch(() => undefined);
    // A snapshot still loading reads the database when it is done: let it finish first.
    await search.warming?.catch(() => undefined);
    await search.save().catch(() => undefined);
    db.close();
  }

  /**
   * Closes the open workspace, runs `work` on its file, and opens that file again — also when `work` fails, so
   * the app ends with the workspace open either way (as `work` left the file). For replacing the file under the
   * app: the File menu's restore (main/core/backup/workspace-backups.ts). Closing waits like shutdown() (the daily
   * backup stopped, extraction ended, the search snapshot written); opening emits `workspace:did-open`, on which
   * the renderer refetches everything, and starts a new daily scheduler. Calls made meanwhile find no workspace
   * open (`errors.noWorkspace`).
   * @returns what `work` resolved to
   * @throws what `work` threw (the workspace reopened); openWorkspaceDb's errors when the file will not open again
   */
  async reopenAround<T>(work: (file: string) => Promise<T>): Promise<T> {
    const current = this.require();
    if (current.team)
      throw new WellspringError(
        'invalid_input',
        'A team workspace is restored on its server, not from a backup.',
        [],
        {
          key: 'errors.teamNoRestore',
        },
      );
    const file = current.path;
    await this.shutdown();
    let result: T;
    try {
      result = await work(file);
    } catch (e) {
      this.open(file);
      throw e;
    }
    this.open(file);
    return result;
  }

  private remember(file: string): void {
    const list = [file, ...this.recent().filter((p) => p !== file)].slice(0, RECENT_LIMIT);
    fs.mkdirSync(this.dataDir, { recursive: true });
    fs.writeFileSync(this.recentFile(), JSON.stringify(list, null, 2));
  }

  private recentFile(): string {
    return path.join(this.dataDir, 'recent.json');
  }
}
