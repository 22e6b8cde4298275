/**
 * The wizard's mapping, edited in place: an ImportMapping of the contract (the same JSON the CLI's `--mapping`
 * reads and the wizard saves), the props each kind offers, a first guess from the header's names, and the checks
 * the mapping step shows before main plans anything. Pure functions, no React.
 */
import {
  EDGE_PROPS,
  ImportMapping,
  NODE_KINDS,
  NODE_PROPS,
  allowedEdgeKinds,
  type EdgeEnd,
  type EdgeKind,
  type EdgeMapping,
  type NodeKind,
  type NodeMapping,
  type ValueSource,
} from '../../../../preload/contract';

/** A prop a kind (or an edge kind) has: its name, its choices when it is an enum, whether it is a number. */
export interface PropInfo {
  name: string;
  choices: string[] | null;
  number: boolean;
}

interface ZodNode {
  def: { type: string; innerType?: ZodNode; entries?: Record<string, string> };
  options?: unknown[];
}

/** The props of a kind's zod schema (NODE_PROPS / EDGE_PROPS), in the schema's order. */
export function propsOf(schema: unknown): PropInfo[] {
  const shape = (schema as { shape?: Record<string, ZodNode> }).shape ?? {};
  return Object.entries(shape).map(([name, field]) => {
    let f: ZodNode = field;
    while ((f.def.type === 'optional' || f.def.type === 'nullable') && f.def.innerType) f = f.def.innerType;
    const choices = f.def.type === 'enum' ? Object.values(f.def.entries ?? {}) : null;
    return { name, choices, number: f.def.type === 'number' };
  });
}

/** The props a node kind offers (its NODE_PROPS); document nodes are the library's, not offered. */
export function nodePropsOf(kind: NodeKind): PropInfo[] {
  return propsOf(NODE_PROPS[kind]);
}

export function edgePropsOf(kind: EdgeKind): PropInfo[] {
  return propsOf(EDGE_PROPS[kind]);
}

/** Kinds a mapping may give (documents come from the library, not from a spreadsheet). */
export const IMPORTABLE_KINDS = NODE_KINDS.filter((k) => k !== 'document');

/** Header names that say what a column is, NFKC + lower case, by field (English, Chinese, ESCO/SKOS, O*NET). */
const FIELD_NAMES: Record<'label' | 'id' | 'aliases' | 'description' | 'tags', string[]> = {
  label: [
    'label',
    'name',
    'title',
    'preferredlabel',
    'term',
    '名称',
    '名字',
    '姓名',
    '标题',
    '术语',
    '知识条目',
    '条目',
  ],
  id: ['id', 'code', 'uri', 'concepturi', 'o*net-soc code', '编号', '代码', '编码'],
  aliases: ['alias', 'aliases', 'altlabels', 'synonyms', 'other names', '别名', '同义词', '又名'],
  description: [
    'description',
    'desc',
    'definition',
    'scopenote',
    'notes',
    '描述',
    '说明',
    '简介',
    '定义',
    '备注',
  ],
  tags: ['tags', 'tag', 'keywords', 'labels', '标签', '关键词'],
};

const fold = (s: string) => s.normalize('NFKC').trim().toLowerCase();

/**
 * A first guess from the header (the user corrects it): one node mapping whose label is the column named like a
 * label (label, name, 名称 …, else the first column), with id, aliases, description and tags where a column is
 * named so, of kind `expert` when the label column says so (专家, 姓名, expert), else `knowledge`; props whose
 * column has the prop's name or its translated name (`propLabel`).
 */
export function guessMapping(
  header: readonly string[],
  propLabel: (prop: string) => string[],
): ImportMapping {
  const cols = header.map((h) => h.trim()).filter(Boolean);
  const find = (names: string[]) => cols.find((c) => names.includes(fold(c)));
  // Descriptions, aliases and tags also by a name that contains the word (`short_description`, `description_zh_CN`).
  const findLoose = (names: string[]) =>
    find(names) ?? cols.find((c) => names.some((n) => n.length > 2 && fold(c).includes(n)));
  const label = find(FIELD_NAMES.label) ?? cols[0];
  const kind: NodeKind = label && /专家|姓名|expert|person/i.test(label) ? 'expert' : 'knowledge';
  const node: NodeMapping = { name: kind, kind };
  if (label) node.label = { column: label };
  for (const field of ['id', 'aliases', 'description', 'tags'] as const) {
    const c = field === 'id' ? find(FIELD_NAMES.id) : findLoose(FIELD_NAMES[field]);
    if (c && c !== label) node[field] = { column: c };
  }
  const props: Record<string, ValueSource> = {};
  const used = new Set(Object.values(node).flatMap((v) => (isSource(v) ? sourceColumns(v) : [])));
  for (const p of nodePropsOf(kind)) {
    const names = [p.name, ...propLabel(p.name)].map(fold);
    const c = cols.find((h) => !used.has(h) && names.includes(fold(h)));
    if (c) props[p.name] = { column: c };
  }
  if (Object.keys(props).length) node.props = props;
  return { version: 1, nodes: [node] };
}

function isSource(v: unknown): v is ValueSource {
  return typeof v === 'object' && v !== null && ('column' in v || 'value' in v);
}

/** The columns a value source reads (none for a fixed value). */
export function sourceColumns(source: ValueSource | undefined): string[] {
  if (!source || source.column === undefined) return [];
  return Array.isArray(source.column) ? source.column : [source.column];
}

/** The node kind a mapping gives, when it is fixed (null: read from a column). */
export function fixedKind(m: NodeMapping): NodeKind | null {
  return typeof m.kind === 'string' && (NODE_KINDS as readonly string[]).includes(m.kind)
    ? (m.kind as NodeKind)
    : null;
}

/** A name for a new node mapping that no other has: the kind, then kind2, kind3 … */
export function freeName(mapping: ImportMapping, kind: string): string {
  const taken = new Set((mapping.nodes ?? []).map((n) => n.name));
  if (!taken.has(kind)) return kind;
  let i = 2;
  while (taken.has(`${kind}${i}`)) i++;
  return `${kind}${i}`;
}

/**
 * Changes a node mapping's kind: props the new kind lacks are dropped (an expert has no `form`), edges that named
 * it keep pointing at it by name (the checks say when their kind no longer fits).
 */
export function withKind(m: NodeMapping, kind: NodeKind): NodeMapping {
  const known = new Set(nodePropsOf(kind).map((p) => p.name));
  const props = Object.fromEntries(
    Object.entries(m.props ?? {}).filter(([k]) => known.has(k.split('.')[0]!)),
  );
  const next: NodeMapping = { ...m, kind };
  if (Object.keys(props).length) next.props = props;
  else delete next.props;
  return next;
}

/** A new connection between the first two node mappings (or a node and a column), of a kind they allow. */
export function newEdge(mapping: ImportMapping, header: readonly string[]): EdgeMapping {
  const nodes = mapping.nodes ?? [];
  const source: EdgeEnd = nodes[0] ? { node: nodes[0].name } : { column: header[0] ?? '' };
  const target: EdgeEnd = nodes[1] ? { node: nodes[1].name } : { column: header[1] ?? header[0] ?? '' };
  const kindOf = (e: EdgeEnd) => {
    const n = e.node !== undefined ? nodes.find((x) => x.name === e.node) : undefined;
    return n ? fixedKind(n) : (e.kind ?? null);
  };
  const s = kindOf(source);
  const t = kindOf(target);
  const kind = s && t ? (allowedEdgeKinds(s, t)[0] ?? 'related') : 'related';
  return { kind, source, target };
}

/** One reason the mapping cannot be planned yet, as a translation key of `transfer:wizard.map.*` and its values. */
export interface MappingIssue {
  key: 'empty' | 'needLabel' | 'nameTaken' | 'edgeKinds' | 'noEnd' | 'invalid';
  params: Record<string, string | number>;
}

/**
 * What keeps the mapping from being planned, found here so that the mapping step says it in the UI's language:
 * nothing mapped, a node without a label or id, two nodes of one name, an edge without ends or of a kind its ends
 * do not allow; then whatever else the contract's schema refuses (its own English reason). Column names are checked
 * by main's plan, against the header (missing, mapped twice), with the header's line.
 */
export function mappingIssues(mapping: ImportMapping): MappingIssue[] {
  const nodes = mapping.nodes ?? [];
  const edges = mapping.edges ?? [];
  const issues: MappingIssue[] = [];
  if (nodes.length + edges.length === 0) return [{ key: 'empty', params: {} }];
  const names = new Set<string>();
  for (const n of nodes) {
    if (names.has(n.name)) issues.push({ key: 'nameTaken', params: { name: n.name } });
    names.add(n.name);
    const empty = (s: ValueSource | undefined) =>
      !s || (sourceColumns(s).length === 0 && (s.value ?? '') === '');
    if (empty(n.label) && empty(n.id)) issues.push({ key: 'needLabel', params: { name: n.name } });
  }
  edges.forEach((e, i) => {
    const kindOf = (end: EdgeEnd) => {
      if (end.node !== undefined) {
        const n = nodes.find((x) => x.name === end.node);
        return n ? fixedKind(n) : undefined;
      }
      return end.column ? (end.kind ?? null) : undefined;
    };
    const s = kindOf(e.source);
    const t = kindOf(e.target);
    if (s === undefined || t === undefined) issues.push({ key: 'noEnd', params: { n: i + 1 } });
    else if (s && t && !allowedEdgeKinds(s, t).includes(e.kind))
      issues.push({ key: 'edgeKinds', params: { kind: e.kind, source: s, target: t } });
  });
  if (issues.length) return issues;
  const r = ImportMapping.safeParse(mapping);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    issues.push({ key: 'invalid', params: { path: issue.path.join('.') || '$', reason: issue.message } });
  }
  return issues;
}

/** The mapping as the wizard saves it (mappingToJson's format: two-space indented, a final newline). */
export function mappingJson(mapping: ImportMapping): string {
  return `${JSON.stringify(mapping, null, 2)}\n`;
}
