import { createHash } from 'node:crypto';
import {
  DEFAULT_NODE_PROPS,
  NODE_KINDS,
  NODE_PROPS,
  NewNode,
  NodePatch,
  type GraphOp,
  type NodeDto,
  type NodeKind,
} from '../../../preload/contract';
import { validateNodeProps } from '../graph/validate';
import { isWellspringError } from '../util/errors';
import { foldText } from '../util/text';
import {
  listOf,
  propSchema,
  propValueOf,
  sourceColumns,
  textOf,
  uniqueFolded,
  type RowView,
} from './cell-values';
import type { NodeMapping } from './mapping';
import { problem, type ImportProblem } from './messages';
import type { NameIndex } from './name-index';

/** Longest node id the store takes (contract `id`). */
export const MAX_ID_LENGTH = 64;

/** A node the import will add or update, gathered from every row that names it. */
export interface PlannedNode {
  id: string;
  kind: NodeKind;
  /** The workspace's node when the import updates one. */
  existing?: NodeDto;
  /** The first line that named it. */
  line: number;
  /** The column its label comes from (messages). */
  labelColumn: string;
  /** The label the file gives (the first row's), if any. */
  label?: string;
  /** Named by id (then the file's label renames a workspace node); else by label or alias (its label stays). */
  byId: boolean;
  aliases: string[];
  description?: string;
  descriptionLine: number;
  tags: string[];
  /** Props the file sets, by dotted key (`translations.en`), and the line that first set each. */
  props: Record<string, unknown>;
  propLines: Record<string, number>;
  /** A row of the file named it (false: a workspace node created as a match, no row merged into it yet). */
  fromFile: boolean;
}

/** A row whose label or alias matched a node the workspace or an earlier row has. */
export interface ImportDuplicate {
  line: number;
  kind: NodeKind;
  /** The label on this row. */
  label: string;
  by: 'label' | 'alias';
  /** The node(s) it matched: its id and label, and the line that gave it when it comes from the file. */
  matches: Array<{ id: string; label: string; line?: number }>;
}

/** What a node plan adds to the import: its operations and counts. */
export interface NodeOps {
  ops: GraphOp[];
  added: NodeDto['kind'][];
  updated: NodeDto['kind'][];
  unchanged: NodeDto['kind'][];
}

/**
 * Collects the nodes of an import row by row (pass 1 of planImport), then turns them into operations.
 *
 * Identity: with an `id` column, rows name nodes by id — a workspace node of that id is updated (it must be of the
 * mapped kind), and the same id on two rows of one mapping is a problem unless the mapping is `repeated`. Without
 * one, rows name nodes by label (NFKC, case-folded, within the kind): a label that is a node's label, else one of
 * a workspace node's aliases (see NameIndex for why not the file's), is that node — updated, not duplicated, and listed
 * as a duplicate; two matching workspace nodes are a problem (the row cannot say which). New nodes get
 * deterministic ids from kind and folded label (`imp-` and 20 hex digits of SHA-256), so the same file gives the
 * same plan.
 * Merging: lists (aliases, tags) are united; a description or prop given differently by two rows is a problem of
 * the later row; the first row's label stays.
 */
export class NodePlanner {
  readonly nodes = new Map<string, PlannedNode>();
  readonly duplicates: ImportDuplicate[] = [];
  /** Per node mapping and node, the first line on which the mapping named it (`mapping \0 id`). */
  private readonly firstLines = new Map<string, number>();
  /** Names a repeated mapping has met, as written (`mapping \0 kind \0 label`). */
  private readonly seen = new Set<string>();
  /** Per mapping whose kind is read from a column, its `values` table folded. */
  private readonly kindTables = new Map<NodeMapping, Map<string, string>>();

  constructor(
    private readonly existing: ReadonlyMap<string, NodeDto>,
    private readonly names: NameIndex,
    private readonly problems: ImportProblem[],
  ) {}

  /** The kind of a node the import knows (planned or in the workspace). */
  kindOf(id: string): NodeKind | undefined {
    return this.nodes.get(id)?.kind ?? this.existing.get(id)?.kind;
  }

  /** The label to show for a node id. */
  labelOf(id: string): string {
    const n = this.nodes.get(id);
    return n?.label ?? n?.existing?.label ?? this.existing.get(id)?.label ?? id;
  }

  /** True when a node of this id is planned or exists. */
  has(id: string): boolean {
    return this.nodes.has(id) || this.existing.has(id);
  }

  /**
   * The node mapping `m` on one row: the id of the node it names, or undefined when the row gives none (its
   * condition fails) or has a problem (listed).
   */
  planRow(m: NodeMapping, row: RowView): string | undefined {
    const kind = this.kindOfRow(m, row);
    if (!kind) return undefined;
    const labelColumn = sourceColumns(m.label)[0] ?? sourceColumns(m.id)[0] ?? m.name;
    const idText = textOf(m.id, row).trim();
    const label = textOf(m.label, row).trim();
    if (!idText && !label) {
      this.problems.push(
        problem(
          row.line,
          'emptyLabel',
          `No label: the column “${labelColumn}” is empty.`,
          { column: labelColumn },
          labelColumn,
        ),
      );
      return undefined;
    }
    const aliases = listOf(m.aliases, row);
    const tags = listOf(m.tags, row);
    const description = textOf(m.description, row);
    const props = this.propsOfRow(m, kind, row);
    if (!props) return undefined;

    const node = idText ? this.byId(m, kind, idText, row.line) : this.byName(m, kind, label, row.line);
    if (!node) return undefined;
    if (idText) node.byId = true;
    const known = { label: node.label, aliases: node.aliases };
    if (!this.merge(node, { label, aliases, tags, description, props }, row.line, Boolean(idText)))
      return undefined;
    const first = `${m.name}\u0000${node.id}`;
    if (!this.firstLines.has(first)) this.firstLines.set(first, row.line);
    node.fromFile = true;
    // Index the names a row added (a repeated team names nothing new after its first row).
    if (node.label !== known.label || node.aliases !== known.aliases)
      this.names.add(kind, node.id, node.label ?? '', node.aliases, false);
    return node.id;
  }

  private kindOfRow(m: NodeMapping, row: RowView): NodeKind | undefined {
    if (typeof m.kind === 'string') return m.kind as NodeKind;
    const column = m.kind.column;
    const cell = row.cell(column).trim();
    const f = foldText(cell).trim();
    let table = this.kindTables.get(m);
    if (!table) {
      table = new Map(Object.entries(m.kind.values ?? {}).map(([k, v]) => [foldText(k).trim(), v]));
      this.kindTables.set(m, table);
    }
    const mapped = table.get(f);
    const kind = (mapped ?? NODE_KINDS.find((k) => k === f)) as NodeKind | undefined;
    if (!kind)
      this.problems.push(
        problem(
          row.line,
          'unknownKind',
          `“${cell}” in column “${column}” is not a kind of node Wellspring knows.`,
          { value: cell, column },
          column,
        ),
      );
    return kind;
  }

  /** The props the row gives, converted by NODE_PROPS[kind]; undefined when one cannot be (problems listed). */
  private propsOfRow(m: NodeMapping, kind: NodeKind, row: RowView): Record<string, unknown> | undefined {
    const props: Record<string, unknown> = {};
    let ok = true;
    for (const [key, source] of Object.entries(m.props ?? {})) {
      const column = sourceColumns(source)[0] ?? key;
      const schema = propSchema(NODE_PROPS[kind], key);
      // With the kind read from a column, a prop of other kinds may be mapped: only a value for it is wrong.
      if (!schema && source.value === undefined && textOf(source, row) === '') continue;
      if (!schema) {
        this.problems.push(
          problem(row.line, 'propNotOfKind', `A ${kind} has no prop “${key}”.`, { kind, field: key }, column),
        );
        ok = false;
        continue;
      }
      const r = propValueOf(source, schema, row);
      if (r === undefined) continue;
      if ('fault' in r) {
        this.problems.push(conversionProblem(row.line, column, r));
        ok = false;
      } else props[key] = r.value;
    }
    return ok ? props : undefined;
  }

  private byId(m: NodeMapping, kind: NodeKind, id: string, line: number): PlannedNode | undefined {
    const idColumn = sourceColumns(m.id)[0];
    if (id.length > MAX_ID_LENGTH) {
      this.problems.push(
        problem(
          line,
          'idTooLong',
          `The id “${id}” is longer than ${MAX_ID_LENGTH} characters.`,
          { id, max: MAX_ID_LENGTH },
          idColumn,
        ),
      );
      return undefined;
    }
    const planned = this.nodes.get(id);
    const existing = planned?.existing ?? this.existing.get(id);
    const otherKind = planned?.kind ?? existing?.kind;
    if (otherKind && otherKind !== kind) {
      this.problems.push(
        problem(
          line,
          'idKindClash',
          `The id “${id}” belongs to a ${otherKind} in the ${planned ? 'file' : 'workspace'}, not to a ${kind}.`,
          { id, existing: otherKind, kind },
          idColumn,
        ),
      );
      return undefined;
    }
    if (planned) {
      const first = this.firstLines.get(`${m.name}\u0000${id}`);
      if (first !== undefined && !m.repeated) {
        this.problems.push(
          problem(line, 'duplicateId', `The id “${id}” is also on line ${first}.`, { id, first }, idColumn),
        );
        return undefined;
      }
      return planned;
    }
    return this.create(id, kind, line, existing, sourceColumns(m.label)[0] ?? idColumn);
  }

  private byName(m: NodeMapping, kind: NodeKind, label: string, line: number): PlannedNode | undefined {
    const { ids, by } = this.names.match(kind, label);
    if (ids.length > 1) {
      const shown = ids.slice(0, 5).join(', ') + (ids.length > 5 ? ', …' : '');
      const column = sourceColumns(m.label)[0];
      this.problems.push(
        problem(
          line,
          'ambiguousNode',
          `“${label}” matches ${ids.length} nodes of this kind in the workspace (${shown}); map an id column to tell them apart.`,
          { label, count: ids.length, ids: shown },
          column,
        ),
      );
      return undefined;
    }
    const seenKey = `${m.name}\u0000${kind}\u0000${label}`;
    if (ids.length === 0) {
      if (m.repeated) this.seen.add(seenKey);
      return this.create(this.newId(kind, label), kind, line, undefined);
    }
    const id = ids[0]!;
    const node = this.nodes.get(id) ?? this.create(id, kind, line, this.existing.get(id));
    // A repeated mapping naming its node again, written the same way, is what `repeated` is for; any other match
    // (a workspace node, an earlier row of a mapping that is not repeated, another spelling) is listed.
    if (!(m.repeated && this.seen.has(seenKey))) {
      const match = { id, label: this.labelOf(id) };
      this.duplicates.push({
        line,
        kind,
        label,
        by,
        matches: [node.fromFile ? { ...match, line: node.line } : match],
      });
    }
    if (m.repeated) this.seen.add(seenKey);
    return node;
  }

  private create(
    id: string,
    kind: NodeKind,
    line: number,
    existing: NodeDto | undefined,
    labelColumn = '',
  ): PlannedNode {
    const node: PlannedNode = {
      id,
      kind,
      line,
      labelColumn,
      byId: false,
      aliases: [],
      descriptionLine: line,
      tags: [],
      props: {},
      propLines: {},
      fromFile: false,
    };
    if (existing) node.existing = existing;
    this.nodes.set(id, node);
    return node;
  }

  /** A deterministic id for a new node: `imp-` + 20 hex digits of SHA-256 over kind and folded label. */
  private newId(kind: NodeKind, label: string): string {
    const base = `imp-${createHash('sha256')
      .update(`${kind}\u0000${foldText(label).trim()}`)
      .digest('hex')
      .slice(0, 20)}`;
    let id = base;
    for (let n = 2; this.has(id); n++) id = `${base}-${n}`;
    return id;
  }

  /** Merges a row's values into a node; false (problems listed) when they contradict an earlier row. */
  private merge(
    node: PlannedNode,
    row: {
      label: string;
      aliases: string[];
      tags: string[];
      description: string;
      props: Record<string, unknown>;
    },
    line: number,
    byId: boolean,
  ): boolean {
    const shown = row.label || node.label || this.labelOf(node.id);
    let ok = true;
    if (row.label) {
      if (node.label === undefined) node.label = row.label;
      else if (byId && foldText(node.label) !== foldText(row.label)) {
        this.problems.push(conflict(line, shown, 'label', node.line, false));
        ok = false;
      }
    }
    if (row.description) {
      if (node.description === undefined) {
        node.description = row.description;
        node.descriptionLine = line;
      } else if (node.description !== row.description) {
        this.problems.push(conflict(line, shown, 'description', node.descriptionLine, false));
        ok = false;
      }
    }
    for (const [k, v] of Object.entries(row.props)) {
      if (!(k in node.props)) {
        node.props[k] = v;
        node.propLines[k] = line;
      } else if (JSON.stringify(node.props[k]) !== JSON.stringify(v)) {
        this.problems.push(conflict(line, shown, k, node.propLines[k]!, true));
        ok = false;
      }
    }
    if (!ok) return false;
    node.aliases = unite(node.aliases, row.aliases);
    node.tags = unite(node.tags, row.tags);
    return true;
  }

  /**
   * The operations of every planned node: `addNode` with its id for new ones (props over DEFAULT_NODE_PROPS),
   * `updateNode` with only what changes for existing ones (aliases and tags added, description and mapped props
   * replaced, the label when matched by id). Each is validated with the contract's NewNode / NodePatch and the
   * kind's NODE_PROPS — the schemas the write path applies — and a failure is a problem of the node's first line.
   */
  ops(): NodeOps {
    const out: NodeOps = { ops: [], added: [], updated: [], unchanged: [] };
    for (const node of this.nodes.values()) {
      if (node.existing) this.updateOp(node, node.existing, out);
      else this.addOp(node, out);
    }
    return out;
  }

  private addOp(node: PlannedNode, out: NodeOps): void {
    if (!node.label) {
      const column = node.labelColumn;
      this.problems.push(
        problem(node.line, 'emptyLabel', `No label: the column “${column}” is empty.`, { column }, column),
      );
      return;
    }
    const fields = {
      kind: node.kind,
      label: node.label,
      aliases: node.aliases,
      description: node.description ?? '',
      tags: node.tags,
    };
    if (!this.fieldsValid(NewNode, fields, node)) return;
    const props = this.validProps(node, { ...DEFAULT_NODE_PROPS[node.kind], ...nest(node.props, {}) });
    if (!props) return;
    out.ops.push({ op: 'addNode', id: node.id, node: { ...fields, props } });
    out.added.push(node.kind);
  }

  private updateOp(node: PlannedNode, before: NodeDto, out: NodeOps): void {
    const patch: NodePatch = {};
    if (node.byId && node.label && node.label !== before.label) patch.label = node.label;
    const aliases = uniqueFolded([...before.aliases, ...node.aliases]);
    if (aliases.length !== before.aliases.length) patch.aliases = aliases;
    const tags = uniqueFolded([...before.tags, ...node.tags]);
    if (tags.length !== before.tags.length) patch.tags = tags;
    if (node.description !== undefined && node.description !== before.description)
      patch.description = node.description;
    const merged = nest(node.props, before.props);
    const changed = Object.keys(merged).filter(
      (k) => JSON.stringify(merged[k]) !== JSON.stringify(before.props[k]),
    );
    if (changed.length) {
      if (!this.validProps(node, merged)) return;
      patch.props = Object.fromEntries(changed.map((k) => [k, merged[k]]));
    }
    if (Object.keys(patch).length === 0) {
      out.unchanged.push(node.kind);
      return;
    }
    if (!this.fieldsValid(NodePatch, patch, node)) return;
    out.ops.push({ op: 'updateNode', id: node.id, patch });
    out.updated.push(node.kind);
  }

  /** Checks label, aliases, description and tags against the contract's schema; a problem per failure. */
  private fieldsValid(
    schema: typeof NewNode | typeof NodePatch,
    value: NodePatch,
    node: PlannedNode,
  ): boolean {
    // Labels, aliases and tags are trimmed and non-empty by construction, so only the schema's length limits can
    // fail: check those first and let zod word the problem only when one does (100k parses are 0.4 s of garbage).
    if (withinLimits(value)) return true;
    const r = schema.safeParse(value);
    if (r.success) return true;
    const issue = r.error.issues[0]!;
    const top = String(issue.path[0] ?? 'label');
    // One alias or tag too long is named in the singular (transfer:import.fields.alias / .tag).
    const field = issue.path.length > 1 ? ({ aliases: 'alias', tags: 'tag' }[top] ?? top) : top;
    const max = (issue as { maximum?: unknown }).maximum;
    const many = issue.code === 'too_big' && issue.path.length === 1 && (top === 'aliases' || top === 'tags');
    const line = top === 'description' ? node.descriptionLine : node.line;
    if (issue.code === 'too_big' && typeof max === 'number')
      this.problems.push(
        many
          ? problem(line, 'tooManyValues', `There are more than ${max} ${field}.`, { field, max })
          : problem(line, 'fieldTooLong', `The ${field} is longer than ${max} characters.`, { field, max }),
      );
    else
      this.problems.push(
        problem(line, 'badField', `The ${field} is not valid: ${issue.message}.`, {
          field,
          reason: issue.message,
        }),
      );
    return false;
  }

  /** The props through NODE_PROPS[kind] (graph/validate.ts, as the write path); a problem when they fail. */
  private validProps(node: PlannedNode, props: Record<string, unknown>): Record<string, unknown> | undefined {
    try {
      return validateNodeProps(node.kind, props);
    } catch (e) {
      if (!isWellspringError(e)) throw e;
      const field = String(e.path[1] ?? '');
      const line =
        node.propLines[field] ??
        Object.entries(node.propLines).find(([k]) => k.startsWith(`${field}.`))?.[1] ??
        node.line;
      this.problems.push({
        line,
        reason: `${node.label ?? node.id}: ${e.message}`,
        key: e.key ?? 'errors.invalidInput',
        params: e.params ?? { field },
      });
      return undefined;
    }
  }
}

/** `a` with the values of `b` it lacks (NFKC, case-folded), without copying when either is empty. */
function unite(a: string[], b: string[]): string[] {
  if (b.length === 0) return a;
  if (a.length === 0) return b;
  return uniqueFolded([...a, ...b]);
}

/** The largest length (string) or count (array) a contract field allows, read from its zod checks. */
function maxOf(schema: unknown): number {
  let s = schema as {
    def: {
      type: string;
      innerType?: unknown;
      checks?: Array<{ _zod: { def: { check: string; maximum?: number } } }>;
    };
    maxLength?: number | null;
  };
  if (s.def.type === 'optional') s = s.def.innerType as typeof s;
  if (typeof s.maxLength === 'number') return s.maxLength;
  const check = (s.def.checks ?? []).find((c) => c._zod.def.check === 'max_length');
  return check?._zod.def.maximum ?? Infinity;
}
const SHAPE = (
  NewNode as unknown as {
    shape: Record<string, { def: { innerType?: { def: { element: unknown } }; element?: unknown } }>;
  }
).shape;
const elementOf = (field: string) => SHAPE[field]!.def.innerType?.def.element ?? SHAPE[field]!.def.element;
/** NewNode's limits (NodePatch has the same): label and description lengths, alias and tag counts and lengths. */
const LIMITS = {
  label: maxOf(SHAPE.label),
  description: maxOf(SHAPE.description),
  aliases: maxOf(SHAPE.aliases),
  alias: maxOf(elementOf('aliases')),
  tags: maxOf(SHAPE.tags),
  tag: maxOf(elementOf('tags')),
};

function withinLimits(v: NodePatch): boolean {
  return (
    (v.label === undefined || v.label.length <= LIMITS.label) &&
    (v.description === undefined || v.description.length <= LIMITS.description) &&
    (v.aliases === undefined ||
      (v.aliases.length <= LIMITS.aliases && v.aliases.every((a) => a.length <= LIMITS.alias))) &&
    (v.tags === undefined || (v.tags.length <= LIMITS.tags && v.tags.every((t) => t.length <= LIMITS.tag)))
  );
}

/** Flat dotted props (`translations.en`) over `base`, one level of nesting (as NODE_PROPS has). */
function nest(flat: Record<string, unknown>, base: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(flat)) {
    const [top, sub] = k.split('.', 2) as [string, string | undefined];
    if (sub === undefined) out[top] = v;
    else out[top] = { ...((out[top] as Record<string, unknown> | undefined) ?? {}), [sub]: v };
  }
  return out;
}

function conflict(line: number, label: string, field: string, first: number, prop: boolean): ImportProblem {
  return prop
    ? problem(line, 'conflictingProp', `“${label}” has another “${field}” on line ${first}.`, {
        label,
        field,
        first,
      })
    : problem(line, 'conflictingField', `“${label}” has another ${field} on line ${first}.`, {
        label,
        field,
        first,
      });
}

/** The problem of a cell that could not become a prop's value. */
export function conversionProblem(
  line: number,
  column: string,
  f: { fault: 'number' | 'choice' | 'date'; value: string; choices?: string[] },
): ImportProblem {
  const params = { value: f.value, column };
  if (f.fault === 'number')
    return problem(line, 'badNumber', `“${f.value}” in column “${column}” is not a number.`, params, column);
  if (f.fault === 'date')
    return problem(
      line,
      'badDate',
      `“${f.value}” in column “${column}” is not a date (YYYY-MM-DD).`,
      params,
      column,
    );
  const choices = (f.choices ?? []).join(', ');
  return problem(
    line,
    'badChoice',
    `“${f.value}” in column “${column}” is not one of ${choices}.`,
    { ...params, choices },
    column,
  );
}
