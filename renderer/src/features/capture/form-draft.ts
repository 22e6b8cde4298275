/**
 * A capture form being filled in, as plain values, and the checks the form shows inline before anything is sent
 * (the same rules main applies: main/core/capture/form-values.ts, plan-aar.ts, plan-apprentice.ts).
 */
import {
  CAPTURE_ITEM_FIELDS,
  type AarSubmission,
  type ApprenticeSubmission,
  type CaptureField,
  type CaptureFormKind,
  type CaptureLanguage,
  type CaptureTemplate,
  type CaptureValues,
} from '../../../../preload/contract';
import type { OpenForm } from './store';

/** An expert picked in the form. */
export interface Person {
  id: string;
  label: string;
}

/** The answers so far, with the occasion: where, when and who. */
export interface CaptureDraft {
  form: CaptureFormKind;
  /** The process chosen in the picker (its steps are offered); null before one is chosen. */
  processId: string | null;
  /** The step or the process the items will be `learned_at`. */
  targetId: string | null;
  /** YYYY-MM-DD. */
  date: string;
  /** AAR: who took part, and who owns the lessons. */
  participants: Person[];
  owner: Person | null;
  /** Production record: whose know-how it is, and who recorded it. */
  master: Person | null;
  apprentice: Person | null;
  /** By field id: a string, or a list's entries (blank entries are kept while editing). */
  values: Record<string, string | string[]>;
}

/** Why a place of the form is not ready (capture:form.errors.<key>). */
export type DraftErrorKey =
  | 'required'
  | 'noLessons'
  | 'noTechniques'
  | 'noTarget'
  | 'noDate'
  | 'noMaster'
  | 'noApprentice'
  | 'samePerson';

/** Errors by place: a field id, or `target`, `date`, `master`, `apprentice`. */
export type DraftErrors = Record<string, DraftErrorKey>;

/** Today in the local calendar, as YYYY-MM-DD. */
export function localToday(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Every field of a template, in form order. */
export function fieldsOf(template: CaptureTemplate): CaptureField[] {
  return template.sections.flatMap((s) => s.fields);
}

/** A new draft for an opened form: every list starts with one empty entry, so typing can begin at once. */
export function newDraft(open: OpenForm, template: CaptureTemplate, today: string): CaptureDraft {
  const values: CaptureDraft['values'] = {};
  for (const f of fieldsOf(template)) values[f.id] = f.kind === 'list' ? [''] : '';
  return {
    form: open.form,
    processId: open.processId,
    targetId: open.targetId,
    date: today,
    participants: [],
    owner: null,
    master: null,
    apprentice: null,
    values,
  };
}

const blank = (v: string | string[] | undefined) =>
  v === undefined || (Array.isArray(v) ? v.every((e) => !e.trim()) : !v.trim());

/** Whether anything was typed or picked (where and when, which the form may preset, do not count). */
export function isDirty(draft: CaptureDraft): boolean {
  return (
    Object.values(draft.values).some((v) => !blank(v)) ||
    draft.participants.length > 0 ||
    draft.owner !== null ||
    draft.master !== null ||
    draft.apprentice !== null
  );
}

/** The answers to send: the template's fields only (a field the template no longer has is dropped), lists without blank entries. */
export function draftValues(template: CaptureTemplate, draft: CaptureDraft): CaptureValues {
  const values: CaptureValues = {};
  for (const f of fieldsOf(template)) {
    const v = draft.values[f.id];
    if (f.kind === 'list') values[f.id] = (Array.isArray(v) ? v : []).filter((e) => e.trim());
    else values[f.id] = typeof v === 'string' ? v : '';
  }
  return values;
}

/**
 * What keeps the form from being sent, by place, in form order: the step or process, the date, the people a
 * production record needs (two different ones), every required field, and at least one lesson (AAR) or one
 * technique or craft (record) — reported at the first list field, where main reports it too.
 */
export function checkDraft(template: CaptureTemplate, draft: CaptureDraft): DraftErrors {
  const errors: DraftErrors = {};
  if (!draft.targetId) errors.target = 'noTarget';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(draft.date)) errors.date = 'noDate';
  if (draft.form === 'apprentice') {
    if (!draft.master) errors.master = 'noMaster';
    if (!draft.apprentice) errors.apprentice = 'noApprentice';
    else if (draft.master?.id === draft.apprentice.id) errors.apprentice = 'samePerson';
  }
  for (const f of fieldsOf(template)) if (f.required && blank(draft.values[f.id])) errors[f.id] = 'required';
  const itemFields = CAPTURE_ITEM_FIELDS[draft.form];
  if (itemFields.every((id) => blank(draft.values[id])))
    errors[itemFields[0]!] ??= draft.form === 'aar' ? 'noLessons' : 'noTechniques';
  return errors;
}

/** The After Action Review to send (call only when checkDraft found nothing). */
export function toAarSubmission(
  template: CaptureTemplate,
  draft: CaptureDraft,
  language: CaptureLanguage,
): AarSubmission {
  return {
    targetId: draft.targetId!,
    date: draft.date,
    participantIds: draft.participants.map((p) => p.id),
    ...(draft.owner ? { ownerId: draft.owner.id } : {}),
    values: draftValues(template, draft),
    language,
  };
}

/** The production record to send (call only when checkDraft found nothing). */
export function toApprenticeSubmission(
  template: CaptureTemplate,
  draft: CaptureDraft,
  language: CaptureLanguage,
): ApprenticeSubmission {
  return {
    targetId: draft.targetId!,
    date: draft.date,
    masterId: draft.master!.id,
    apprenticeId: draft.apprentice!.id,
    values: draftValues(template, draft),
    language,
  };
}

/**
 * The place of the form a refusal from main points at (its error path): a field id for `['values', id, …]`,
 * else `target`, `date`, `participants`, `owner`, `master`, `apprentice`; null when it names no place.
 */
export function placeOf(path: ReadonlyArray<string | number>): string | null {
  const [head, next] = path;
  if (head === 'values' && typeof next === 'string') return next;
  const places: Record<string, string> = {
    targetId: 'target',
    date: 'date',
    participantIds: 'participants',
    ownerId: 'owner',
    masterId: 'master',
    apprenticeId: 'apprentice',
  };
  return typeof head === 'string' ? (places[head] ?? null) : null;
}
