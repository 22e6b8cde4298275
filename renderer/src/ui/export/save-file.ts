import { call, isElectron } from '../../api/client';

/** How `content` is given: plain text (SVG, HTML, CSV text) or a data: URL (PNG, XLSX). */
export type SaveEncoding = 'utf8' | 'dataUrl';

/**
 * Saves one file the user asked for: under Electron through the native save dialog (`export:save-file`, starting
 * in Documents with `name`), in browser mode as a download named `name` (a data: URL as it is; text as a Blob of
 * type `mime`, its object URL revoked after 10 s). The one save helper of the renderer: the map, the views'
 * exports, the charts and the reports all save through it, each with its own toast.
 * @returns false when the user cancelled the native dialog, else true
 * @throws ApiError when the main process could not write the file (message translated, names the file)
 */
export async function saveFile(
  name: string,
  content: string,
  encoding: SaveEncoding,
  mime = 'application/octet-stream',
): Promise<boolean> {
  if (isElectron) {
    const r = await call('export:save-file', { suggestedName: name, content, encoding });
    return r.saved;
  }
  const url = encoding === 'dataUrl' ? content : URL.createObjectURL(new Blob([content], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  if (encoding === 'utf8') setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return true;
}
