import type { IMPORT_CHANNELS } from '../../../../preload/contract';
import { ImportSessions } from '../../import/import-sessions';
import type { WorkspaceService } from '../../workspace/workspace-service';
import type { DomainHandlers } from './types';

/**
 * The import wizard's channels (issue 10 §1) over one ImportSessions per WorkspaceService: sessions read the
 * workspace open at each call, send `import:did-progress` through the service's event bus, and are all dropped
 * when another workspace opens (their dry runs were of the other one).
 */
export function importsHandlers(ws: WorkspaceService): DomainHandlers<typeof IMPORT_CHANNELS> {
  const sessions = new ImportSessions({
    store: () => ws.store,
    views: () => ws.views,
    progress: (p) => ws.emit('import:did-progress', p),
  });
  ws.onEvent((event) => {
    if (event === 'workspace:did-open') sessions.clear();
  });
  return {
    'import:open': ({ fileName, data, sessionId }) => sessions.open(fileName, data, sessionId),
    'import:reread': ({ sessionId, ...change }) => sessions.reread(sessionId, change),
    'import:plan': ({ sessionId, mapping }) => sessions.plan(sessionId, mapping),
    'import:apply': ({ sessionId, mapping }) => sessions.apply(sessionId, mapping),
    'import:cancel': ({ sessionId }) => ({ cancelled: sessions.cancel(sessionId) }),
    'import:close': ({ sessionId }) => ({ closed: sessions.close(sessionId) }),
  };
}
