/**
 * The one contract between the renderer and the main process (DESIGN §4).
 *
 * Every channel is named `domain:verb` and carries a zod schema for its input and its output; the API type the
 * renderer sees is derived from these schemas, and `main/core/api/handlers.ts` must implement every channel (a
 * missing handler is a compile error). The same schemas describe the graph model of DESIGN §3, so the store, the
 * wire and the UI agree on one definition of a node kind and its props.
 *
 * This file imports only zod: it is shared by main, preload and renderer.
 */
import { z } from 'zod';

// ---------------------------------------------------------------------------------------------------------------
// Graph model (DESIGN §3)
// ---------------------------------------------------------------------------------------------------------------

/** Node kinds of the knowledge graph. */
export const NODE_KINDS = [
  'knowledge',
  'expert',
  'process',
  'step',
  'competency',
  'category',
  'term',
  'document',
  'unit',
] as const;
export const NodeKind = z.enum(NODE_KINDS);
export type NodeKind = z.infer<typeof NodeKind>;

/** Edge kinds of the knowledge graph. */
export const EDGE_KINDS = [
  'part_of',
  'next',
  'requires',
  'produces',
  'consults',
  'knows',
  'owns',
  'supports',
  'classified_as',
  'documented_by',
  'learned_at',
  'defines',
  'related',
] as const;
export const EdgeKind = z.enum(EDGE_KINDS);
export type EdgeKind = z.infer<typeof EdgeKind>;

/** Knowledge form: explicit (written down) or tacit (in people's heads). */
export const KnowledgeForm = z.enum(['explicit', 'tacit']);
/** Where a knowledge item lives. */
export const Existence = z.enum(['document', 'template', 'system', 'case', 'training', 'person']);
/** Stage of the SECI spiral (Nonaka & Takeuchi, 1995). */
export const SeciStage = z.enum(['socialisation', 'externalisation', 'combination', 'internalisation']);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD');
const level1to5 = z.number().int().min(1).max(5);

/** Per-kind props, validated by the store on every write. Unknown keys are rejected. */
export const NODE_PROPS = {
  knowledge: z.strictObject({
    form: KnowledgeForm,
    existence: Existence,
    seciStage: SeciStage.optional(),
    status: z.enum(['draft', 'active', 'retired']),
    reviewDue: isoDate.optional(),
    confidentiality: z.enum(['public', 'internal', 'confidential', 'secret']),
    importance: z.number().int().min(1).max(3),
  }),
  expert: z.strictObject({
    title: z.string().max(200).optional(),
    department: z.string().max(200).optional(),
    contact: z.string().max(200).optional(),
    /** 1 (staying) … 5 (leaving soon), IAEA knowledge-loss risk assessment. */
    attritionRisk: level1to5,
    availability: z.enum(['available', 'limited', 'unavailable']).optional(),
  }),
  process: z.strictObject({ ownerUnit: z.string().max(200).optional() }),
  step: z.strictObject({
    order: z.number().int().min(1),
    responsibleRole: z.string().max(200).optional(),
    phase: z.string().max(200).optional(),
  }),
  competency: z.strictObject({ level: z.enum(['core', 'capability', 'sub']), target: level1to5 }),
  category: z.strictObject({}),
  term: z.strictObject({
    definition: z.string().max(10_000),
    synonyms: z.array(z.string().max(200)).max(100),
    translations: z.strictObject({ en: z.string().max(200).optional(), zh: z.string().max(200).optional() }),
  }),
  document: z.strictObject({
    path: z.string().min(1).max(4096),
    sha256: z.string().optional(),
    size: z.number().int().min(0).optional(),
    mtime: z.number().optional(),
    mime: z.string().optional(),
    pages: z.number().int().min(0).optional(),
    status: z.enum(['indexed', 'needs-password', 'no-text', 'unsupported', 'failed', 'pending']).optional(),
    error: z.string().optional(),
  }),
  unit: z.strictObject({ unitType: z.enum(['company', 'department', 'store', 'plant']) }),
} as const satisfies Record<NodeKind, z.ZodType>;
export type NodePropsOf<K extends NodeKind> = z.infer<(typeof NODE_PROPS)[K]>;

/** Default props for a new node of each kind, so "create node" in the UI always starts valid. */
export const DEFAULT_NODE_PROPS: { [K in NodeKind]: NodePropsOf<K> } = {
  knowledge: {
    form: 'explicit',
    existence: 'document',
    status: 'draft',
    confidentiality: 'internal',
    importance: 2,
  },
  expert: { attritionRisk: 1 },
  process: {},
  step: { order: 1 },
  competency: { level: 'sub', target: 3 },
  category: {},
  term: { definition: '', synonyms: [], translations: {} },
  document: { path: 'untitled' },
  unit: { unitType: 'department' },
};

/** Props per edge kind. */
export const EDGE_PROPS = {
  part_of: z.strictObject({}),
  next: z.strictObject({}),
  requires: z.strictObject({ importance: z.number().int().min(1).max(3).optional() }),
  produces: z.strictObject({ importance: z.number().int().min(1).max(3).optional() }),
  consults: z.strictObject({}),
  /** Proficiency 1–5 (ARIS: degree of coverage). */
  knows: z.strictObject({ proficiency: level1to5 }),
  owns: z.strictObject({}),
  supports: z.strictObject({ weight: z.number().min(0).max(1).optional() }),
  classified_as: z.strictObject({}),
  documented_by: z.strictObject({ page: z.number().int().min(1).optional() }),
  learned_at: z.strictObject({}),
  defines: z.strictObject({}),
  related: z.strictObject({ note: z.string().max(1000).optional() }),
} as const satisfies Record<EdgeKind, z.ZodType>;

/** Default props for a new edge of each kind. */
export const DEFAULT_EDGE_PROPS: Record<EdgeKind, Record<string, unknown>> = {
  part_of: {},
  next: {},
  requires: {},
  produces: {},
  consults: {},
  knows: { proficiency: 3 },
  owns: {},
  supports: {},
  classified_as: {},
  documented_by: {},
  learned_at: {},
  defines: {},
  related: {},
};

/**
 * Allowed source → target kinds per edge kind (DESIGN §3). `'*'` means any kind. `unit → unit` is allowed for
 * `part_of` so that organisational units can nest (a store belongs to the sales department).
 */
export const EDGE_RULES: Record<EdgeKind, ReadonlyArray<readonly [NodeKind | '*', NodeKind | '*']>> = {
  part_of: [
    ['step', 'process'],
    ['competency', 'competency'],
    ['category', 'category'],
    ['expert', 'unit'],
    ['unit', 'unit'],
  ],
  next: [['step', 'step']],
  requires: [['step', 'knowledge']],
  produces: [['step', 'knowledge']],
  consults: [['step', 'expert']],
  knows: [
    ['expert', 'knowledge'],
    ['expert', 'category'],
  ],
  owns: [['expert', 'knowledge']],
  supports: [['knowledge', 'competency']],
  classified_as: [['knowledge', 'category']],
  documented_by: [['knowledge', 'document']],
  learned_at: [
    ['knowledge', 'step'],
    ['knowledge', 'process'],
  ],
  defines: [
    ['term', 'knowledge'],
    ['term', 'category'],
  ],
  related: [['*', '*']],
};

/** The edge kinds allowed from a node of kind `source` to one of kind `target`, in EDGE_KINDS order. */
export function allowedEdgeKinds(source: NodeKind, target: NodeKind): EdgeKind[] {
  return EDGE_KINDS.filter((kind) =>
    EDGE_RULES[kind].some(([s, t]) => (s === '*' || s === source) && (t === '*' || t === target)),
  );
}

const id = z.string().min(1).max(64);
const label = z.string().trim().min(1, 'a label cannot be empty').max(500);
const tag = z.string().trim().min(1).max(100);

/** A node as it crosses the boundary. Times are ISO-8601 strings; x/y are model coordinates (px) or null. */
export const NodeDto = z.object({
  id,
  kind: NodeKind,
  label: z.string(),
  aliases: z.array(z.string()),
  description: z.string(),
  tags: z.array(z.string()),
  props: z.record(z.string(), z.unknown()),
  x: z.number().nullable(),
  y: z.number().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type NodeDto = z.infer<typeof NodeDto>;

/** An edge as it crosses the boundary. */
export const EdgeDto = z.object({
  id,
  kind: EdgeKind,
  source: id,
  target: id,
  props: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
});
export type EdgeDto = z.infer<typeof EdgeDto>;

export const GraphDto = z.object({ nodes: z.array(NodeDto), edges: z.array(EdgeDto) });
export type GraphDto = z.infer<typeof GraphDto>;

/** Filter over nodes; every given criterion must hold (AND). Edges are kept when both ends are kept. */
export const GraphFilter = z.strictObject({
  kinds: z.array(NodeKind).max(NODE_KINDS.length).optional(),
  tags: z.array(tag).max(100).optional(),
  /** Keep knowledge items classified under this category or its sub-categories, plus every non-knowledge node. */
  categoryId: id.optional(),
  forms: z.array(KnowledgeForm).max(2).optional(),
  /** NFKC + case-folded substring over label, aliases and description. */
  text: z.string().max(500).optional(),
});
export type GraphFilter = z.infer<typeof GraphFilter>;

export const NewNode = z.strictObject({
  kind: NodeKind,
  label,
  aliases: z.array(z.string().trim().min(1).max(500)).max(50).optional(),
  description: z.string().max(100_000).optional(),
  tags: z.array(tag).max(100).optional(),
  /** Validated against NODE_PROPS[kind]; defaults to DEFAULT_NODE_PROPS[kind]. */
  props: z.record(z.string(), z.unknown()).optional(),
  x: z.number().finite().optional(),
  y: z.number().finite().optional(),
});
export type NewNode = z.infer<typeof NewNode>;

export const NodePatch = z.strictObject({
  label: label.optional(),
  aliases: z.array(z.string().trim().min(1).max(500)).max(50).optional(),
  description: z.string().max(100_000).optional(),
  tags: z.array(tag).max(100).optional(),
  /** Merged over the current props, then validated against NODE_PROPS[kind]; `null` removes a key. */
  props: z.record(z.string(), z.unknown()).optional(),
});
export type NodePatch = z.infer<typeof NodePatch>;

export const NewEdge = z.strictObject({
  kind: EdgeKind,
  source: id,
  target: id,
  props: z.record(z.string(), z.unknown()).optional(),
});
export type NewEdge = z.infer<typeof NewEdge>;

/**
 * What one undoable edit did, so the UI can say it in the user's language ("Undo: edit knowledge item “…”").
 * `kind` is the node kind, or the edge kind for connect/edit-edge/disconnect; `label` the node's label, or
 * "source → target" for edges.
 */
export const EditSummary = z.object({
  action: z.enum(['add', 'edit', 'delete', 'connect', 'edit-edge', 'disconnect']),
  kind: z.string(),
  label: z.string(),
});
export type EditSummary = z.infer<typeof EditSummary>;

export const HistoryState = z.object({
  canUndo: z.boolean(),
  canRedo: z.boolean(),
  undo: EditSummary.nullable(),
  redo: EditSummary.nullable(),
});
export type HistoryState = z.infer<typeof HistoryState>;

export const WorkspaceInfo = z.object({
  path: z.string(),
  name: z.string(),
  schemaVersion: z.number().int(),
  nodeCount: z.number().int(),
  edgeCount: z.number().int(),
  /** How the workspace is served: inside Electron or in a browser through the loopback bridge. */
  mode: z.enum(['electron', 'browser', 'node']),
});
export type WorkspaceInfo = z.infer<typeof WorkspaceInfo>;

export const Stats = z.object({
  nodes: z.record(z.string(), z.number().int()),
  edges: z.record(z.string(), z.number().int()),
  nodeTotal: z.number().int(),
  edgeTotal: z.number().int(),
});
export type Stats = z.infer<typeof Stats>;

// ---------------------------------------------------------------------------------------------------------------
// Document library and search
// ---------------------------------------------------------------------------------------------------------------

/** Extraction status of a library file (see main/core/documents/extract/types.ts). */
export const DocumentStatus = z.enum([
  'pending',
  'indexed',
  'needs-password',
  'no-text',
  'unsupported',
  'failed',
]);
export type DocumentStatus = z.infer<typeof DocumentStatus>;

/** A file of the library. `mtimeMs` in ms since the epoch; `size` in bytes. */
export const DocumentDto = z.object({
  id: z.number().int(),
  folderId: z.number().int(),
  path: z.string(),
  name: z.string(),
  ext: z.string(),
  size: z.number(),
  mtimeMs: z.number(),
  mime: z.string().nullable(),
  encoding: z.string().nullable(),
  pageCount: z.number().int(),
  status: DocumentStatus,
  error: z.string().nullable(),
  indexedAt: z.string().nullable(),
});
export type DocumentDto = z.infer<typeof DocumentDto>;

export const LibraryFolderDto = z.object({
  id: z.number().int(),
  path: z.string(),
  addedAt: z.string(),
  /** Files by status. */
  counts: z.record(z.string(), z.number().int()),
});
export type LibraryFolderDto = z.infer<typeof LibraryFolderDto>;

/** Progress of the indexing run: files done of total, the file being read, pages extracted so far. */
export const LibraryProgress = z.object({
  running: z.boolean(),
  done: z.number().int(),
  total: z.number().int(),
  current: z.string().nullable(),
  pages: z.number().int(),
  failed: z.number().int(),
  cancelled: z.boolean(),
});
export type LibraryProgress = z.infer<typeof LibraryProgress>;

/** [start, end) offsets of a hit inside a snippet or label. */
const Range = z.tuple([z.number().int(), z.number().int()]);

export const SearchHitPage = z.object({
  page: z.number().int(),
  score: z.number(),
  snippets: z.array(z.object({ text: z.string(), highlights: z.array(Range) })),
});

/** Search results: documents (grouped, best pages first) and graph nodes. `tookMs` in milliseconds. */
export const SearchResultDto = z.object({
  query: z.string(),
  docs: z.array(
    z.object({
      doc: DocumentDto,
      score: z.number(),
      pages: z.array(SearchHitPage),
    }),
  ),
  nodes: z.array(z.object({ node: NodeDto, score: z.number(), highlights: z.array(Range) })),
  total: z.number().int(),
  tookMs: z.number(),
});
export type SearchResultDto = z.infer<typeof SearchResultDto>;

export const SearchFilters = z.strictObject({
  /** File extensions without the dot, e.g. ['pdf', 'docx']. */
  types: z.array(z.string().min(1).max(10)).max(20).optional(),
  folderId: z.number().int().optional(),
  /** Modified on or after / before, as YYYY-MM-DD. */
  from: isoDate.optional(),
  to: isoDate.optional(),
  /** Include graph nodes (default true). */
  nodes: z.boolean().optional(),
});
export type SearchFilters = z.infer<typeof SearchFilters>;

const ok = z.object({ ok: z.literal(true) });
const empty = z.strictObject({});
const position = z.strictObject({ id, x: z.number().finite(), y: z.number().finite() });

// ---------------------------------------------------------------------------------------------------------------
// Channels
// ---------------------------------------------------------------------------------------------------------------

/** Every request channel: input schema → output schema. */
export const CHANNELS = {
  'workspace:info': { input: empty, output: WorkspaceInfo },
  'workspace:stats': { input: empty, output: Stats },
  'workspace:recent': { input: empty, output: z.array(z.string()) },
  /** Open another workspace file (Electron: from the native dialog or the recent list). */
  'workspace:open': { input: z.strictObject({ path: z.string().min(1).max(4096) }), output: WorkspaceInfo },
  /** Create a workspace at `path`, optionally seeded with the sample, and switch to it. */
  'workspace:create': {
    input: z.strictObject({ path: z.string().min(1).max(4096), sample: z.boolean().optional() }),
    output: WorkspaceInfo,
  },
  'graph:get': { input: z.strictObject({ filter: GraphFilter.optional() }), output: GraphDto },
  'graph:ego': {
    input: z.strictObject({
      nodeId: id,
      depth: z.number().int().min(0).max(6),
      filter: GraphFilter.optional(),
    }),
    output: GraphDto,
  },
  'graph:get-node': {
    input: z.strictObject({ id }),
    output: z.object({ node: NodeDto, edges: z.array(EdgeDto), neighbours: z.array(NodeDto) }),
  },
  'graph:add-node': { input: NewNode, output: NodeDto },
  'graph:update-node': { input: z.strictObject({ id, patch: NodePatch }), output: NodeDto },
  'graph:delete-node': { input: z.strictObject({ id }), output: ok },
  'graph:add-edge': { input: NewEdge, output: EdgeDto },
  'graph:update-edge': {
    input: z.strictObject({ id, props: z.record(z.string(), z.unknown()) }),
    output: EdgeDto,
  },
  'graph:delete-edge': { input: z.strictObject({ id }), output: ok },
  /** Stored layout positions (model px). Not part of the undo history. */
  'graph:save-positions': {
    input: z.strictObject({ positions: z.array(position).max(200_000) }),
    output: z.object({ saved: z.number().int() }),
  },
  'history:state': { input: empty, output: HistoryState },
  'history:undo': { input: empty, output: HistoryState },
  'history:redo': { input: empty, output: HistoryState },
  'library:folders': { input: empty, output: z.array(LibraryFolderDto) },
  /** Adds a folder to the library and starts indexing it. */
  'library:add-folder': {
    input: z.strictObject({ path: z.string().min(1).max(4096) }),
    output: LibraryFolderDto,
  },
  'library:remove-folder': { input: z.strictObject({ id: z.number().int() }), output: ok },
  /** Rescans (one folder or all) and extracts what is new or changed. */
  'library:reindex': {
    input: z.strictObject({ folderId: z.number().int().optional() }),
    output: LibraryProgress,
  },
  'library:cancel': { input: empty, output: LibraryProgress },
  'library:progress': { input: empty, output: LibraryProgress },
  /** Files of the library, optionally only those with problems; paged. */
  'library:documents': {
    input: z.strictObject({
      folderId: z.number().int().optional(),
      problemsOnly: z.boolean().optional(),
      offset: z.number().int().min(0).optional(),
      limit: z.number().int().min(1).max(1000).optional(),
    }),
    output: z.object({ docs: z.array(DocumentDto), total: z.number().int() }),
  },
  'library:document': { input: z.strictObject({ id: z.number().int() }), output: DocumentDto },
  /** Retries an encrypted PDF with the password the user typed (not stored). */
  'library:unlock': {
    input: z.strictObject({ id: z.number().int(), password: z.string().max(1000) }),
    output: DocumentDto,
  },
  'library:page-text': {
    input: z.strictObject({ id: z.number().int(), page: z.number().int().min(1) }),
    output: z.object({ page: z.number().int(), label: z.string().nullable(), text: z.string() }),
  },
  /** The file's bytes (base64) for the PDF viewer; at most 100 MB. */
  'library:file-data': {
    input: z.strictObject({ id: z.number().int() }),
    output: z.object({ mime: z.string().nullable(), base64: z.string() }),
  },
  /** Finds the library file of a document node's path, or null. */
  'library:find-by-path': {
    input: z.strictObject({ path: z.string().min(1).max(4096) }),
    output: DocumentDto.nullable(),
  },
  /**
   * Links a page of a library file to a knowledge item: creates the `document` node on first use and a
   * `documented_by` edge with the page, as one undoable edit.
   */
  'library:link': {
    input: z.strictObject({ docId: z.number().int(), page: z.number().int().min(1), knowledgeId: id }),
    output: EdgeDto,
  },
  'search:query': {
    input: z.strictObject({
      query: z.string().max(500),
      limit: z.number().int().min(1).max(200).optional(),
      filters: SearchFilters.optional(),
    }),
    output: SearchResultDto,
  },
  /** Asks for a folder with the native dialog (Electron only; browser mode answers `unsupported`). */
  'dialog:pick-folder': { input: empty, output: z.object({ path: z.string().nullable() }) },
  /** Save a file chosen by the user (Electron: native save dialog; browser: a download). */
  'export:save-file': {
    input: z.strictObject({
      suggestedName: z.string().min(1).max(255),
      /** data: URL (PNG) or plain text (SVG). */
      content: z.string().max(200_000_000),
      encoding: z.enum(['utf8', 'dataUrl']),
    }),
    output: z.object({ saved: z.boolean(), path: z.string().nullable() }),
  },
  /** Open an http(s) link in the system browser (Electron: shell.openExternal). */
  'shell:open-external': {
    input: z.strictObject({ url: z.url({ protocol: /^https?$/ }) }),
    output: ok,
  },
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;

export type Channel = keyof typeof CHANNELS;
export const CHANNEL_NAMES = Object.keys(CHANNELS) as Channel[];
export type InputOf<C extends Channel> = z.input<(typeof CHANNELS)[C]['input']>;
export type ParsedInputOf<C extends Channel> = z.output<(typeof CHANNELS)[C]['input']>;
export type OutputOf<C extends Channel> = z.infer<(typeof CHANNELS)[C]['output']>;

/** Events pushed from main to the renderer (IPC in Electron, server-sent events in browser mode). */
export const EVENTS = {
  'graph:did-change': z.object({ reason: z.string(), nodeIds: z.array(z.string()).optional() }),
  'history:did-change': HistoryState,
  'workspace:did-open': WorkspaceInfo,
  'library:did-progress': LibraryProgress,
  /** Files were added, re-extracted or removed. */
  'library:did-change': z.object({ folderId: z.number().int().nullable() }),
  /** A command chosen in the native app menu (id from preload/commands.ts). */
  'app:did-run-command': z.object({ id: z.string() }),
} as const;
export type EventName = keyof typeof EVENTS;
export const EVENT_NAMES = Object.keys(EVENTS) as EventName[];
export type EventPayload<E extends EventName> = z.infer<(typeof EVENTS)[E]>;

// ---------------------------------------------------------------------------------------------------------------
// Result envelope
// ---------------------------------------------------------------------------------------------------------------

/** Stable error codes that cross the boundary. */
export const ERROR_CODES = [
  'invalid_input',
  'not_found',
  'edge_kind_mismatch',
  'duplicate_edge',
  'not_a_workspace',
  'workspace_too_new',
  'unknown_history',
  'unsupported',
  'io_error',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** What every channel answers: `{ok:true, value}` or `{ok:false, code, message, path}` (path: the offending field). */
export type Result<T> =
  { ok: true; value: T } | { ok: false; code: ErrorCode; message: string; path: Array<string | number> };

/** The API the renderer sees: one async method per channel, resolving to its result envelope. */
export type WellspringApi = {
  [C in Channel]: (input: InputOf<C>) => Promise<Result<OutputOf<C>>>;
};

/** What the preload exposes as `window.wellspring`. */
export interface WellspringBridge {
  invoke<C extends Channel>(channel: C, input: InputOf<C>): Promise<Result<OutputOf<C>>>;
  /** Subscribe to a main-process event; returns the unsubscribe function. */
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
  /** Tell main which command ids the app menu may enable (Electron only). */
  platform: string;
}
