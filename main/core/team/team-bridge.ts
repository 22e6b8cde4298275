import fs from 'node:fs';
import path from 'node:path';
import { MessageChannel, Worker, receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import type { ErrorCode, MessageParams } from '../../../preload/contract';
import { WellspringError, type MessageKey } from '../util/errors';
import type { AuditEntry, RemoteOp, TeamChanges, TeamInfo } from './pg-session';
import type { TeamAddress } from './team-url';

/** A call into the bridge worker (team-worker.ts). */
export type BridgeCall =
  | { method: 'open'; address: TeamAddress; create: boolean }
  | { method: 'changesSince'; handle: number; horizon: string | null }
  | { method: 'applyOps'; handle: number; ops: RemoteOp[]; clientId: string }
  | { method: 'refreshInfo'; handle: number }
  | { method: 'audit'; handle: number; nodeId: string | null; limit: number }
  | { method: 'close'; handle: number };

/** The worker's answer: a value, or a WellspringError's fields. */
export type BridgeAnswer =
  | { ok: true; value: unknown }
  | {
      ok: false;
      error: {
        code: ErrorCode;
        message: string;
        path: Array<string | number>;
        key?: string;
        params?: MessageParams;
      };
    };

/** What the worker receives at start: the flag it raises after each answer, and its end of the channel. */
export interface BridgeWorkerData {
  /** Int32Array over 4 bytes; the worker stores 1 and notifies after posting an answer. */
  flag: SharedArrayBuffer;
  port: MessagePort;
}

/** One call's envelope on the channel; `seq` pairs an answer with its call (a timed-out call's late answer is dropped). */
export interface BridgeEnvelope<T> {
  seq: number;
  body: T;
}

/** How long one call may block the calling thread (ms) before it fails as team_unreachable. */
const CALL_TIMEOUT_MS = 30_000;

/**
 * The worker entry: `team-worker.js` in the built `out/main` (this module may sit in a chunk folder below it), or
 * the TypeScript source through tsx when running from source (tests, CLI, benchmarks).
 */
function workerEntry(): { filename: string; execArgv: string[] } {
  const built = [path.join(__dirname, 'team-worker.js'), path.join(__dirname, '..', 'team-worker.js')];
  const found = built.find((f) => fs.existsSync(f));
  if (found) return { filename: found, execArgv: [] };
  return { filename: path.join(__dirname, 'team-worker.ts'), execArgv: ['--import', 'tsx'] };
}

interface Channel {
  worker: Worker;
  port: MessagePort;
  flag: Int32Array;
  seq: number;
}

let channel: Channel | null = null;

/** Starts the worker once per process; it is unref'd, so an idle bridge never keeps the process alive. */
function open(): Channel {
  if (channel) return channel;
  const entry = workerEntry();
  const flag = new SharedArrayBuffer(4);
  const { port1, port2 } = new MessageChannel();
  const data: BridgeWorkerData = { flag, port: port2 };
  const worker = new Worker(entry.filename, {
    workerData: data,
    transferList: [port2],
    execArgv: entry.execArgv,
  });
  worker.unref();
  port1.unref();
  worker.on('error', () => {
    channel = null;
  });
  worker.on('exit', () => {
    channel = null;
  });
  channel = { worker, port: port1, flag: new Int32Array(flag), seq: 0 };
  return channel;
}

function unreachable(detail: string, address: string): WellspringError {
  return new WellspringError(
    'team_unreachable',
    `${address}: the team server did not answer (${detail}).`,
    [],
    {
      key: 'errors.teamUnreachable',
      params: { address, detail },
    },
  );
}

/**
 * Runs one call in the worker and blocks this thread until its answer (Atomics.wait on a shared flag, then
 * receiveMessageOnPort — the pattern of Node's own synchronous worker bridges). @throws WellspringError
 */
function call<T>(body: BridgeCall, address: string): T {
  return answerOf<T>(post(body), address);
}

/** Sends one call to the worker without waiting; returns its sequence number for answerOf. */
function post(body: BridgeCall): number {
  const ch = open();
  const seq = ++ch.seq;
  ch.port.postMessage({ seq, body } satisfies BridgeEnvelope<BridgeCall>);
  return seq;
}

/**
 * Blocks until the answer to call `seq` arrives (or CALL_TIMEOUT_MS pass). Answers to earlier calls that timed out
 * are dropped. The flag is lowered before the port is read a last time and the thread sleeps, so an answer posted
 * at any moment either is in the port or raises the flag again: none is missed.
 */
function answerOf<T>(seq: number, address: string): T {
  const ch = open();
  const deadline = Date.now() + CALL_TIMEOUT_MS;
  const take = (): { found: true; value: T } | { found: false } => {
    for (let msg = receiveMessageOnPort(ch.port); msg; msg = receiveMessageOnPort(ch.port)) {
      const env = msg.message as BridgeEnvelope<BridgeAnswer>;
      if (env.seq === seq) return { found: true, value: unwrap<T>(env.body) };
    }
    return { found: false };
  };
  for (;;) {
    let r = take();
    if (r.found) return r.value;
    const left = deadline - Date.now();
    if (left <= 0) throw unreachable(`no answer in ${CALL_TIMEOUT_MS / 1000} s`, address);
    Atomics.store(ch.flag, 0, 0);
    r = take();
    if (r.found) return r.value;
    Atomics.wait(ch.flag, 0, 0, left);
  }
}

function unwrap<T>(answer: BridgeAnswer): T {
  if (answer.ok) return answer.value as T;
  const { code, message, path: p, key, params } = answer.error;
  throw new WellspringError(
    code,
    message,
    p,
    key ? { key: key as MessageKey, ...(params ? { params } : {}) } : undefined,
  );
}

/**
 * A synchronous handle on one team workspace connection, for the desktop's synchronous write path (GraphStore runs
 * inside a better-sqlite3 transaction). Each call blocks the calling thread until the worker thread, which holds the
 * `pg` connection, answers (Atomics.wait on a shared flag) — as a better-sqlite3 call blocks on the disk.
 * Errors are those of TeamSession, rethrown as WellspringError.
 */
export class TeamBridge {
  private constructor(
    private readonly handle: number,
    private infoCache: TeamInfo,
  ) {}

  /** Connects (and with `create` initialises the schema). @throws see TeamSession.open */
  static open(address: TeamAddress, options: { create?: boolean } = {}): TeamBridge {
    return TeamBridge.begin(address, options).finish();
  }

  /**
   * Starts connecting without waiting, so that the caller can open the replica file meanwhile; `finish()` waits
   * for the connection (and throws what open would). Make no other bridge call before `finish`.
   */
  static begin(address: TeamAddress, options: { create?: boolean } = {}): { finish(): TeamBridge } {
    const seq = post({ method: 'open', address, create: options.create === true });
    return {
      finish: () => {
        const r = answerOf<{ handle: number; info: TeamInfo }>(seq, address.display);
        return new TeamBridge(r.handle, r.info);
      },
    };
  }

  /** Who is connected, as read at open or by the last refresh. */
  get info(): TeamInfo {
    return this.infoCache;
  }

  /** Reads role and units again. */
  refreshInfo(): TeamInfo {
    this.infoCache = call<TeamInfo>({ method: 'refreshInfo', handle: this.handle }, this.infoCache.display);
    return this.infoCache;
  }

  /** The rows changed since `horizon` (null: all). */
  changesSince(horizon: string | null): TeamChanges {
    return call<TeamChanges>(
      { method: 'changesSince', handle: this.handle, horizon },
      this.infoCache.display,
    );
  }

  /** Writes row operations in one server transaction; returns the new versions (`n:<id>`, `e:<id>`). */
  applyOps(ops: RemoteOp[], clientId: string): Record<string, number> {
    return call<Record<string, number>>(
      { method: 'applyOps', handle: this.handle, ops, clientId },
      this.infoCache.display,
    );
  }

  /** The audit log of one node and its edges (or everything), newest first. */
  audit(nodeId: string | null, limit: number): AuditEntry[] {
    return call<AuditEntry[]>(
      { method: 'audit', handle: this.handle, nodeId, limit },
      this.infoCache.display,
    );
  }

  /** Closes the connection. */
  close(): void {
    call<null>({ method: 'close', handle: this.handle }, this.infoCache.display);
  }
}
