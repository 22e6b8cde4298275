import type { Channel, OutputOf, ParsedInputOf } from '../../../../preload/contract';
import type { WorkspaceService } from '../../workspace/workspace-service';
import { graphHandlers, historyHandlers } from './graph';
import { hostHandlers } from './host';
import { libraryHandlers } from './library';
import type { HostHooks } from './types';
import { viewsHandlers } from './views';
import { strengthHandlers } from './strength';
import { processesHandlers } from './processes';
import { evidenceHandlers } from './evidence';
import { reportsHandlers } from './reports';
import { expertsHandlers } from './experts';
import { inventoryHandlers } from './inventory';
import { competenciesHandlers } from './competencies';
import { exportsHandlers } from './exports';
import { taxonomyHandlers } from './taxonomy';
import { captureHandlers } from './capture';
import { importsHandlers } from './imports';
import { filesHandlers } from './files';
import { glossaryHandlers } from './glossary';
import { teamHandlers } from './team';
import { analyticsHandlers, searchHandlers, workspaceHandlers } from './workspace';

export type { HostHooks, SecretStore } from './types';
export { MAX_VIEW_BYTES } from './library';

/** One handler per channel; a channel of the contract without a handler is a compile error. */
export type Handlers = {
  [C in Channel]: (input: ParsedInputOf<C>) => OutputOf<C> | Promise<OutputOf<C>>;
};

/**
 * The API handlers, shared by Electron IPC and browser mode: the domains' handler maps merged (each typed
 * against its own channels, and the whole against every channel). Inputs arrive already validated by `dispatch`.
 */
export function createHandlers(ws: WorkspaceService, host: HostHooks = {}): Handlers {
  return {
    ...workspaceHandlers(ws, host),
    ...graphHandlers(ws),
    ...historyHandlers(ws),
    ...viewsHandlers(ws),
    ...libraryHandlers(ws),
    ...searchHandlers(ws),
    ...analyticsHandlers(ws),
    ...strengthHandlers(ws),
    ...processesHandlers(ws),
    ...evidenceHandlers(ws),
    ...reportsHandlers(ws),
    ...expertsHandlers(ws),
    ...inventoryHandlers(ws),
    ...competenciesHandlers(ws),
    ...exportsHandlers(ws),
    ...taxonomyHandlers(ws),
    ...captureHandlers(ws),
    ...importsHandlers(ws),
    ...filesHandlers(ws),
    ...glossaryHandlers(ws),
    ...teamHandlers(ws, host),
    ...hostHandlers(host),
  };
}
