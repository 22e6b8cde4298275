import type { GraphDto } from '../../../../preload/contract';
import { buildGraphIndex, type GraphIndex } from '../../../../main/core/analytics/graph-index';
import { DEFAULT_STRENGTH_SETTINGS } from '../../../../main/core/analytics/strength-settings';
import { edge, node } from '../../helpers';

/** The day every hand computation below is made on. */
export const TODAY = '2027-01-10';
export const SETTINGS = DEFAULT_STRENGTH_SETTINGS;

const item = (form: 'explicit' | 'tacit', existence: string, importance: number) => ({
  form,
  existence,
  status: 'active',
  confidentiality: 'internal',
  importance,
});

/**
 * A cutting room, small enough to work out by hand (ids are the labels, except the experts 张 and 李).
 *
 * Items (none has a review date):          Who knows what (`knows` proficiency):
 *   K1 tacit/person    imp 3, doc D2         A: K1 5, K2 4, K3 3, K4 2, K7 4   (leaves 2027-06-30; owns K1)
 *   K2 explicit/doc    imp 2, doc D1 p.4     B: K2 2, K4 4, K5 1, K7 3, category CAT2 4
 *   K3 tacit/case      imp 1                 C: K1 2, K5 3                     (position override 2)
 *   K4 explicit/train  imp 3, doc D1         E: K6 3
 *   K5 tacit/document  imp 2, learned_at S3  张, 李: nothing
 *   K6 explicit/system imp 3
 *   K7 tacit/system    imp 1
 *
 * Process P: S1 (1) requires K1 (item's 3) and K2 (edge 2); S2 (2) requires K4 (3), K6 (edge 2), consults A;
 * S3 (3) requires K5, consults C. Competencies: CS part_of CT; K1 supports CS (0.5) and CT (1); K2 supports CT;
 * K4 supports CS (1); CX has no support. Categories: CAT1a part_of CAT1; K1, K4 → CAT1a; K2 → CAT1;
 * K3, K5 → CAT2.
 */
export function cuttingRoom(): GraphDto {
  return {
    nodes: [
      node('K1', 'knowledge', item('tacit', 'person', 3)),
      node('K2', 'knowledge', item('explicit', 'document', 2)),
      node('K3', 'knowledge', item('tacit', 'case', 1)),
      node('K4', 'knowledge', item('explicit', 'training', 3)),
      node('K5', 'knowledge', item('tacit', 'document', 2)),
      node('K6', 'knowledge', item('explicit', 'system', 3)),
      node('K7', 'knowledge', item('tacit', 'system', 1)),
      node('A', 'expert', {
        attritionRisk: 2,
        expectedLeaving: '2027-06-30',
        availability: 'available',
        title: 'Master cutter',
        department: 'Cutting',
      }),
      node('B', 'expert', { attritionRisk: 3, availability: 'limited', department: 'Cutting' }),
      node('C', 'expert', {
        attritionRisk: 1,
        availability: 'unavailable',
        positionRiskOverride: 2,
        positionRiskNote: 'retrained as planner',
      }),
      node('E', 'expert', { attritionRisk: 2 }),
      { ...node('zhang', 'expert', { attritionRisk: 1 }), label: '张' },
      { ...node('li', 'expert', { attritionRisk: 1 }), label: '李' },
      node('P', 'process', {}),
      node('S1', 'step', { order: 1 }),
      node('S2', 'step', { order: 2 }),
      node('S3', 'step', { order: 3 }),
      node('CT', 'competency', { level: 'core', target: 3 }),
      node('CS', 'competency', { level: 'sub', target: 3 }),
      node('CX', 'competency', { level: 'capability', target: 3 }),
      node('CAT1', 'category', {}),
      node('CAT1a', 'category', {}),
      node('CAT2', 'category', {}),
      node('D1', 'document', { path: '/docs/grading.pdf' }),
      node('D2', 'document', { path: '/docs/patterns.docx' }),
    ],
    edges: [
      edge('A', 'K1', 'knows', { proficiency: 5 }),
      edge('A', 'K2', 'knows', { proficiency: 4 }),
      edge('A', 'K3', 'knows', { proficiency: 3 }),
      edge('A', 'K4', 'knows', { proficiency: 2 }),
      edge('A', 'K7', 'knows', { proficiency: 4 }),
      edge('A', 'K1', 'owns'),
      edge('B', 'K2', 'knows', { proficiency: 2 }),
      edge('B', 'K4', 'knows', { proficiency: 4 }),
      edge('B', 'K5', 'knows', { proficiency: 1 }),
      edge('B', 'K7', 'knows', { proficiency: 3 }),
      edge('B', 'CAT2', 'knows', { proficiency: 4 }),
      edge('C', 'K1', 'knows', { proficiency: 2 }),
      edge('C', 'K5', 'knows', { proficiency: 3 }),
      edge('E', 'K6', 'knows', { proficiency: 3 }),
      edge('S1', 'P', 'part_of'),
      edge('S2', 'P', 'part_of'),
      edge('S3', 'P', 'part_of'),
      edge('S1', 'S2', 'next'),
      edge('S2', 'S3', 'next'),
      edge('S1', 'K1', 'requires'),
      edge('S1', 'K2', 'requires', { importance: 2 }),
      edge('S2', 'K4', 'requires'),
      edge('S2', 'K6', 'requires', { importance: 2 }),
      edge('S3', 'K5', 'requires'),
      edge('S2', 'A', 'consults'),
      edge('S3', 'C', 'consults'),
      edge('CS', 'CT', 'part_of'),
      edge('K1', 'CS', 'supports', { weight: 0.5 }),
      edge('K1', 'CT', 'supports', { weight: 1 }),
      edge('K2', 'CT', 'supports'),
      edge('K4', 'CS', 'supports', { weight: 1 }),
      edge('CAT1a', 'CAT1', 'part_of'),
      edge('K1', 'CAT1a', 'classified_as'),
      edge('K4', 'CAT1a', 'classified_as'),
      edge('K2', 'CAT1', 'classified_as'),
      edge('K3', 'CAT2', 'classified_as'),
      edge('K5', 'CAT2', 'classified_as'),
      edge('K1', 'D2', 'documented_by'),
      edge('K2', 'D1', 'documented_by', { page: 4 }),
      edge('K4', 'D1', 'documented_by'),
      edge('K5', 'S3', 'learned_at'),
    ],
  };
}

/** The index of cuttingRoom(). */
export function cuttingIndex(): GraphIndex {
  return buildGraphIndex(cuttingRoom());
}
