import type { CaptureField, CaptureLanguage } from '../../../preload/contract';
import type { GraphIndex } from '../analytics/graph-index';
import { WellspringError } from '../util/errors';
import { labelIn, type FormAnswers } from './form-values';
import { captureError } from './messages';

/** The step or process a submitted form belongs to. */
export interface CaptureTarget {
  id: string;
  kind: 'step' | 'process';
  label: string;
  /** For a step, the label of the process it is part of (the first, in graph order); else null. */
  processLabel: string | null;
}

/** The longest description the store accepts (NewNode.description), in UTF-16 code units. */
export const MAX_DESCRIPTION = 100_000;

/** The fixed words of the descriptions a form writes, per language (the fields' names come from the template). */
export const WORDS: Record<
  CaptureLanguage,
  Record<'step' | 'process' | 'participants' | 'owner' | 'master' | 'apprentice', string>
> = {
  'zh-CN': {
    step: '流程节点',
    process: '流程',
    participants: '参与人',
    owner: '负责人',
    master: '师傅',
    apprentice: '徒弟',
  },
  en: {
    step: 'Step',
    process: 'Process',
    participants: 'Participants',
    owner: 'Owner',
    master: 'Master',
    apprentice: 'Apprentice',
  },
};

/** How a language joins a list of names and separates a label from its value. */
export const punctuation = (language: CaptureLanguage) =>
  language === 'en'
    ? { list: ', ', colon: ': ', open: ' (', close: ')' }
    : { list: '、', colon: '：', open: '（', close: '）' };

/**
 * The step or process `id`.
 * @throws WellspringError not_found errors.nodeNotFound {id}; invalid_input capture:errors.notStepOrProcess
 *   {label, kind}; path ['targetId']
 */
export function resolveTarget(index: GraphIndex, id: string): CaptureTarget {
  const node = index.node(id);
  if (!node)
    throw new WellspringError('not_found', `No node with id ${id}.`, ['targetId'], {
      key: 'errors.nodeNotFound',
      params: { id },
    });
  if (node.kind !== 'step' && node.kind !== 'process')
    throw captureError(
      'invalid_input',
      'notStepOrProcess',
      `“${node.label}” is a ${node.kind}: lessons and records belong to a process step or a process.`,
      ['targetId'],
      { label: node.label, kind: node.kind },
    );
  const process =
    node.kind === 'step'
      ? index.out(id, 'part_of').find((e) => index.kindOf(e.target) === 'process')?.target
      : undefined;
  return {
    id,
    kind: node.kind,
    label: node.label,
    processLabel: process ? index.node(process)!.label : null,
  };
}

/**
 * The label of the expert `id`.
 * @throws WellspringError not_found errors.nodeNotFound {id}; invalid_input capture:errors.notExpert {label};
 *   at `path`
 */
export function requireExpert(index: GraphIndex, id: string, path: Array<string | number>): string {
  const node = index.node(id);
  if (!node)
    throw new WellspringError('not_found', `No node with id ${id}.`, path, {
      key: 'errors.nodeNotFound',
      params: { id },
    });
  if (node.kind !== 'expert')
    throw captureError(
      'invalid_input',
      'notExpert',
      `“${node.label}” is not an expert: pick people from the expert directory.`,
      path,
      { label: node.label },
    );
  return node.label;
}

/** `- Step: 生产作业 (服装生产流程)` — where the form's items were learned, as a line of the description's header. */
export function targetLine(target: CaptureTarget, language: CaptureLanguage): string {
  const p = punctuation(language);
  const where = target.processLabel
    ? `${target.label}${p.open}${target.processLabel}${p.close}`
    : target.label;
  return `${WORDS[language][target.kind]}${p.colon}${where}`;
}

/**
 * The answers of the fields not in `skip`, in form order, as Markdown: each answered field as a bold heading
 * with its text (a select's option name; a list's entries as bullets). Unanswered fields are left out.
 */
export function contextMarkdown(
  answers: FormAnswers,
  language: CaptureLanguage,
  skip: ReadonlySet<string>,
): string {
  const blocks: string[] = [];
  for (const section of answers.template.sections)
    for (const field of section.fields) {
      if (skip.has(field.id)) continue;
      const body = answerText(answers, field, language);
      if (body) blocks.push(`**${labelIn(field, language)}**\n\n${body}`);
    }
  return blocks.join('\n\n');
}

/** One field's answer as Markdown: a list's entries as bullets, a select's option name, else the text. */
function answerText(answers: FormAnswers, field: CaptureField, language: CaptureLanguage): string {
  if (field.kind === 'list')
    return answers
      .list(field.id)
      .map((e) => `- ${e.replace(/\n/g, '\n  ')}`)
      .join('\n');
  if (field.kind === 'select') {
    const value = answers.text(field.id);
    const option = field.options?.find((o) => o.value === value);
    return option ? labelIn(option, language) : value;
  }
  return answers.text(field.id);
}

/**
 * The description of an item made from one entry: the entry in full, a rule, the header lines as a bullet list
 * (form and occasion, which field the entry came from, where, who), then the form's context.
 */
export function composeDescription(entry: string, header: readonly string[], context: string): string {
  const parts = [entry, '---', header.map((l) => `- ${l}`).join('\n')];
  if (context) parts.push(context);
  return parts.join('\n\n');
}

/**
 * Refuses a description longer than the store takes, naming the item.
 * @throws WellspringError invalid_input capture:errors.tooLong {label, length, max} at `path`
 */
export function checkDescriptionLength(
  label: string,
  description: string,
  path: Array<string | number>,
): void {
  if (description.length <= MAX_DESCRIPTION) return;
  throw captureError(
    'invalid_input',
    'tooLong',
    `“${label}” would be too long to store (${description.length} characters; at most ${MAX_DESCRIPTION}): shorten the form's texts.`,
    path,
    { label, length: description.length, max: MAX_DESCRIPTION },
  );
}

/**
 * The day one year after `date` (YYYY-MM-DD), 29 February going to 28 February: when a captured item is due for
 * review. A captured lesson is checked again a year on, when the next occasion of the same work has usually come.
 */
export function oneYearAfter(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const last = new Date(Date.UTC(y + 1, m, 0)).getUTCDate();
  const day = Math.min(d, last);
  return `${String(y + 1).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The first line of an item's header: `<form title>：<what>（<date>）`, the parts of `what` that were answered
 * joined (the knowledge manager may make the review title, order or machine optional).
 */
export function occasionLine(
  formTitle: string,
  what: readonly string[],
  date: string,
  language: CaptureLanguage,
): string {
  const p = punctuation(language);
  const named = what.filter(Boolean).join(p.list);
  return named ? `${formTitle}${p.colon}${named}${p.open}${date}${p.close}` : `${formTitle}${p.colon}${date}`;
}

/** The undo summary's label: `<form title>：<count phrase>——<name>`, without the dash when there is no name. */
export function summaryLabel(
  formTitle: string,
  count: string,
  name: string,
  language: CaptureLanguage,
): string {
  if (language === 'en') return `${formTitle}: ${count}${name ? ` — ${name}` : ''}`;
  return `${formTitle}：${count}${name ? `——${name}` : ''}`;
}

/** Distinct ids in first-seen order. */
export function distinct(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}
