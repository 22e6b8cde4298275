import { randomUUID } from 'node:crypto';
import {
  CAPTURE_ITEM_FIELDS,
  type ApprenticeSubmission,
  type GraphOp,
  type NodePropsOf,
} from '../../../preload/contract';
import type { GraphIndex } from '../analytics/graph-index';
import { foldText } from '../util/text';
import {
  checkDescriptionLength,
  composeDescription,
  contextMarkdown,
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
import { checkAnswers, entryHasBody, entryTitle, labelIn, nameIn } from './form-values';
import { captureError } from './messages';
import type { CapturePlan, CapturePlanOptions } from './plan-aar';

/** The master holds what the record captures at the top of the scale: it is their know-how (DESIGN §2, 1–5). */
export const MASTER_PROFICIENCY = 5;
/** The apprentice who recorded it has seen it done and helped: proficiency 2, learning. */
export const APPRENTICE_PROFICIENCY = 2;

/** A label as the record matches it against existing items: NFKC, case folded, whitespace collapsed. */
const matchKey = (label: string) => foldText(label).replace(/\s+/gu, ' ').trim();

/**
 * The SECI stage of a captured tacit item, from what the record says about it (Nonaka & Takeuchi, 1995):
 * an entry that explains how the technique is done (a line after its name) has been put into words —
 * `externalisation`, tacit → explicit under way; an entry that only names it records that the master has it and
 * the apprentice learned it by working beside them — `socialisation`, tacit → tacit. The item's form stays
 * `tacit` either way: one day's record is not yet the reviewed standard the knowledge manager distils from many.
 */
export function seciStageOf(entries: readonly string[]): 'socialisation' | 'externalisation' {
  return entries.some(entryHasBody) ? 'externalisation' : 'socialisation';
}

/**
 * Plans a filled master–apprentice production record (issue 10 §5) as ONE operation list. Each entry of the
 * `technique` and `craft` lists (CAPTURE_ITEM_FIELDS.apprentice) is one piece of tacit know-how:
 * - entries are matched by title (entryTitle, then NFKC + case fold) to existing knowledge items and to each
 *   other, because the same technique is recorded again with every order (the KM article records every job):
 *   a match is linked, not duplicated — its description gets this record appended, its tags the template's tag,
 *   and it gets the `learned_at` and `knows` edges below where it has none of that kind to that node yet (an
 *   existing proficiency is never changed);
 * - a new item: label the title; description the entry in full, then the record's header (form title, order,
 *   machine, date, technique or craft, step or process, master and apprentice) and every other answered field
 *   (phases, labour, materials, the master's judgement, where the experience came from, the knowledge manager's
 *   own fields); tags the template's tag; props form `tacit`, existence `person`, seciStage from seciStageOf,
 *   status `draft` (the knowledge manager reviews records before they count as standard), importance 2,
 *   confidentiality internal, reviewDue one year after the record;
 * - edges: `learned_at` the step or process; the master `knows` it at 5 (MASTER_PROFICIENCY: the master is its
 *   holder, which key-person risk and the departure simulation read — `owns`, keeping a written item current, is
 *   the knowledge manager's to give once it is written up); the apprentice `knows` it at 2 (APPRENTICE_PROFICIENCY).
 * The summary is `add knowledge “<form title>: N techniques — <order>”` (`edit` when every entry matched).
 *
 * @throws WellspringError, path into the submission: not_found errors.nodeNotFound {id}; invalid_input
 *   capture:errors.notStepOrProcess, .notExpert, .sameMasterApprentice, .noTechniques, .tooLong and those of
 *   checkAnswers
 */
export function planApprenticeSubmission(
  input: ApprenticeSubmission,
  index: GraphIndex,
  options: CapturePlanOptions = {},
): CapturePlan {
  const template = options.template ?? defaultTemplate('apprentice');
  const newId = options.newId ?? randomUUID;
  const language = input.language ?? 'zh-CN';
  const words = WORDS[language];
  const p = punctuation(language);
  const target = resolveTarget(index, input.targetId);
  const master = requireExpert(index, input.masterId, ['masterId']);
  const apprentice = requireExpert(index, input.apprenticeId, ['apprenticeId']);
  if (input.masterId === input.apprenticeId)
    throw captureError(
      'invalid_input',
      'sameMasterApprentice',
      'The master and the apprentice must be two different people.',
      ['apprenticeId'],
    );
  const answers = checkAnswers(template, input.values);
  const itemFields = CAPTURE_ITEM_FIELDS.apprentice;

  // Entries grouped by title, in form order; each group is one item.
  const groups = new Map<
    string,
    { title: string; fieldId: string; entries: string[]; path: Array<string | number> }
  >();
  for (const fieldId of itemFields)
    answers.list(fieldId).forEach((entry, k) => {
      const title = entryTitle(entry);
      const key = matchKey(title);
      const group = groups.get(key);
      if (group) group.entries.push(entry);
      else groups.set(key, { title, fieldId, entries: [entry], path: ['values', fieldId, k] });
    });
  if (groups.size === 0)
    throw captureError(
      'invalid_input',
      'noTechniques',
      'Write at least one technique or craft: each becomes a knowledge item.',
      ['values', itemFields[0]!],
    );

  const existing = new Map<string, string>();
  for (const id of index.idsOfKind('knowledge')) {
    const key = matchKey(index.node(id)!.label);
    if (!existing.has(key)) existing.set(key, id);
  }

  const order = answers.text('order');
  const formTitle = nameIn(template.title, language);
  const header = (fieldId: string) => [
    occasionLine(formTitle, [order, answers.text('machine')], input.date, language),
    labelIn(answers.field(fieldId)!, language),
    targetLine(target, language),
    `${words.master}${p.colon}${master}`,
    `${words.apprentice}${p.colon}${apprentice}`,
  ];
  const context = contextMarkdown(answers, language, new Set([...itemFields, 'order', 'machine']));
  const hasEdge = (kind: 'learned_at' | 'knows', source: string, targetId: string) =>
    index.out(source, kind).some((e) => e.target === targetId);

  const ops: GraphOp[] = [];
  const createdIds: string[] = [];
  const linkedIds: string[] = [];
  for (const [key, group] of groups) {
    const record = composeDescription(group.entries.join('\n\n'), header(group.fieldId), context);
    const found = existing.get(key);
    if (found) {
      const node = index.node(found)!;
      const description = node.description ? `${node.description}\n\n---\n\n${record}` : record;
      checkDescriptionLength(node.label, description, group.path);
      linkedIds.push(found);
      ops.push({
        op: 'updateNode',
        id: found,
        patch: {
          description,
          ...(node.tags.includes(template.tag) ? {} : { tags: [...node.tags, template.tag] }),
        },
      });
      if (!hasEdge('learned_at', found, target.id))
        ops.push({ op: 'addEdge', edge: { kind: 'learned_at', source: found, target: target.id } });
      for (const [holder, proficiency] of [
        [input.masterId, MASTER_PROFICIENCY],
        [input.apprenticeId, APPRENTICE_PROFICIENCY],
      ] as const)
        if (!hasEdge('knows', holder, found))
          ops.push({
            op: 'addEdge',
            edge: { kind: 'knows', source: holder, target: found, props: { proficiency } },
          });
      continue;
    }
    checkDescriptionLength(group.title, record, group.path);
    const id = newId();
    createdIds.push(id);
    const props: NodePropsOf<'knowledge'> = {
      form: 'tacit',
      existence: 'person',
      seciStage: seciStageOf(group.entries),
      status: 'draft',
      confidentiality: 'internal',
      importance: 2,
      reviewDue: oneYearAfter(input.date),
    };
    ops.push({
      op: 'addNode',
      id,
      node: { kind: 'knowledge', label: group.title, description: record, tags: [template.tag], props },
    });
    ops.push({ op: 'addEdge', edge: { kind: 'learned_at', source: id, target: target.id } });
    ops.push({
      op: 'addEdge',
      edge: { kind: 'knows', source: input.masterId, target: id, props: { proficiency: MASTER_PROFICIENCY } },
    });
    ops.push({
      op: 'addEdge',
      edge: {
        kind: 'knows',
        source: input.apprenticeId,
        target: id,
        props: { proficiency: APPRENTICE_PROFICIENCY },
      },
    });
  }
  const n = groups.size;
  const count = language === 'en' ? `${n} ${n === 1 ? 'technique' : 'techniques'}` : `${n} 项技艺`;
  const label = summaryLabel(formTitle, count, order, language);
  return {
    ops,
    summary: { action: createdIds.length > 0 ? 'add' : 'edit', kind: 'knowledge', label, count: n },
    createdIds,
    linkedIds,
  };
}
