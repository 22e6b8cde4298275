/**
 * Behaviour of the capture commands (ids in preload/commands.ts): `capture.aar` opens the After Action Review,
 * `capture.apprentice` the master–apprentice production record. On the processes view with a step selected,
 * the form starts at that step; elsewhere the user picks where. Registering also mounts the forms' host.
 */
import { useAppStore } from '../../app/store';
import { registerCommands, type CommandImpl } from '../../commands/registry';
import type { CaptureFormKind } from '../../../../preload/contract';
import { useProcessesStore } from '../processes/store';
import { mountCaptureHost } from './mount';
import { openCaptureForm } from './store';

const open = (form: CaptureFormKind): CommandImpl => ({
  run: () => {
    const onProcesses = useAppStore.getState().view === 'processes';
    const { processId, stepId } = useProcessesStore.getState();
    openCaptureForm(form, onProcesses ? { processId, targetId: stepId ?? processId } : {});
  },
});

/** Registers the capture commands and mounts the forms' host; returns the function that undoes both. */
export function registerCaptureCommands(): () => void {
  const release = mountCaptureHost();
  const off = registerCommands({ 'capture.aar': open('aar'), 'capture.apprentice': open('apprentice') });
  return () => {
    off();
    release();
  };
}
