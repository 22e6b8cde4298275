/**
 * The evidence finder (issue 7): for every knowledge item, the library pages that most likely document it, found by
 * searching the library for the item's label and aliases; the user accepts a proposal (a `documented_by` link with
 * the page, undoable) or rejects it (remembered, never proposed again). Imports only zod.
 */
import { z } from 'zod';
import type { ChannelMap } from './channel';
import { EdgeDto, id } from './model';

/** A proposed page: `score` is the search rank score (higher is better); `snippet` with highlight ranges. */
export const EvidenceProposal = z.object({
  knowledgeId: id,
  knowledgeLabel: z.string(),
  docId: z.number().int(),
  /** The document node's label when the graph has one for this file (the sample's 成衣质量检验手册), else the file name. */
  docName: z.string(),
  path: z.string(),
  page: z.number().int(),
  score: z.number(),
  /** Which of the item's names matched: its label or one of its aliases. */
  matched: z.string(),
  snippet: z.object({ text: z.string(), highlights: z.array(z.tuple([z.number().int(), z.number().int()])) }),
});
export type EvidenceProposal = z.infer<typeof EvidenceProposal>;

/** Progress of the background run that refreshes the proposals after an indexing run. */
export const EvidenceProgress = z.object({
  running: z.boolean(),
  done: z.number().int(),
  total: z.number().int(),
  /** Proposals found by the last complete run. */
  proposals: z.number().int(),
  /** Knowledge items with at least one proposal. */
  items: z.number().int(),
  finishedAt: z.string().nullable(),
});
export type EvidenceProgress = z.infer<typeof EvidenceProgress>;

const pageKey = { knowledgeId: id, docId: z.number().int(), page: z.number().int().min(1) };

export const EVIDENCE_CHANNELS = {
  /** Proposals of one item (best first, at most `limit`, default 5), or of every item when `knowledgeId` is absent. */
  'evidence:proposals': {
    input: z.strictObject({ knowledgeId: id.optional(), limit: z.number().int().min(1).max(100).optional() }),
    output: z.array(EvidenceProposal),
  },
  /** Proposal counts per knowledge item (items without any are left out). */
  'evidence:counts': { input: z.strictObject({}), output: z.record(z.string(), z.number().int()) },
  /** Accepts a proposal: the `documented_by` link with the page, as one undoable edit (library:link). */
  'evidence:accept': { input: z.strictObject(pageKey), output: EdgeDto },
  /** Rejects a proposal: remembered in the workspace, never proposed again. */
  'evidence:reject': { input: z.strictObject(pageKey), output: z.object({ ok: z.literal(true) }) },
  'evidence:progress': { input: z.strictObject({}), output: EvidenceProgress },
  /** Starts a run now (otherwise one starts after every indexing run). */
  'evidence:run': { input: z.strictObject({}), output: EvidenceProgress },
} as const satisfies ChannelMap;
