/**
 * The glossary editor (issue 10 §3): terms with definitions, synonyms and translations, their mentions in text (underlined with the definition on hover), and CSV import and export. Computed in main/core/glossary/. Imports only zod.
 */
import { z } from 'zod';
import type { ChannelMap } from './channel';
import { EditSummary } from './history';
import { id } from './model';

const count = z.number().int().min(0);
// The limits of NODE_PROPS.term and NewNode (preload/contract/model.ts), so a refusal comes here with its field.
const label = z.string().trim().min(1, 'a term cannot be empty').max(500);
const name = z.string().trim().min(1).max(200);
const translation = z.string().trim().max(200);
const Translations = z.strictObject({ en: translation.optional(), zh: translation.optional() });

/** What a term defines: a knowledge item or a category it has a `defines` edge to. */
export const GlossaryDefined = z.object({
  /** The `defines` edge. */
  edgeId: id,
  id,
  kind: z.enum(['knowledge', 'category']),
  label: z.string(),
});
export type GlossaryDefined = z.infer<typeof GlossaryDefined>;

/** One glossary term as the editor lists it: the `term` node's fields, what it defines, where it is named. */
export const GlossaryTermDto = z.object({
  id,
  /** The term as written (the node's label). */
  label: z.string(),
  /** Other names of the node (in the sample, the first is the English name). */
  aliases: z.array(z.string()),
  /** What the term means, plain text, may span lines; '' when not given. */
  definition: z.string(),
  synonyms: z.array(z.string()),
  translations: z.object({ en: z.string().optional(), zh: z.string().optional() }),
  /** The knowledge items and categories it defines, by label (zh-CN collation). */
  defines: z.array(GlossaryDefined),
  /** Nodes other than the term whose label or description names it (glossary:mentions' matching). */
  mentionedIn: count,
  updatedAt: z.string(),
});
export type GlossaryTermDto = z.infer<typeof GlossaryTermDto>;

/** Where a term is named in one text: `[start, end)` UTF-16 offsets into the text as sent, with the term. */
export const GlossaryMention = z.object({
  start: count,
  end: count,
  termId: id,
  label: z.string(),
  definition: z.string(),
  /** The term's English name, when it has one (the hover card shows it beside the label). */
  en: z.string().optional(),
});
export type GlossaryMention = z.infer<typeof GlossaryMention>;

/** The fields a term may be given. Absent: left as it is (update) or empty (add). */
const TermFields = {
  definition: z.string().max(10_000).optional(),
  synonyms: z.array(name).max(100).optional(),
  translations: Translations.optional(),
  aliases: z.array(z.string().trim().min(1).max(500)).max(50).optional(),
  /** The knowledge items and categories it defines: the whole set (edges to others are removed). */
  defines: z.array(id).max(1000).optional(),
};

/**
 * One edit of the glossary. All edits of one call are ONE GraphStore.apply (one undo step), all or nothing. A
 * name an edit gives a term (label, alias, synonym, translation) may not be a name of another term (compared after
 * NFKC and case folding).
 */
export const GlossaryEdit = z.discriminatedUnion('edit', [
  z.strictObject({ edit: z.literal('add'), label, ...TermFields }),
  z.strictObject({ edit: z.literal('update'), id, label: label.optional(), ...TermFields }),
  /** Deletes the term with its `defines` edges (undo brings both back). */
  z.strictObject({ edit: z.literal('delete'), id }),
]);
export type GlossaryEdit = z.infer<typeof GlossaryEdit>;

export const GlossaryEditResult = z.object({
  /** The ids of the terms `add` created, in edit order. */
  addedIds: z.array(id),
  summary: EditSummary,
  /** False for a dry run, or when the edits change nothing (nothing written either way). */
  applied: z.boolean(),
});
export type GlossaryEditResult = z.infer<typeof GlossaryEditResult>;

/** A problem with one line of a glossary CSV, in English and as a message key for the user's language. */
export const GlossaryCsvProblemDto = z.object({
  /** 1-based line of the file where the row starts. */
  line: z.number().int().min(1),
  /** English, naming the file and the line. */
  message: z.string(),
  key: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  /** True when the row is left out; false for a note on a row still used (ignored columns or cells). */
  skipped: z.boolean(),
});
export type GlossaryCsvProblemDto = z.infer<typeof GlossaryCsvProblemDto>;

/** What a glossary CSV does (dry run) or did: counts, the rows planned, the problems with their lines. */
export const GlossaryCsvPlanDto = z.object({
  fileName: z.string(),
  /** The encoding it was read in (`UTF-8`, `GB18030`, … as util/text-encoding.ts names it). */
  encoding: z.string(),
  rows: count,
  added: count,
  updated: count,
  unchanged: count,
  /** The terms the plan adds or changes, in row order (at most 500 listed). */
  changes: z.array(z.object({ change: z.enum(['add', 'update']), label: z.string() })),
  problems: z.array(GlossaryCsvProblemDto),
  /** True when some row would be skipped: such a plan is not applied (fix the file first). */
  blocked: z.boolean(),
  /** True when it was written (one undo step). */
  applied: z.boolean(),
});
export type GlossaryCsvPlanDto = z.infer<typeof GlossaryCsvPlanDto>;

/** Base64 of at most 48 MB of file (browser mode's request body limit is 64 MB). */
export const MAX_GLOSSARY_CSV_BASE64 = 64_000_000;

export const GLOSSARY_CHANNELS = {
  /** Every term, by label (zh-CN collation), with what it defines and how many nodes name it. */
  'glossary:terms': { input: z.strictObject({}), output: z.object({ terms: z.array(GlossaryTermDto) }) },
  /**
   * Where the glossary's terms are named in each text (longest match, Chinese and Latin word boundaries as the
   * search matches a phrase; names of one Chinese character are not marked). One list per text, in text order.
   */
  'glossary:mentions': {
    input: z.strictObject({ texts: z.array(z.string().max(200_000)).max(100) }),
    output: z.object({ mentions: z.array(z.array(GlossaryMention)) }),
  },
  /**
   * Applies the edits as ONE undo step, or with `dryRun` only checks them. @throws invalid_input
   * `glossary:errors.nameTaken` {name, term}, `notDefinable` {label, kind}, `notTerm` {label}; not_found
   * `errors.nodeNotFound`; nothing is written then
   */
  'glossary:edit': {
    input: z.strictObject({ edits: z.array(GlossaryEdit).min(1).max(500), dryRun: z.boolean().optional() }),
    output: GlossaryEditResult,
  },
  /**
   * Reads a glossary CSV (any encoding the library reads) and plans it; unless `dryRun`, applies a plan with no
   * skipped row as ONE undo step. @throws invalid_input / unsupported `glossary:errors.*` naming the file and line
   */
  'glossary:import-csv': {
    input: z.strictObject({
      fileName: z.string().trim().min(1).max(500),
      data: z.string().max(MAX_GLOSSARY_CSV_BASE64),
      dryRun: z.boolean(),
    }),
    output: GlossaryCsvPlanDto,
  },
  /** The whole glossary as CSV text for Excel (UTF-8 with a byte order mark; save it as UTF-8). */
  'glossary:export-csv': {
    input: z.strictObject({}),
    output: z.object({ fileName: z.string(), content: z.string(), terms: count }),
  },
} as const satisfies ChannelMap;
