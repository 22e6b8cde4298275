/** What the host (Electron shell or browser mode) does natively: dialogs, saving files, links. Imports only zod. */
import { z } from 'zod';
import type { ChannelMap } from './channel';

const empty = z.strictObject({});
const ok = z.object({ ok: z.literal(true) });

export const HOST_CHANNELS = {
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
  /**
   * Prints the window as it is now to PDF (Electron's webContents.printToPDF, print media: the print stylesheet
   * applies) and saves it where the user chooses (native save dialog). Browser mode answers `unsupported`: the
   * page opens the print dialog (window.print) instead.
   */
  'export:print-pdf': {
    input: z.strictObject({
      suggestedName: z
        .string()
        .min(1)
        .max(255)
        .regex(/\.pdf$/i),
      landscape: z.boolean(),
      pageSize: z.enum(['A4', 'A3', 'Letter']),
    }),
    output: z.object({ saved: z.boolean(), path: z.string().nullable() }),
  },
  /** Open an http(s) link in the system browser (Electron: shell.openExternal). */
  'shell:open-external': {
    input: z.strictObject({ url: z.url({ protocol: /^https?$/ }) }),
    output: ok,
  },
} as const satisfies ChannelMap;
