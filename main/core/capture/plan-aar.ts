import { randomUUID } from 'node:crypto';
import {
  CAPTURE_ITEM_FIELDS,
  type AarSubmission,
  type CaptureTemplate,
  type EditSummary,
  type GraphOp,
  type NodePropsOf,
} from '../../../preload/contract';
import type { GraphIndex } from '../analytics/graph-index';
import {
  checkDescriptionLength,
  composeDescription,
  contextMarkdown,
  distinct,
  occasionLine,
  oneYearAfter,
  punctuation,
  requireExpert,
  resolveTarget,
  summaryLabel,
  targetLine,
  WORDS,
} from './capture-context';
import { defaultTemplate } from './default-templates';
import { checkAnswers, entryTitle, labelIn, nameIn } from './form-values';
import { captureError } from './messages';

/** A planned submission: the operations for ONE GraphStore.apply, its undo summary, the items it makes or links. */
export interface CapturePlan {
  ops: GraphOp[];
  summary: EditSummary;
  /** New knowledge items, in entry order. */
  createdIds: string[];
  /** Existing items an entry named again (production records only). */
  linkedIds: string[];
}

/** What the planners may be given besides the submission. */
export interface CapturePlanOptions {
  /** The form's template in use (the workspace's); the default when absent. */
  template?: CaptureTemplate;
  /** Ids of new nodes (tests pass a counter); random UUIDs by default. */
  newId?: () => string;
}

/** How participants hold a lesson they took part in: they know it from the work, not yet as masters of it. */
export const PARTICIPANT_PROFICIENCY = 3;

/**
 * Plans a filled After Action Review (issue 10 §5) as ONE operation list. Each entry of the `keep` and `change`
 * lists (CAPTURE_ITEM_FIELDS.aar) is one lesson and becomes one knowledge item:
 * - label: the entry's title (entryTitle: its first line, without a bullet, at most 120 characters);
 * - description: the entry in full, then the review's header (form title, review title and date, whether it is
 *   to keep or to change, the step or process, participants and owner) and every other answered field
 *   (what was expected, what happened, why they differ, the knowledge manager's own fields) — so each lesson reads
 *   on its own, away from the review;
 * - tags: the template's tag (`AAR`: the item's source); props: form `explicit` (the review wrote it down),
 *   existence `case`, seciStage `externalisation` (DESIGN §2: an AAR turns experience into explicit knowledge),
 *   status `active` (agreed in the review meeting), importance 2, confidentiality internal, reviewDue one year
 *   after the review;
 * - a `learned_at` edge to the step or process, a `knows` edge at proficiency 3 from each participant
 *   (PARTICIPANT_PROFICIENCY), and an `owns` edge from the owner, who keeps the lessons current.
 * The summary is `add knowledge “<form title>: N lessons — <review title>”` in the submission's language
 * (default zh-CN). New items get no position: the map places them beside their step when it next draws.
 *
 * @throws WellspringError, path into the submission: not_found errors.nodeNotFound {id} (target, a participant,
 *   the owner); invalid_input capture:errors.notStepOrProcess, .notExpert, .noLessons, .tooLong and those of
 *   checkAnswers (a required field unanswered, an unknown field, a value of the wrong kind)
 */
export function planAarSubmission(
  input: AarSubmission,
  index: GraphIndex,
  options: CapturePlanOptions = {},
): CapturePlan {
  const template = options.template ?? defaultTemplate('aar');
  const newId = options.newId ?? randomUUID;
  const language = input.language ?? 'zh-CN';
  const words = WORDS[language];
  const p = punctuation(language);
  const target = resolveTarget(index, input.targetId);
  const participants = distinct(input.participantIds ?? []).map((id, i) => ({
    id,
    label: requireExpert(index, id, ['participantIds', i]),
  }));
  const owner =
    input.ownerId !== undefined
      ? { id: input.ownerId, label: requireExpert(index, input.ownerId, ['ownerId']) }
      : null;
  const answers = checkAnswers(template, input.values);
  const itemFields = CAPTURE_ITEM_FIELDS.aar;
  const lessons = itemFields.flatMap((fieldId) =>
    answers.list(fieldId).map((entry, k) => ({ fieldId, entry, path: ['values', fieldId, k] })),
  );
  if (lessons.length === 0)
    throw captureError(
      'invalid_input',
      'noLessons',
      'Write at least one lesson: something to keep or something to change.',
      ['values', itemFields[0]!],
    );

  const title = answers.text('title');
  const formTitle = nameIn(template.title, language);
  const header = (fieldId: string) => [
    occasionLine(formTitle, [title], input.date, language),
    labelIn(answers.field(fieldId)!, language),
    targetLine(target, language),
    ...(participants.length
      ? [`${words.participants}${p.colon}${participants.map((x) => x.label).join(p.list)}`]
      : []),
    ...(owner ? [`${words.owner}${p.colon}${owner.label}`] : []),
  ];
  const context = contextMarkdown(answers, language, new Set([...itemFields, 'title']));
  const props: NodePropsOf<'knowledge'> = {
    form: 'explicit',
    existence: 'case',
    seciStage: 'externalisation',
    status: 'active',
    confidentiality: 'internal',
    importance: 2,
    reviewDue: oneYearAfter(input.date),
  };

  const ops: GraphOp[] = [];
  const createdIds: string[] = [];
  for (const lesson of lessons) {
    const id = newId();
    const label = entryTitle(lesson.entry);
    const description = composeDescription(lesson.entry, header(lesson.fieldId), context);
    checkDescriptionLength(label, description, lesson.path);
    createdIds.push(id);
    ops.push({
      op: 'addNode',
      id,
      node: { kind: 'knowledge', label, description, tags: [template.tag], props: { ...props } },
    });
    ops.push({ op: 'addEdge', edge: { kind: 'learned_at', source: id, target: target.id } });
    for (const x of participants)
      ops.push({
        op: 'addEdge',
        edge: { kind: 'knows', source: x.id, target: id, props: { proficiency: PARTICIPANT_PROFICIENCY } },
      });
    if (owner) ops.push({ op: 'addEdge', edge: { kind: 'owns', source: owner.id, target: id } });
  }
  const n = lessons.length;
  const count = language === 'en' ? `${n} ${n === 1 ? 'lesson' : 'lessons'}` : `${n} 条经验`;
  const label = summaryLabel(formTitle, count, title, language);
  return {
    ops,
    summary: { action: 'add', kind: 'knowledge', label, count: n },
    createdIds,
    linkedIds: [],
  };
}
