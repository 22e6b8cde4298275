import type { HOST_CHANNELS } from '../../../../preload/contract';
import { WellspringError } from '../../util/errors';
import type { DomainHandlers, HostHooks } from './types';

/** Native dialogs, saving files, printing to PDF and opening links: what the host offers (browser mode does these in the page). */
export function hostHandlers(host: HostHooks): DomainHandlers<typeof HOST_CHANNELS> {
  return {
    'dialog:pick-folder': async () => {
      if (!host.pickFolder)
        throw new WellspringError('unsupported', 'Type the folder path in browser mode.', [], {
          key: 'errors.pickFolderInBrowser',
        });
      return { path: await host.pickFolder() };
    },
    'export:save-file': async ({ suggestedName, content, encoding }) => {
      if (!host.saveFile)
        throw new WellspringError('unsupported', 'Saving files is done by the page in browser mode.', [], {
          key: 'errors.saveInBrowser',
        });
      const data =
        encoding === 'dataUrl'
          ? Buffer.from(content.slice(content.indexOf(',') + 1), 'base64')
          : Buffer.from(content);
      const path = await host.saveFile(suggestedName, data);
      return { saved: path !== null, path };
    },
    'export:print-pdf': async ({ suggestedName, landscape, pageSize }) => {
      if (!host.printPdf || !host.saveFile)
        throw new WellspringError(
          'unsupported',
          'Printing to PDF is done by the print dialog in browser mode.',
          [],
          {
            key: 'errors.printPdfInBrowser',
          },
        );
      const pdf = await host.printPdf({ landscape, pageSize });
      const path = await host.saveFile(suggestedName, pdf);
      return { saved: path !== null, path };
    },
    'shell:open-external': async ({ url }) => {
      if (!host.openExternal)
        throw new WellspringError('unsupported', 'Opening links is done by the page in browser mode.', [], {
          key: 'errors.openLinkInBrowser',
        });
      // Reviewed (OPEN_EXTERNAL_JS_CHECK): the Electron hook is openHttpExternally, which refuses non-http(s) URLs.
      await host.openExternal(url); // eng-disable OPEN_EXTERNAL_JS_CHECK
      return { ok: true };
    },
  };
}
