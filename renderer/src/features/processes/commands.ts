/**
 * Behaviour of the processes commands (ids and bindings in preload/commands.ts): new process, add step (Shift+N),
 * print workstation cards (Ctrl+P), strength settings. Each opens its dialog in the processes view, going there
 * first; add step and print need a process with a pipeline on screen.
 */
import { useAppStore } from '../../app/store';
import { registerCommands, type CommandImpl } from '../../commands/registry';
import { useProcessesStore, type ProcessDialog } from './store';

const open = (dialog: ProcessDialog, needsProcess = false): CommandImpl => ({
  when: () =>
    !needsProcess ||
    (useAppStore.getState().view === 'processes' && useProcessesStore.getState().processId !== null),
  run: () => {
    useAppStore.getState().setView('processes');
    useProcessesStore.getState().set({ dialog, ...(needsProcess ? { tab: 'pipeline' } : {}) });
  },
});

/** Registers the processes commands; returns the unregister function. */
export function registerProcessCommands(): () => void {
  return registerCommands({
    'processes.newProcess': open('newProcess'),
    'processes.addStep': open('addStep', true),
    'processes.printCards': open('cards', true),
    'processes.strengthSettings': open('settings'),
  });
}
