import type { Pipeline, PipelineItem, ReadingItem, StepDetail } from '../../../preload/contract';
import { rankConsultants } from './consult-ranking';
import type { GraphIndex } from './graph-index';

/**
 * What the step panel and the workstation card show for one step (DESIGN §5.2 "who to consult, what to read";
 * issue 7), from the pipeline of its process:
 * - read: every `documented_by` link of its required items and templates (in that order), with the page and the
 *   library file (`libraryDocId(path)`, null when the file is not in the library);
 * - consult: rankConsultants; produce, templates, require: its items;
 * - handOn: (B, X) for every other step B of the process that requires an item X this step produces;
 * - lessons: knowledge items `learned_at` this step.
 * `stepId` must be a step of `pipeline`. Never throws.
 */
export function buildStepDetail(
  index: GraphIndex,
  pipeline: Pipeline,
  stepId: string,
  libraryDocId: (path: string) => number | null,
): StepDetail {
  const step = pipeline.steps.find((s) => s.id === stepId)!;
  const items = new Map(pipeline.items.map((i) => [i.id, i]));
  const pick = (ids: readonly string[]): PipelineItem[] => ids.map((id) => items.get(id)!);
  const read: ReadingItem[] = [];
  for (const itemId of [...step.requires, ...step.templates]) {
    const item = items.get(itemId)!;
    for (const e of index.out(itemId, 'documented_by')) {
      const doc = index.propsOf(e.target, 'document');
      if (!doc) continue;
      read.push({
        itemId,
        itemLabel: item.label,
        documentNodeId: e.target,
        documentLabel: index.node(e.target)!.label,
        path: doc.path,
        page: e.props.page ?? null,
        libraryDocId: libraryDocId(doc.path),
      });
    }
  }
  const labels = new Map(pipeline.steps.map((s) => [s.id, s.label]));
  const handOn = pipeline.flows
    .filter((f) => f.from === stepId)
    .map((f) => ({
      stepId: f.to,
      stepLabel: labels.get(f.to)!,
      itemId: f.itemId,
      itemLabel: items.get(f.itemId)!.label,
    }));
  const lessons = index
    .in(stepId, 'learned_at')
    .filter((e) => index.kindOf(e.source) === 'knowledge')
    .map((e) => ({ id: e.source, label: index.node(e.source)!.label }));
  return {
    step,
    processId: pipeline.process.id,
    processLabel: pipeline.process.label,
    read,
    consult: rankConsultants(index, stepId),
    produce: pick(step.produces),
    templates: pick(step.templates),
    require: pick(step.requires),
    handOn,
    lessons,
  };
}
