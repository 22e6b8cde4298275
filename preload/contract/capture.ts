/**
 * The capture forms (issue 10 §5, DESIGN §2 "After Action Review", SECI): the After Action Review, whose lessons
 * become explicit knowledge items `learned_at` a step or process (SECI externalisation), and the master–apprentice
 * production record, whose techniques and crafts become tacit knowledge items held by the master and the
 * apprentice. Both forms are templates the knowledge manager can edit (stored in the workspace); each submitted
 * form is ONE undoable operation. Planned in main/core/capture/. Imports only zod.
 */
import { z } from 'zod';
import type { ChannelMap } from './channel';
import { EditSummary } from './history';
import { id, isoDate } from './model';

/** The two capture forms: the After Action Review and the master–apprentice production record. */
export const CAPTURE_FORM_KINDS = ['aar', 'apprentice'] as const;
export const CaptureFormKind = z.enum(CAPTURE_FORM_KINDS);
export type CaptureFormKind = z.infer<typeof CaptureFormKind>;

/**
 * What a field holds: one line (`text`), several lines (`multiline`), one of the field's options (`select`), or a
 * list of entries, each its own paragraph (`list`; the AAR's lessons, the record's techniques).
 */
export const CAPTURE_FIELD_KINDS = ['text', 'multiline', 'select', 'list'] as const;
export const CaptureFieldKind = z.enum(CAPTURE_FIELD_KINDS);
export type CaptureFieldKind = z.infer<typeof CaptureFieldKind>;

/** A field, section or option id: a camelCase word (letters and digits, a letter first), at most 40 characters. */
export const captureFieldId = z
  .string()
  .regex(/^[a-z][a-zA-Z0-9]{0,39}$/, 'expected a camelCase word of letters and digits, a letter first');

/** A name in both UI languages. */
export const CaptureName = z.strictObject({
  zh: z.string().trim().min(1, 'a name cannot be empty').max(200),
  en: z.string().trim().min(1, 'a name cannot be empty').max(200),
});
export type CaptureName = z.infer<typeof CaptureName>;

/** A help text in both UI languages (either may be empty). */
export const CaptureHelp = z.strictObject({ zh: z.string().max(1000), en: z.string().max(1000) });
export type CaptureHelp = z.infer<typeof CaptureHelp>;

/** One choice of a `select` field. */
export const CaptureOption = z.strictObject({ value: captureFieldId, label: CaptureName });
export type CaptureOption = z.infer<typeof CaptureOption>;

/** One field of a form template. `options` only for `select` (at least one then). */
export const CaptureField = z.strictObject({
  id: captureFieldId,
  label: CaptureName,
  kind: CaptureFieldKind,
  required: z.boolean(),
  help: CaptureHelp.optional(),
  options: z.array(CaptureOption).max(50).optional(),
});
export type CaptureField = z.infer<typeof CaptureField>;

/** A titled group of fields, shown as one block of the form. */
export const CaptureSection = z.strictObject({
  id: captureFieldId,
  label: CaptureName,
  fields: z.array(CaptureField).max(40),
});
export type CaptureSection = z.infer<typeof CaptureSection>;

/**
 * A form template: its title, the tag every item it creates carries (`AAR`, `生产记录`: the source of the item),
 * and its sections of fields in order. Field ids are unique across the template. The fields the mapping to
 * knowledge items reads (CAPTURE_MAPPING) must stay, with a kind of the same family; main/core/capture/
 * template-rules.ts checks that and answers which rule a template breaks.
 */
export const CaptureTemplate = z.strictObject({
  form: CaptureFormKind,
  title: CaptureName,
  tag: z.string().trim().min(1).max(100),
  sections: z.array(CaptureSection).min(1).max(20),
});
export type CaptureTemplate = z.infer<typeof CaptureTemplate>;

/** The family of kinds a mapped field must keep: `text` is text or multiline, `list` a list. */
export type CaptureMappedKind = 'text' | 'list';

/**
 * The fields each form's mapping to knowledge items reads, by id, with the kind family they must keep. Every
 * other field (the knowledge manager's own too) is context: it goes into each new item's description.
 * - aar: each `keep` and `change` entry is one lesson, one item; `title`, `expected`, `happened`, `why` describe
 *   the review in every lesson's description.
 * - apprentice: each `technique` and `craft` entry is one tacit item; `order` and `machine` name the record.
 */
export const CAPTURE_MAPPING: Record<CaptureFormKind, Readonly<Record<string, CaptureMappedKind>>> = {
  aar: { title: 'text', expected: 'text', happened: 'text', why: 'text', keep: 'list', change: 'list' },
  apprentice: { order: 'text', machine: 'text', technique: 'list', craft: 'list' },
};

/** The list fields whose entries each become one knowledge item. */
export const CAPTURE_ITEM_FIELDS: Record<CaptureFormKind, readonly string[]> = {
  aar: ['keep', 'change'],
  apprentice: ['technique', 'craft'],
};

/** A form's template as stored, and whether the knowledge manager changed it from the default. */
export const CaptureTemplateState = z.object({ template: CaptureTemplate, customised: z.boolean() });
export type CaptureTemplateState = z.infer<typeof CaptureTemplateState>;

/** One field's answer: a string (text, multiline, select: the option's value) or a list's entries. */
export const CaptureFieldValue = z.union([z.string().max(20_000), z.array(z.string().max(20_000)).max(200)]);
export type CaptureFieldValue = z.infer<typeof CaptureFieldValue>;

/** The answers of a form, by field id; an absent or empty field is unanswered. */
export const CaptureValues = z.record(captureFieldId, CaptureFieldValue);
export type CaptureValues = z.infer<typeof CaptureValues>;

/** The language the descriptions and the undo summary are written in (the template's labels in that language). */
export const CaptureLanguage = z.enum(['zh-CN', 'en']);
export type CaptureLanguage = z.infer<typeof CaptureLanguage>;

/**
 * A filled After Action Review. `targetId` is the step or process the lessons were learned at; `date` the day of
 * the review; `participantIds` the experts who took part (each `knows` every lesson at proficiency 3);
 * `ownerId` an expert who `owns` the lessons (keeps them current).
 */
export const AarSubmission = z.strictObject({
  targetId: id,
  date: isoDate,
  participantIds: z.array(id).max(100).optional(),
  ownerId: id.optional(),
  values: CaptureValues,
  language: CaptureLanguage.optional(),
});
export type AarSubmission = z.infer<typeof AarSubmission>;

/**
 * A filled master–apprentice production record of one order on one machine: `targetId` the step or process the
 * work belongs to, `date` the day of the work, `masterId` the master whose know-how it is (`knows` at 5),
 * `apprenticeId` the apprentice who recorded it (`knows` at 2).
 */
export const ApprenticeSubmission = z.strictObject({
  targetId: id,
  date: isoDate,
  masterId: id,
  apprenticeId: id,
  values: CaptureValues,
  language: CaptureLanguage.optional(),
});
export type ApprenticeSubmission = z.infer<typeof ApprenticeSubmission>;

/** What a submitted form did: the items it created, the existing items it linked again, the undo summary. */
export const CaptureResult = z.object({
  /** New knowledge items, in the order of the form's entries. */
  createdIds: z.array(id),
  /** Existing items an entry named again (the production record only: same label), linked and not duplicated. */
  linkedIds: z.array(id),
  summary: EditSummary,
});
export type CaptureResult = z.infer<typeof CaptureResult>;

const formInput = z.strictObject({ form: CaptureFormKind });

export const CAPTURE_CHANNELS = {
  /** A form's template: the knowledge manager's version when there is one, else the default. */
  'capture:template': { input: formInput, output: CaptureTemplateState },
  /**
   * Stores an edited template (not part of the undo history: templates are settings, not graph content).
   * @throws invalid_input `capture:errors.*` naming the rule broken (a mapped field removed or of another kind,
   *   a duplicate id, a select without options); nothing is stored then
   */
  'capture:set-template': {
    input: z.strictObject({ template: CaptureTemplate }),
    output: CaptureTemplateState,
  },
  /** Goes back to the default template of a form. */
  'capture:reset-template': { input: formInput, output: CaptureTemplateState },
  /**
   * Creates the review's lessons as ONE undoable operation.
   * @throws not_found `errors.nodeNotFound`; invalid_input `capture:errors.*` (a required field unanswered, no
   *   lesson, a target that is no step or process, a participant who is no expert…); nothing is written then
   */
  'capture:submit-aar': { input: AarSubmission, output: CaptureResult },
  /** Creates the record's tacit items as ONE undoable operation. @throws as capture:submit-aar */
  'capture:submit-apprentice': { input: ApprenticeSubmission, output: CaptureResult },
} as const satisfies ChannelMap;
