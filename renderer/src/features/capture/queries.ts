/**
 * The capture forms' reads and writes: each form's template (`capture:template`, refetched after the template
 * editor saves or resets it) and the two submissions, each ONE undoable operation in main.
 */
import { useQuery } from '@tanstack/react-query';
import type {
  AarSubmission,
  ApprenticeSubmission,
  CaptureFormKind,
  CaptureTemplate,
  CaptureTemplateState,
} from '../../../../preload/contract';
import { call } from '../../api/client';
import { queryClient } from '../../api/queries';

const templateKey = (form: CaptureFormKind) => ['capture:template', form] as const;

/** The template in use for `form` and whether the knowledge manager customised it. */
export function useCaptureTemplate(form: CaptureFormKind) {
  return useQuery({ queryKey: templateKey(form), queryFn: () => call('capture:template', { form }) });
}

function remember(state: CaptureTemplateState): CaptureTemplateState {
  queryClient.setQueryData(templateKey(state.template.form), state);
  return state;
}

/** Stores an edited template. @throws ApiError naming the rule the template breaks (capture:errors.*) */
export async function saveTemplate(template: CaptureTemplate): Promise<CaptureTemplateState> {
  return remember(await call('capture:set-template', { template }));
}

/** Goes back to the default template of `form`. */
export async function resetTemplate(form: CaptureFormKind): Promise<CaptureTemplateState> {
  return remember(await call('capture:reset-template', { form }));
}

/** Submits an After Action Review. @throws ApiError (its path names the field at fault) */
export function submitAar(input: AarSubmission) {
  return call('capture:submit-aar', input);
}

/** Submits a master–apprentice production record. @throws ApiError (its path names the field at fault) */
export function submitApprentice(input: ApprenticeSubmission) {
  return call('capture:submit-apprentice', input);
}
