/**
 * The fuzzed API (issue 12, Robustness): generated payloads for every channel of the contract, grouped by family
 * (the prefix before `:` of the dispatcher's channel table, `CHANNEL_NAMES`), sent through a target (the IPC
 * dispatcher as main/shell/ipc.ts registers it, or the browser-mode HTTP bridge) against a real workspace. Each
 * answer is checked: a well-formed result envelope (zod, below), a refusal's message key present in both languages,
 * an accepted value that parses with the channel's output schema, no write to the workspace database by a refused
 * payload (PRAGMA data_version of a second connection, which changes when any other connection commits), no
 * prototype pollution, no throw, no hang. Plain module (no vitest): the unit tests and tests/soak/fuzz-api.soak.ts
 * both run it.
 *
 * Payloads (fast-check 4, seeded): a third shaped by the channel's input schema with values from edge pools (real
 * ids of the sample workspace, invalid ids, unicode edge cases, huge strings, NaN/±Infinity/-0, paths with ../,
 * %2e%2e, NUL, backslashes); a quarter of those shapes mutated (a field dropped, a stray key, a field of the wrong
 * type); the rest garbage (fc.anything, deep nesting, `__proto__`/`constructor` keys, huge strings).
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { z } from 'zod';
import { CHANNELS, CHANNEL_NAMES, ERROR_CODES } from '../../../../preload/contract';
import type { WorkspaceService } from '../../../../main/core/workspace/workspace-service';

/** The channel families, from the dispatcher's table: `graph` → every `graph:*` channel. */
export function channelFamilies(): Map<string, string[]> {
  const families = new Map<string, string[]>();
  for (const c of CHANNEL_NAMES) {
    const family = c.slice(0, c.indexOf(':'));
    families.set(family, [...(families.get(family) ?? []), c]);
  }
  return families;
}

/** What a target answers for one call: the parsed envelope, or why there is none (a crash). */
export type Answer = { envelope: unknown } | { crash: string };

/** A way into the API: IPC (dispatch behind registerIpc) or HTTP (the browser-mode server). */
export interface FuzzTarget {
  name: string;
  /** Sends `payload` to `channel`; a target may send `rawBody` instead where it has bodies (HTTP). */
  call(channel: string, payload: unknown, rawBody?: string): Promise<Answer>;
}

/** Per-family figures of a run. */
export interface FamilyStats {
  family: string;
  payloads: number;
  accepted: number;
  refusedByCode: Record<string, number>;
  crashes: number;
  writesFromInvalid: number;
  badEnvelopes: number;
  /** Refusals whose message key is missing from the English or the Chinese translation files. */
  untranslated: number;
  /** Accepted values that do not parse with the channel's output schema. */
  outputMismatches: number;
  /** Wall time of the family's run, milliseconds. */
  elapsedMs: number;
}

/** One problem found, with what reproduces it (the payload, cut to 300 characters). */
export interface FuzzProblem {
  family: string;
  channel: string;
  kind:
    | 'crash'
    | 'internal'
    | 'write-from-invalid'
    | 'bad-envelope'
    | 'untranslated'
    | 'output-mismatch'
    | 'pollution';
  detail: string;
  payload: string;
}

/** The result envelope as preload/contract/result.ts defines it. */
export const Envelope = z.union([
  z.strictObject({ ok: z.literal(true), value: z.unknown() }),
  z.strictObject({
    ok: z.literal(false),
    code: z.enum(ERROR_CODES),
    message: z.string().min(1),
    path: z.array(z.union([z.string(), z.number()])),
    key: z.string().min(1).optional(),
    params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  }),
]);

const LOCALES = path.resolve(__dirname, '../../../../renderer/src/i18n/locales');

/** Loads every namespace of one language: `{ common: {...}, library: {...} }`. */
function loadLanguage(lang: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fs.readdirSync(path.join(LOCALES, lang)))
    if (f.endsWith('.json'))
      out[f.slice(0, -5)] = JSON.parse(fs.readFileSync(path.join(LOCALES, lang, f), 'utf8'));
  return out;
}

/** True when an i18next key (`errors.x` in common, `library:errors.x`) has a string, or its plural forms. */
function hasKey(lang: Record<string, unknown>, key: string): boolean {
  const at = key.indexOf(':');
  const ns = at >= 0 ? key.slice(0, at) : 'common';
  const parts = (at >= 0 ? key.slice(at + 1) : key).split('.');
  let v: unknown = lang[ns];
  for (const p of parts.slice(0, -1))
    v = v && typeof v === 'object' ? (v as Record<string, unknown>)[p] : undefined;
  if (!v || typeof v !== 'object') return false;
  const last = parts[parts.length - 1]!;
  const o = v as Record<string, unknown>;
  return typeof o[last] === 'string' || typeof o[`${last}_other`] === 'string';
}

/** Ids of the sample workspace, for payloads that reach handlers with ids that exist. */
export interface IdPools {
  strings: string[];
  numbers: number[];
}

/** Node, edge and view ids of the open workspace. */
export function idPools(ws: WorkspaceService): IdPools {
  const g = ws.store.getGraph() as { nodes: Array<{ id: string }>; edges: Array<{ id: string }> };
  const views = ws.views.list() as Array<{ id: string }>;
  return {
    strings: [...g.nodes.slice(0, 40), ...g.edges.slice(0, 20), ...views].map((x) => x.id),
    numbers: [1, 2, 3],
  };
}

/** Sizes of the generated payloads: the soak goes larger than `npm test`. */
export interface PayloadSizes {
  /** Longest huge string, characters. */
  hugeString: number;
  /** Deepest nesting of arrays/objects. */
  deepNesting: number;
}

const EDGE_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\uD800',
  '\uDFFF',
  'x\uDBFF',
  '\u202Eevil',
  '\uFEFF',
  'e\u0301\u0301\u0301',
  '🧪',
  '👩‍👩‍👧',
  '𠀀𪚥',
  '知识管理',
  '\u3000',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'null',
  'undefined',
  'NaN',
  '-0',
  '1e309',
  "' OR 1=1 --",
  '"; DROP TABLE nodes; --',
  '<script>alert(1)</script>',
  '{{params}}',
  '$t(map:kinds.expert)',
  '%s%n%x',
  'n_',
  'e_',
];

/** Path-like strings: traversal, encodings, NUL, backslashes, absolute paths; none of them a real workspace or folder. */
function pathPool(dir: string): string[] {
  const gone = path.join(dir, 'no-such-place');
  return [
    path.join(gone, 'w.wellspring'),
    path.join(gone, 'docs'),
    `${gone}/../../../etc/passwd`,
    `${gone}/%2e%2e/%2e%2e/etc/passwd`,
    `${gone}/..%2f..%2fetc`,
    `${gone}\\..\\..\\windows\\system32`,
    `${gone}/a\u0000b`,
    '/etc/passwd',
    '/dev/zero',
    '/proc/self/environ',
    // Windows forms, kept absolute here (on POSIX 'C:\\x' would be a relative name, resolved against the cwd).
    path.join(gone, '\\\\server\\share\\x'),
    path.join(gone, 'C:\\Windows\\win.ini'),
    `${gone}/${'深'.repeat(300)}`,
    path.join(gone, `file:${gone}`),
  ];
}

/** Fields that take a path get only the absolute pool paths: a relative one would be resolved against the cwd. */
function isPathKey(key: string): boolean {
  return /path|file|folder|dir/i.test(key);
}

interface GenContext {
  ids: IdPools;
  paths: string[];
  sizes: PayloadSizes;
}

function edgeString(ctx: GenContext): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...EDGE_STRINGS) },
    { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
    { weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
    { weight: 3, arbitrary: fc.constantFrom(...ctx.ids.strings, 'n_nope', 'e_nope', 'v_nope') },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.integer({ min: 1000, max: ctx.sizes.hugeString }), fc.constantFrom('x', '知', '🧪', ' '))
        .map(([n, c]) => c.repeat(Math.ceil(n / c.length))),
    },
  );
}

function edgeNumber(ctx: GenContext): fc.Arbitrary<number> {
  return fc.oneof(
    fc.constantFrom(NaN, Infinity, -Infinity, -0, 0, -1, 0.5, 2 ** 31, 2 ** 53, Number.MAX_VALUE, 1e-300),
    fc.constantFrom(...ctx.ids.numbers),
    fc.integer({ min: -3, max: 30 }),
    fc.integer(),
    fc.double(),
  );
}

/** Any value at all, for a field or a whole payload: structured-clone/JSON friendly (IPC clones, HTTP sends JSON). */
function garbage(ctx: GenContext): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc.anything({ maxDepth: 3, maxKeys: 6, withNullPrototype: true, key: edgeString(ctx) }),
    edgeString(ctx),
    edgeNumber(ctx),
    fc.constantFrom(null, undefined, true, false, [], {}, [[]], [{}]),
  );
}

/** Deep nesting, as arrays or objects, optionally under a real field name. */
function deep(ctx: GenContext): fc.Arbitrary<unknown> {
  return fc
    .tuple(
      fc.integer({ min: 50, max: ctx.sizes.deepNesting }),
      fc.boolean(),
      fc.constantFrom('ops', 'patch', 'x'),
    )
    .map(([depth, asArray, key]) => {
      let v: unknown = 1;
      for (let i = 0; i < depth; i++) v = asArray ? [v] : { [key]: v };
      return v;
    });
}

/** Objects whose own keys are `__proto__`/`constructor`/`prototype` (made by JSON.parse, as a body would be). */
function pollution(shape: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc
    .tuple(
      shape,
      fc.constantFrom(
        '{"__proto__":{"polluted":"yes","isAdmin":true}}',
        '{"constructor":{"prototype":{"polluted":"yes"}}}',
        '{"__proto__":null}',
        '{"prototype":{"polluted":"yes"}}',
        '{"props":{"__proto__":{"polluted":"yes"}}}',
        '{"patch":{"__proto__":{"polluted":"yes"},"props":{"constructor":{"prototype":{"polluted":1}}}}}',
      ),
    )
    .map(([base, json]) => {
      const evil = JSON.parse(json) as Record<string, unknown>;
      if (base === null || typeof base !== 'object' || Array.isArray(base)) return evil;
      const out = JSON.parse(JSON.stringify(base)) as Record<string, unknown>;
      for (const k of Object.keys(evil)) Object.defineProperty(out, k, { value: evil[k], enumerable: true });
      return out;
    });
}

type Def = { type: string } & Record<string, unknown>;
const defOf = (s: unknown): Def => (s as { _zod: { def: Def } })._zod.def;

/** Values shaped by a zod input schema, from the edge pools (often valid, often not). */
function fromSchema(schema: unknown, ctx: GenContext, key = '', depth = 0): fc.Arbitrary<unknown> {
  const d = defOf(schema);
  if (depth > 6) return fc.constant(undefined);
  switch (d.type) {
    case 'object': {
      const shape = d.shape as Record<string, unknown>;
      const required = Object.keys(shape).filter((k) => defOf(shape[k]).type !== 'optional');
      const fields = Object.fromEntries(
        Object.entries(shape).map(([k, v]) => [k, fromSchema(v, ctx, k, depth + 1)]),
      );
      return fc.record(fields, { requiredKeys: required });
    }
    case 'string':
      return isPathKey(key) ? fc.constantFrom(...ctx.paths) : edgeString(ctx);
    case 'number':
      return edgeNumber(ctx);
    case 'boolean':
      return fc.boolean();
    case 'enum':
      return fc.constantFrom(...Object.values(d.entries as Record<string, string | number>));
    case 'literal':
      return fc.constantFrom(...(d.values as unknown[]));
    case 'array':
      return fc.array(fromSchema(d.element, ctx, key, depth + 1), { maxLength: 4 });
    case 'optional':
      return fc.option(fromSchema(d.innerType, ctx, key, depth + 1), { nil: undefined, freq: 3 });
    case 'nullable':
      return fc.option(fromSchema(d.innerType, ctx, key, depth + 1), { nil: null, freq: 3 });
    case 'union':
      return fc.oneof(...(d.options as unknown[]).map((o) => fromSchema(o, ctx, key, depth + 1)));
    case 'record':
      return fc.dictionary(
        fc.oneof(fc.constantFrom('name', 'attritionRisk', 'proficiency', '__proto__'), edgeString(ctx)),
        fromSchema(d.valueType, ctx, key, depth + 1),
        { maxKeys: 3 },
      );
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** A shaped payload with one thing wrong: a field dropped, a stray key, a field of the wrong type. */
function mutated(shape: fc.Arbitrary<unknown>, ctx: GenContext): fc.Arbitrary<unknown> {
  return fc
    .tuple(shape, fc.nat(), fc.constantFrom('drop', 'extra', 'wrong', 'wrap'), garbage(ctx), edgeString(ctx))
    .map(([base, n, how, junk, extraKey]) => {
      if (base === null || typeof base !== 'object') return junk;
      const o = { ...(base as Record<string, unknown>) };
      const keys = Object.keys(o);
      const k = keys[n % Math.max(1, keys.length)];
      if (how === 'drop' && k !== undefined) delete o[k];
      else if (how === 'wrong' && k !== undefined) o[k] = junk;
      else if (how === 'wrap') return [o];
      else Object.defineProperty(o, extraKey, { value: junk, enumerable: true });
      return o;
    });
}

/** One generated call: the payload, or a raw body for HTTP. */
export interface FuzzCase {
  channel: string;
  payload: unknown;
  rawBody?: string;
  /** How it was made, for the report. */
  kind: 'shaped' | 'mutated' | 'garbage' | 'deep' | 'pollution' | 'raw';
}

/** The payload arbitrary of one channel. */
export function caseArbitrary(channel: string, ctx: GenContext, withRaw: boolean): fc.Arbitrary<FuzzCase> {
  const input = CHANNELS[channel as keyof typeof CHANNELS].input;
  const shaped = fromSchema(input, ctx);
  const of = (kind: FuzzCase['kind'], a: fc.Arbitrary<unknown>) =>
    a.map((payload): FuzzCase => ({ channel, payload, kind }));
  const raw = fc
    .oneof(
      fc.string({ unit: 'binary', maxLength: 60 }),
      fc.constantFrom('{', '{"a":', '[1,2', 'null', '""', 'NaN', '{"__proto__":', '\uFEFF{}', '{}{}'),
    )
    .map((rawBody): FuzzCase => ({ channel, payload: undefined, rawBody, kind: 'raw' }));
  return fc.oneof(
    { weight: 8, arbitrary: of('shaped', shaped) },
    { weight: 3, arbitrary: of('mutated', mutated(shaped, ctx)) },
    { weight: 5, arbitrary: of('garbage', garbage(ctx)) },
    { weight: 1, arbitrary: of('deep', deep(ctx)) },
    { weight: 2, arbitrary: of('pollution', pollution(shaped)) },
    { weight: withRaw ? 1 : 0, arbitrary: raw },
  );
}

/** Options of {@link fuzzFamily}. */
export interface FuzzOptions {
  target: FuzzTarget;
  ws: WorkspaceService;
  /** The workspace file the fuzz runs on; reopened when a payload opened or created another one. */
  workspaceFile: string;
  /** A scratch folder for the path pool (paths below a folder in it that does not exist). */
  dir: string;
  ids: IdPools;
  sizes: PayloadSizes;
  seed: number;
  /** Milliseconds one call may take before it counts as a hang (a crash). */
  callTimeoutMs?: number;
  /** Raw (non-JSON) bodies: only for HTTP. */
  withRaw?: boolean;
}

/**
 * Sends `count` generated payloads to the channels of `family` (spread evenly, in a seeded order) and checks each
 * answer. Returns the figures and the problems found (at most 20 kept per kind, the counts are complete).
 */
export async function fuzzFamily(
  family: string,
  count: number,
  options: FuzzOptions,
): Promise<{ stats: FamilyStats; problems: FuzzProblem[] }> {
  const { target, ws } = options;
  const channels = channelFamilies().get(family);
  if (!channels) throw new Error(`No channel family ${family}`);
  const ctx: GenContext = { ids: options.ids, paths: pathPool(options.dir), sizes: options.sizes };
  const arb = fc.oneof(...channels.map((c) => caseArbitrary(c, ctx, options.withRaw ?? false)));
  const gone = path.join(options.dir, 'no-such-place');
  const cases = fc
    .sample(arb, { numRuns: count, seed: options.seed })
    .map((c) => ({ ...c, payload: anchorPaths(c.payload, gone, 0) }));
  const stats: FamilyStats = {
    family,
    payloads: 0,
    accepted: 0,
    refusedByCode: {},
    crashes: 0,
    writesFromInvalid: 0,
    badEnvelopes: 0,
    untranslated: 0,
    outputMismatches: 0,
    elapsedMs: 0,
  };
  const started = performance.now();
  const problems: FuzzProblem[] = [];
  const problem = (c: FuzzCase, kind: FuzzProblem['kind'], detail: string) => {
    if (problems.filter((p) => p.kind === kind).length < 20)
      problems.push({ family, channel: c.channel, kind, detail, payload: shown(c) });
  };
  const en = loadLanguage('en');
  const zh = loadLanguage('zh-CN');
  const probe = new Database(options.workspaceFile, { readonly: true, fileMustExist: true });
  const version = () => probe.pragma('data_version', { simple: true }) as number;
  try {
    for (const c of cases) {
      stats.payloads++;
      await settle(ws);
      const before = version();
      const answer = await withTimeout(
        target.call(c.channel, c.payload, c.rawBody),
        options.callTimeoutMs ?? 60_000,
      );
      const wrote = version() !== before;
      if (Object.keys(Object.prototype).length > 0 || ({} as { polluted?: unknown }).polluted !== undefined) {
        problem(c, 'pollution', `Object.prototype now has ${Object.keys(Object.prototype).join(', ')}`);
        for (const k of Object.keys(Object.prototype))
          delete (Object.prototype as Record<string, unknown>)[k];
        stats.crashes++;
      }
      if ('crash' in answer) {
        stats.crashes++;
        problem(c, 'crash', answer.crash);
        continue;
      }
      const parsed = Envelope.safeParse(answer.envelope);
      // `{ok:true}` without a value: over HTTP that is what a handler answering undefined becomes.
      const noValue = parsed.success && parsed.data.ok && !('value' in (answer.envelope as object));
      if (!parsed.success || noValue) {
        stats.badEnvelopes++;
        const why = parsed.success ? 'accepted without a value' : parsed.error.issues[0]?.message;
        problem(c, 'bad-envelope', `${why}: ${cut(answer.envelope)}`);
        continue;
      }
      const env = parsed.data;
      if (env.ok) {
        stats.accepted++;
        const out = CHANNELS[c.channel as keyof typeof CHANNELS].output.safeParse(env.value);
        if (!out.success) {
          stats.outputMismatches++;
          problem(
            c,
            'output-mismatch',
            out.error.issues
              .slice(0, 2)
              .map((i) => i.message)
              .join('; '),
          );
        }
      } else {
        stats.refusedByCode[env.code] = (stats.refusedByCode[env.code] ?? 0) + 1;
        // `internal` is dispatch's answer to an exception no handler expected: a crash caught at the boundary.
        if (env.code === 'internal') {
          stats.crashes++;
          problem(c, 'internal', env.message.slice(0, 300));
        }
        if (wrote) {
          stats.writesFromInvalid++;
          problem(c, 'write-from-invalid', `${env.code}: ${env.message.slice(0, 200)}`);
        }
        if (env.key !== undefined && !(hasKey(en, env.key) && hasKey(zh, env.key))) {
          stats.untranslated++;
          problem(c, 'untranslated', `${env.key} (${hasKey(en, env.key) ? 'zh-CN' : 'en'} lacks it)`);
        }
      }
      reopenIfSwitched(ws, options.workspaceFile);
    }
  } finally {
    probe.close();
  }
  stats.elapsedMs = Math.round(performance.now() - started);
  return { stats, problems };
}

/**
 * The payload with every relative string under a path-like key (`path`, `file`, `folder`, …) put below `gone`:
 * a mutated or garbage payload can carry any string there, and `workspace:create {path: 'e_', sample: true}` made
 * `e_` and `e_-documents/` in the cwd (the repository) before this. Depth-limited like the payloads' nesting.
 */
function anchorPaths(v: unknown, gone: string, depth: number): unknown {
  if (v === null || typeof v !== 'object' || depth > 64) return v;
  if (Array.isArray(v)) return v.map((x) => anchorPaths(x, gone, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) {
    const value = isPathKey(k) && typeof x === 'string' && !path.isAbsolute(x) ? path.join(gone, x) : x;
    Object.defineProperty(out, k, { value: anchorPaths(value, gone, depth + 1), enumerable: true });
  }
  return out;
}

/**
 * Waits for background work an accepted payload started (indexing, the evidence finder that a reopen or a reindex
 * starts), so that its writes are not blamed on the next payload.
 */
export async function settle(ws: WorkspaceService): Promise<void> {
  await ws.whenLibraryIdle();
  await ws.evidence.whenIdle();
}

/**
 * Readies a new sample workspace for the fuzz: its documents' indexing is stopped and their folder removed (the
 * library family then fuzzes an empty library: a `library:reindex` of the sample's PDFs takes minutes on a loaded
 * machine; the file-serving channels have their own test, file-serving.test.ts), then background work settles.
 */
export async function quietSample(ws: WorkspaceService): Promise<void> {
  const until = Date.now() + 30_000;
  while (ws.library.folders().length === 0 && Date.now() < until)
    await new Promise((resolve) => setTimeout(resolve, 50));
  for (const f of ws.library.folders()) await ws.library.removeFolder(f.id);
  await settle(ws);
}

/** A payload that opened or created another workspace: back to the fuzzed one (its own answers were checked). */
function reopenIfSwitched(ws: WorkspaceService, file: string): void {
  let current: string | null;
  try {
    current = ws.info().path;
  } catch {
    current = null;
  }
  if (current !== file) ws.open(file);
}

async function withTimeout(p: Promise<Answer>, ms: number): Promise<Answer> {
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<Answer>((resolve) => {
    timer = setTimeout(() => resolve({ crash: `no answer within ${ms} ms` }), ms);
  });
  try {
    return await Promise.race([p.catch((e: unknown) => ({ crash: `threw ${String(e)}` })), hang]);
  } finally {
    clearTimeout(timer);
  }
}

function cut(v: unknown): string {
  let s: string;
  try {
    s = JSON.stringify(v) ?? String(v);
  } catch {
    s = String(v);
  }
  return s.length > 300 ? `${s.slice(0, 300)}… (${s.length} chars)` : s;
}

function shown(c: FuzzCase): string {
  return `${c.kind} ${c.rawBody !== undefined ? `raw ${cut(c.rawBody)}` : cut(c.payload)}`;
}

/** The per-family table the tests and the soak print. */
export function formatStats(target: string, rows: FamilyStats[]): string {
  const lines = [
    `${target}: family payloads accepted refused-by-code crashes writes-from-invalid bad-envelopes untranslated output-mismatches ms`,
  ];
  for (const r of rows) {
    const refused = Object.entries(r.refusedByCode)
      .sort()
      .map(([k, v]) => `${k}=${v}`)
      .join(',');
    lines.push(
      `${target}: ${r.family} ${r.payloads} ${r.accepted} ${refused || '-'} ${r.crashes} ${r.writesFromInvalid} ${r.badEnvelopes} ${r.untranslated} ${r.outputMismatches} ${r.elapsedMs}`,
    );
  }
  return lines.join('\n');
}
