/**
 * Whole-workspace files from the File menu (issue 10 §2, §7): exports in every transfer format, backups and restore. Computed in main/core/transfer/ and main/core/backup/. Imports only zod.
 */
import type { ChannelMap } from './channel';

export const FILES_CHANNELS = {} as const satisfies ChannelMap;
