/**
 * The one contract between the renderer and the main process (DESIGN §4), one file per domain:
 * model (the graph model of DESIGN §3), graph (reads and the one write path), history, views, workspace, library,
 * search, analytics, strength, processes, evidence, reports, experts, inventory, competencies, exports (the HTML snapshot), taxonomy, capture, imports (the import wizard), files (workspace exports, backups), glossary, team (team workspaces on PostgreSQL), host (dialogs, files, links), events, and the result envelope.
 *
 * Every channel is named `domain:verb` and carries a zod schema for its input and its output; the API type the
 * renderer sees is derived from them, and `main/core/api/handlers/` implements every channel per domain (a missing
 * handler is a compile error). These files import only zod: they are shared by main, preload and renderer.
 */
import type { z } from 'zod';
import { ANALYTICS_CHANNELS } from './analytics';
import { GRAPH_CHANNELS } from './graph';
import { HISTORY_CHANNELS } from './history';
import { HOST_CHANNELS } from './host';
import { LIBRARY_CHANNELS } from './library';
import { SEARCH_CHANNELS } from './search';
import { VIEWS_CHANNELS } from './views';
import { WORKSPACE_CHANNELS } from './workspace';
import { STRENGTH_CHANNELS } from './strength';
import { PROCESSES_CHANNELS } from './processes';
import { EVIDENCE_CHANNELS } from './evidence';
import { REPORTS_CHANNELS } from './reports';
import { EXPERTS_CHANNELS } from './experts';
import { INVENTORY_CHANNELS } from './inventory';
import { COMPETENCIES_CHANNELS } from './competencies';
import { EXPORTS_CHANNELS } from './exports';
import { TAXONOMY_CHANNELS } from './taxonomy';
import { CAPTURE_CHANNELS } from './capture';
import { IMPORT_CHANNELS } from './imports';
import { FILES_CHANNELS } from './files';
import { GLOSSARY_CHANNELS } from './glossary';
import { TEAM_CHANNELS } from './team';
import type { EventName, EventPayload } from './events';
import type { Result } from './result';

export * from './model';
export * from './graph';
export * from './history';
export * from './views';
export * from './workspace';
export * from './library';
export * from './search';
export * from './analytics';
export * from './strength';
export * from './processes';
export * from './evidence';
export * from './reports';
export * from './experts';
export * from './inventory';
export * from './competencies';
export * from './exports';
export * from './taxonomy';
export * from './capture';
export * from './imports';
export * from './files';
export * from './glossary';
export * from './team';
export * from './host';
export * from './events';
export * from './result';
export type { ChannelMap, ChannelSpec } from './channel';

/** Every request channel of every domain: input schema → output schema. */
export const CHANNELS = {
  ...WORKSPACE_CHANNELS,
  ...GRAPH_CHANNELS,
  ...HISTORY_CHANNELS,
  ...VIEWS_CHANNELS,
  ...LIBRARY_CHANNELS,
  ...SEARCH_CHANNELS,
  ...ANALYTICS_CHANNELS,
  ...STRENGTH_CHANNELS,
  ...PROCESSES_CHANNELS,
  ...EVIDENCE_CHANNELS,
  ...REPORTS_CHANNELS,
  ...EXPERTS_CHANNELS,
  ...INVENTORY_CHANNELS,
  ...COMPETENCIES_CHANNELS,
  ...EXPORTS_CHANNELS,
  ...TAXONOMY_CHANNELS,
  ...CAPTURE_CHANNELS,
  ...IMPORT_CHANNELS,
  ...FILES_CHANNELS,
  ...GLOSSARY_CHANNELS,
  ...TEAM_CHANNELS,
  ...HOST_CHANNELS,
} as const;

export type Channel = keyof typeof CHANNELS;
export const CHANNEL_NAMES = Object.keys(CHANNELS) as Channel[];
export type InputOf<C extends Channel> = z.input<(typeof CHANNELS)[C]['input']>;
export type ParsedInputOf<C extends Channel> = z.output<(typeof CHANNELS)[C]['input']>;
export type OutputOf<C extends Channel> = z.infer<(typeof CHANNELS)[C]['output']>;

/** The API the renderer sees: one async method per channel, resolving to its result envelope. */
export type WellspringApi = {
  [C in Channel]: (input: InputOf<C>) => Promise<Result<OutputOf<C>>>;
};

/** What the preload exposes as `window.wellspring`. */
export interface WellspringBridge {
  invoke<C extends Channel>(channel: C, input: InputOf<C>): Promise<Result<OutputOf<C>>>;
  /** Subscribe to a main-process event; returns the unsubscribe function. */
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
  platform: string;
}
