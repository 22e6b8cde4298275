import type { z } from 'zod';
import type { ChannelMap } from '../../../../preload/contract';

/**
 * The handlers of one domain's channels (Actual Budget splits its handlers per domain and merges typed maps):
 * a channel of the map without a handler, or a handler of the wrong shape, is a compile error. Inputs arrive
 * already validated by `dispatch`.
 */
export type DomainHandlers<M extends ChannelMap> = {
  [C in keyof M]: (
    input: z.output<M[C]['input']>,
  ) => z.infer<M[C]['output']> | Promise<z.infer<M[C]['output']>>;
};

/** What differs between hosts (Electron shell, browser mode, CLI): native dialogs and the system browser. */
export interface HostHooks {
  /** Saves content where the user chooses; null path when cancelled. Browser mode downloads in the page instead. */
  saveFile?(suggestedName: string, data: Buffer): Promise<string | null>;
  /** Opens an http(s) URL in the system browser. */
  openExternal?(url: string): Promise<void>;
  /** Asks the user for a folder (native dialog); null when cancelled. */
  pickFolder?(): Promise<string | null>;
  /**
   * Prints the window to PDF bytes (Electron: webContents.printToPDF with print media, backgrounds printed).
   * Browser mode has none: the page opens the print dialog itself.
   */
  printPdf?(options: { landscape: boolean; pageSize: 'A4' | 'A3' | 'Letter' }): Promise<Buffer>;
  /**
   * The OS keychain for team workspace passwords (Electron: safeStorage), keyed by the address without its
   * password. Browser mode and the CLI have none: a password is used for the connection and never kept.
   */
  secrets?: SecretStore;
}

/** Secrets kept encrypted by the operating system. */
export interface SecretStore {
  /** Keeps `secret` for `key` (encrypted at rest). @throws WellspringError `unsupported` when no keychain is available */
  save(key: string, secret: string): void;
  /** The secret kept for `key`, or null. */
  load(key: string): string | null;
}
