/**
 * UI state of the capture forms (zustand, serialisable values only): which form is open and for which step or
 * process, whether the template editor is open, and the last submission (for its "show on the map" notice).
 */
import { create } from 'zustand';
import type { CaptureFormKind, CaptureResult } from '../../../../preload/contract';

/** An open form: which one, and the step or process it starts with (null: the user picks). */
export interface OpenForm {
  form: CaptureFormKind;
  processId: string | null;
  targetId: string | null;
}

interface CaptureState {
  open: OpenForm | null;
  /** The form whose template is being edited, or null. */
  editing: CaptureFormKind | null;
  /** The last submission, shown until dismissed, undone or after a while; `seq` tells submissions apart. */
  done: { form: CaptureFormKind; result: CaptureResult; seq: number } | null;
  set(patch: Partial<Omit<CaptureState, 'set'>>): void;
}

export const useCaptureStore = create<CaptureState>((set) => ({
  open: null,
  editing: null,
  done: null,
  set: (patch) => set(patch),
}));

/**
 * Opens a capture form, with the step (and its process) or the process it is about when known. A form already
 * open stays as it is (its answers are not thrown away by opening it again).
 */
export function openCaptureForm(
  form: CaptureFormKind,
  where: { processId?: string | null; targetId?: string | null } = {},
): void {
  const s = useCaptureStore.getState();
  if (s.open) return;
  opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  s.set({
    open: { form, processId: where.processId ?? null, targetId: where.targetId ?? where.processId ?? null },
  });
}

/** What had the focus when the form was opened (the step panel's button…), to give it back on closing. */
let opener: HTMLElement | null = null;

/** Gives the focus back to what had it when the form was opened, if it is still on the page. */
export function restoreFocus(): void {
  if (opener?.isConnected) opener.focus();
  opener = null;
}

let submissions = 0;

/** Closes the form after a submission and shows its notice. */
export function finishSubmission(form: CaptureFormKind, result: CaptureResult): void {
  submissions += 1;
  useCaptureStore.getState().set({ open: null, done: { form, result, seq: submissions } });
}
