/**
 * Worker-thread entry of the team bridge (team-bridge.ts): holds the write connections of the team workspaces this
 * process has open and runs their async calls while the main thread waits on a shared flag. Plain Node, no Electron.
 */
import { workerData } from 'node:worker_threads';
import { isWellspringError } from '../util/errors';
import { TeamSession, type RemoteOp } from './pg-session';
import type { TeamAddress } from './team-url';
import type { BridgeAnswer, BridgeCall, BridgeEnvelope, BridgeWorkerData } from './team-bridge';

const sessions = new Map<number, TeamSession>();
let nextHandle = 1;

async function dispatch(call: BridgeCall): Promise<unknown> {
  if (call.method === 'open') {
    const session = await TeamSession.open(call.address as TeamAddress, { create: call.create });
    const handle = nextHandle++;
    sessions.set(handle, session);
    return { handle, info: session.info };
  }
  const session = sessions.get(call.handle);
  if (!session) throw new Error(`team bridge: no session ${call.handle}`);
  switch (call.method) {
    case 'changesSince':
      return session.changesSince(call.horizon);
    case 'applyOps':
      return session.applyOps(call.ops as RemoteOp[], call.clientId);
    case 'refreshInfo':
      return session.refreshInfo();
    case 'audit':
      return session.audit(call.nodeId, call.limit);
    case 'close':
      sessions.delete(call.handle);
      await session.close();
      return null;
  }
}

async function answer(call: BridgeCall): Promise<BridgeAnswer> {
  try {
    return { ok: true, value: await dispatch(call) };
  } catch (e) {
    if (isWellspringError(e))
      return {
        ok: false,
        error: { code: e.code, message: e.message, path: e.path, key: e.key, params: e.params },
      };
    return { ok: false, error: { code: 'internal', message: (e as Error).message ?? String(e), path: [] } };
  }
}

const { flag, port } = workerData as BridgeWorkerData;
const flagView = new Int32Array(flag);
// Calls are answered one at a time, in order: the main thread waits for each before sending the next.
let queue: Promise<void> = Promise.resolve();
port.on('message', (env: BridgeEnvelope<BridgeCall>) => {
  queue = queue.then(async () => {
    const body = await answer(env.body);
    port.postMessage({ seq: env.seq, body } satisfies BridgeEnvelope<BridgeAnswer>);
    Atomics.store(flagView, 0, 1);
    Atomics.notify(flagView, 0);
  });
});
