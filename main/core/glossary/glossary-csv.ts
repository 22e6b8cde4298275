import Papa from 'papaparse';
import {
  type GraphDto,
  type GraphOp,
  type MessageParams,
  type NodeDto,
  type NodePropsOf,
} from '../../../preload/contract';
import type { GraphStore } from '../graph/graph-store';
import type { Message } from '../util/errors';
import { decodeText, NotTextError } from '../util/text-encoding';
import { foldVariant, type GlossaryTerm } from './glossary';
import {
  CSV_LIMITS,
  GLOSSARY_CSV_COLUMNS,
  columnsOf,
  firstTooLong,
  isBlank,
  readRow,
  readRows,
  type RowValues,
} from './glossary-csv-rows';
import { glossaryError, glossaryMessage, type GlossaryMessageName } from './glossary-messages';

export { GLOSSARY_CSV_COLUMNS, type GlossaryCsvColumn } from './glossary-csv-rows';

/**
 * The glossary as CSV (issue 10 §3), for Excel and for exchange with other glossaries: one row per term with the
 * columns {@link GLOSSARY_CSV_COLUMNS}. Export writes UTF-8 with a byte order mark; import reads any text the
 * library reads (UTF-8, GB18030, UTF-16 … see util/text-encoding.ts) and plans GraphOps for the one write path.
 */

/**
 * The terms as CSV text for Excel: a UTF-8 byte order mark (without it Excel reads the system code page and garbles
 * Chinese), the header `term,definition,synonyms,en,zh`, one row per term in the given order, CRLF line ends
 * (RFC 4180); a definition over several lines stays one quoted cell. Synonyms are joined with `; ` (a synonym that
 * itself holds a semicolon comes back as two). Cells starting with `= + - @` get a leading `'` (papaparse
 * `escapeFormulae`) so nothing runs as a spreadsheet formula; import takes that `'` off again. Write the string as
 * UTF-8. Pure.
 */
export function glossaryToCsv(terms: ReadonlyArray<GlossaryTerm>): string {
  const data = terms.map((t) => [
    t.label,
    t.definition,
    t.synonyms.join('; '),
    t.translations.en ?? '',
    t.translations.zh ?? '',
  ]);
  const text = Papa.unparse(
    { fields: [...GLOSSARY_CSV_COLUMNS], data },
    { newline: '\r\n', escapeFormulae: true, quotes: false },
  );
  return `\uFEFF${text}\r\n`;
}

/**
 * Bytes of a glossary CSV as text: byte order marks, strict UTF-8, then the legacy encodings Chinese offices use
 * (GB18030 …), as util/text-encoding.ts decodeText guesses them. The byte order mark is not part of `text`.
 * @throws WellspringError `unsupported` (`glossary:errors.notText`) "<file> is not a text file …" for binary bytes
 */
export function decodeGlossaryCsv(bytes: Uint8Array, fileName: string): { text: string; encoding: string } {
  try {
    return decodeText(bytes, fileName);
  } catch (e) {
    if (e instanceof NotTextError)
      throw glossaryError(
        'unsupported',
        `${fileName} is not a text file: a glossary CSV is text.`,
        'notText',
        {
          file: fileName,
        },
      );
    throw e;
  }
}

/** Something wrong with one row (or the header) of a glossary CSV. */
export interface GlossaryCsvProblem {
  /** 1-based line of the file where the row starts (a row with a multi-line cell spans several). */
  line: number;
  /** English, naming the file and the line: `terms.csv, line 7: the term is empty; the row is skipped.` */
  message: string;
  /** The same in the user's language: `glossary:errors.*`. */
  translated: Message;
  /** True when the row was left out of the plan; false for a note (ignored columns or cells) on a row still used. */
  skipped: boolean;
}

/** What {@link planGlossaryCsvImport} returns. */
export interface GlossaryCsvPlan {
  /** The operations, in row order: `addNode` for a new term, `updateNode` for a changed one. May be empty. */
  ops: GraphOp[];
  problems: GlossaryCsvProblem[];
  /** Data rows read (not the header, not blank lines). */
  rows: number;
  /** Rows that add a term, change one, or match one that already says the same. */
  added: number;
  updated: number;
  unchanged: number;
}

/**
 * Plans importing a glossary CSV into `graph` (the current graph, or just its `term` nodes), as GraphOps for
 * `GraphStore.apply` (one transaction, one undo step); nothing is written here.
 *
 * The file: the first non-blank line is the header; columns are found by name (`term`, `definition`, `synonyms`,
 * `en`, `zh`, compared without regard to case or width; Chinese headers 术语, 定义, 同义词, 英文, 中文 also work),
 * in any order; only `term` is required, other columns are noted and ignored. The delimiter is the header's: a
 * comma, else a tab, else a semicolon. Quoting is RFC 4180 (papaparse), so a definition may span lines.
 *
 * Each row names a term. It updates the existing `term` node whose label or alias equals it (folded: NFKC, case,
 * whitespace), else adds a new term node (label = the term; its English name, when it differs, as its first alias,
 * as the sample's nodes have it; the definition also as its description). Present columns set their field and an
 * empty cell clears it; absent columns leave the field alone. Synonyms are split at `;` or `；`, trimmed, each once,
 * without the term itself. An updated term whose description was empty or its old definition gets the new one.
 *
 * Rows are skipped, with a problem naming the file and line, when the term is empty, repeats an earlier row (also
 * through an alias), names several existing terms, or has a cell past the store's limits. Blank lines are ignored.
 *
 * @param csvText the file's text (see {@link decodeGlossaryCsv} for bytes); a leading byte order mark is ignored
 * @param fileName the file's name as the user knows it, for messages
 * @throws WellspringError `invalid_input` when nothing can be read: no header (`glossary:errors.emptyFile`), no
 *   term column (`noTermColumn`), a quoted field never closed (`unclosedQuote`) or a stray quote in one
 *   (`malformedQuote`) — each naming the file and line
 */
export function planGlossaryCsvImport(
  csvText: string,
  fileName: string,
  graph: Pick<GraphDto, 'nodes'>,
): GlossaryCsvPlan {
  const text = csvText.replace(/^\uFEFF/, '');
  const rows = readRows(text, fileName);
  const header = rows.find((r) => !isBlank(r.cells));
  if (!header)
    throw glossaryError(
      'invalid_input',
      `${fileName} is empty: a glossary CSV starts with a header line naming its columns (term, definition, synonyms, en, zh).`,
      'emptyFile',
      { file: fileName },
    );
  const plan: GlossaryCsvPlan = { ops: [], problems: [], rows: 0, added: 0, updated: 0, unchanged: 0 };
  const problem = (line: number, name: GlossaryMessageName, english: string, params: MessageParams) => {
    const skipped = name !== 'unknownColumns' && name !== 'extraFields';
    plan.problems.push({
      line,
      message: `${fileName}, line ${line}: ${english}`,
      translated: glossaryMessage(name, { file: fileName, line, ...params }),
      skipped,
    });
  };

  const columns = columnsOf(header.cells);
  if (columns.index.term === undefined)
    throw glossaryError(
      'invalid_input',
      `${fileName}, line ${header.line}: there is no “term” column (the columns are ${header.cells.join(', ')}).`,
      'noTermColumn',
      { file: fileName, line: header.line, columns: header.cells.join(', ') },
    );
  if (columns.ignored.length)
    problem(
      header.line,
      'unknownColumns',
      `the columns ${columns.ignored.join(', ')} are not glossary columns and are ignored.`,
      { columns: columns.ignored.join(', ') },
    );

  const existing = termsByName(graph.nodes);
  /** Node id (or `new:` + folded term) → the line that first named it. */
  const firstLine = new Map<string, number>();
  for (const row of rows) {
    if (row === header || isBlank(row.cells)) continue;
    plan.rows++;
    const { line, cells } = row;
    const extra = cells.slice(header.cells.length).filter((c) => c.trim()).length;
    if (extra)
      problem(line, 'extraFields', `${extra} cells beyond the header's columns are ignored.`, {
        count: extra,
      });
    const read = readRow(cells, columns);
    if (!read.term) {
      problem(line, 'emptyTerm', 'the term is empty; the row is skipped.', {});
      continue;
    }
    const tooLong = firstTooLong(read, columns.names);
    if (tooLong) {
      problem(
        line,
        'tooLong',
        `the “${tooLong.column}” cell is longer than ${tooLong.max} characters; the row is skipped.`,
        tooLong,
      );
      continue;
    }
    if (read.synonyms && read.synonyms.length > CSV_LIMITS.synonyms) {
      problem(line, 'tooManySynonyms', `more than ${CSV_LIMITS.synonyms} synonyms; the row is skipped.`, {
        max: CSV_LIMITS.synonyms,
      });
      continue;
    }
    const key = foldVariant(read.term);
    const matches = existing.get(key) ?? [];
    if (matches.length > 1) {
      const labels = matches.map((n) => n.label).join(', ');
      problem(
        line,
        'ambiguousTerm',
        `“${read.term}” names ${matches.length} glossary terms (${labels}); the row is skipped.`,
        { term: read.term, count: matches.length, labels },
      );
      continue;
    }
    const target = matches[0];
    const seenKey = target ? target.id : `new:${key}`;
    const first = firstLine.get(seenKey);
    if (first !== undefined) {
      problem(line, 'duplicateTerm', `“${read.term}” is already on line ${first}; this row is skipped.`, {
        term: read.term,
        first,
      });
      continue;
    }
    firstLine.set(seenKey, line);
    if (target) {
      const op = updateOp(target, read);
      if (op) {
        plan.ops.push(op);
        plan.updated++;
      } else plan.unchanged++;
    } else {
      plan.ops.push(addOp(read));
      plan.added++;
    }
  }
  return plan;
}

/**
 * Plans and applies a glossary CSV in one step: {@link planGlossaryCsvImport}, then `store.apply` of its operations
 * in one transaction with one undo entry ("batch" of terms named after the file; change reason `glossary-import`).
 * Nothing is written when the plan has no operations. Returns the plan.
 * @throws WellspringError of planning (see planGlossaryCsvImport) or of the write path (then nothing is written)
 */
export function importGlossaryCsv(store: GraphStore, csvText: string, fileName: string): GlossaryCsvPlan {
  const plan = planGlossaryCsvImport(csvText, fileName, store.getGraph({ kinds: ['term'] }));
  if (plan.ops.length)
    store.apply(plan.ops, {
      reason: 'glossary-import',
      summary: { action: 'import', kind: 'term', label: fileName, count: plan.ops.length },
    });
  return plan;
}

/** Existing term nodes by folded label and alias. */
function termsByName(nodes: readonly NodeDto[]): Map<string, NodeDto[]> {
  const out = new Map<string, NodeDto[]>();
  for (const n of nodes) {
    if (n.kind !== 'term') continue;
    for (const name of new Set([n.label, ...n.aliases].map(foldVariant))) {
      if (!name) continue;
      const list = out.get(name);
      if (list) list.push(n);
      else out.set(name, [n]);
    }
  }
  return out;
}

type TermProps = NodePropsOf<'term'>;

function translationsOf(read: RowValues, current: TermProps['translations']): TermProps['translations'] {
  const out: TermProps['translations'] = {};
  for (const lang of ['en', 'zh'] as const) {
    const v = read[lang] !== undefined ? read[lang] : current[lang];
    if (v) out[lang] = v;
  }
  return out;
}

function addOp(read: RowValues): GraphOp {
  const definition = read.definition ?? '';
  const props: TermProps = {
    definition,
    synonyms: read.synonyms ?? [],
    translations: translationsOf(read, {}),
  };
  const en = read.en;
  return {
    op: 'addNode',
    node: {
      kind: 'term',
      label: read.term,
      aliases: en && foldVariant(en) !== foldVariant(read.term) ? [en] : [],
      description: definition,
      props,
    },
  };
}

/** The update that makes `node` say what the row says, or null when it already does. */
function updateOp(node: NodeDto, read: RowValues): GraphOp | null {
  const p = node.props as Partial<TermProps>;
  const before: TermProps = {
    definition: p.definition ?? '',
    synonyms: p.synonyms ?? [],
    translations: p.translations ?? {},
  };
  const after: TermProps = {
    definition: read.definition ?? before.definition,
    synonyms: read.synonyms ?? before.synonyms,
    translations: translationsOf(read, before.translations),
  };
  const same =
    after.definition === before.definition &&
    after.synonyms.join('\u0000') === before.synonyms.join('\u0000') &&
    after.translations.en === before.translations.en &&
    after.translations.zh === before.translations.zh;
  if (same) return null;
  const mirrors = node.description.trim() === '' || node.description === before.definition;
  return {
    op: 'updateNode',
    id: node.id,
    patch: {
      props: { ...after },
      ...(mirrors && after.definition !== before.definition ? { description: after.definition } : {}),
    },
  };
}
