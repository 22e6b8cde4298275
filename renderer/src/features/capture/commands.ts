/**
 * Behaviour of the capture commands (ids in preload/commands.ts): `capture.aar` opens the After Action Review,
 * `capture.apprentice` the master–apprentice production record. On the processes view with a step selected,
 * the form starts at that step; elsewhere the user picks where. The forms' host (CaptureHost) is part of the app shell.
 */
import { useAppStore } from '../../app/store';
import { registerCommands, type CommandImpl } from '../../commands/registry';
import type { CaptureFormKind } from '../../../../preload/contract';
import { useProcessesStore } from '../processes/store';
import { openCaptureForm } from './store';

const open = (form: CaptureFormKind): CommandImpl => ({
  run: () => {
    const onProcesses = useAppStore.getState().view === 'processes';
    const { processId, stepId } = useProcessesStore.getState();
    openCaptureForm(form, onProcesses ? { processId, targetId: stepId ?? processId } : {});
  },
});

/** Registers the capture commands; returns the unregister function. */
export function registerCaptureCommands(): () => void {
  return registerCommands({ 'capture.aar': open('aar'), 'capture.apprentice': open('apprentice') });
}
