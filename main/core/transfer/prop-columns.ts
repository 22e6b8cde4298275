import type { z } from 'zod';
import { EDGE_PROPS, NODE_PROPS, type EdgeKind, type NodeKind } from '../../../preload/contract';

/** A typed attribute of the graph formats: GraphML `attr.type` (GraphML primer §4.4) and the GEXF/Cypher types. */
export type AttrType = 'boolean' | 'int' | 'long' | 'double' | 'string';

/**
 * One prop as a typed attribute (column) of the exchange formats.
 * `json`: the prop holds arrays or objects, written as their JSON text in a string attribute (see flattenProp).
 */
export interface PropColumn {
  /** The attribute's name: the prop's own, or `prop.<name>` where it would clash with a fixed attribute. */
  name: string;
  /** The prop's key in `props`. */
  prop: string;
  type: AttrType;
  json: boolean;
}

const INT_MAX = 2 ** 31 - 1;

/**
 * The attribute type of a prop from its zod schema in NODE_PROPS / EDGE_PROPS, not from the values a workspace
 * happens to hold (a weight that is 1 everywhere is still a double): an integer whose maximum fits 32 bits is
 * `int`, any other integer `long`, another number `double`; strings, enums and dates `string`; arrays and objects
 * `string` holding JSON.
 */
function typeOf(schema: z.ZodType): { type: AttrType; json: boolean } {
  let s = schema as unknown as {
    def: { type: string; innerType?: unknown };
    format?: string;
    maxValue?: number;
  };
  while (s.def.type === 'optional' || s.def.type === 'nullable' || s.def.type === 'default')
    s = s.def.innerType as typeof s;
  switch (s.def.type) {
    case 'number':
      if (s.format === 'safeint' || s.format === 'int32')
        return { type: (s.maxValue ?? Infinity) <= INT_MAX ? 'int' : 'long', json: false };
      return { type: 'double', json: false };
    case 'boolean':
      return { type: 'boolean', json: false };
    case 'array':
    case 'object':
    case 'record':
    case 'tuple':
      return { type: 'string', json: true };
    default:
      return { type: 'string', json: false };
  }
}

/** The wider of two types a prop of one name has in two kinds: int ⊂ long ⊂ double; anything else is a string. */
function widen(a: AttrType, b: AttrType): AttrType {
  if (a === b) return a;
  const numeric = ['int', 'long', 'double'];
  if (numeric.includes(a) && numeric.includes(b)) return numeric.indexOf(a) > numeric.indexOf(b) ? a : b;
  return 'string';
}

function columnsOf(schemas: ReadonlyArray<z.ZodType>, reserved: ReadonlySet<string>): PropColumn[] {
  const byProp = new Map<string, PropColumn>();
  for (const schema of schemas) {
    const shape = (schema as unknown as { shape: Record<string, z.ZodType> }).shape;
    for (const [prop, field] of Object.entries(shape)) {
      const t = typeOf(field);
      const had = byProp.get(prop);
      byProp.set(
        prop,
        had
          ? {
              ...had,
              type: had.json || t.json ? 'string' : widen(had.type, t.type),
              json: had.json || t.json,
            }
          : { name: reserved.has(prop) ? `prop.${prop}` : prop, prop, ...t },
      );
    }
  }
  return [...byProp.values()];
}

/** Attribute names every node has in the exchange formats; a prop of the same name is renamed `prop.<name>`. */
export const NODE_FIXED = new Set([
  'id',
  'kind',
  'label',
  'aliases',
  'description',
  'tags',
  'createdAt',
  'updatedAt',
  'x',
  'y',
  'parent',
]);
/** Attribute names every edge has (and Cytoscape's own `source`, `target`). */
export const EDGE_FIXED = new Set(['id', 'kind', 'source', 'target', 'createdAt', 'label']);

/** Typed columns of the props of the given node kinds (each prop once, in schema order, first kind first). */
export function nodePropColumns(kinds: Iterable<NodeKind>): PropColumn[] {
  return columnsOf(
    [...new Set(kinds)].map((k) => NODE_PROPS[k]),
    NODE_FIXED,
  );
}

/** Typed columns of the props of the given edge kinds. */
export function edgePropColumns(kinds: Iterable<EdgeKind>): PropColumn[] {
  return columnsOf(
    [...new Set(kinds)].map((k) => EDGE_PROPS[k]),
    EDGE_FIXED,
  );
}

/**
 * The value of a prop as the flat attribute the exchange formats hold (GraphML, GEXF, Cytoscape JSON, Cypher):
 * numbers, booleans and strings as they are; arrays and objects as their JSON text (`["板型","版"]`,
 * `{"en":"Pattern / fit"}`) in a string attribute, so a reader that knows only flat values keeps them whole and
 * one that knows the convention gets them back with JSON.parse. Absent (undefined) stays absent.
 */
export function flattenProp(value: unknown, column: PropColumn): string | number | boolean | undefined {
  if (value === undefined || value === null) return undefined;
  if (column.json || typeof value === 'object') return JSON.stringify(value);
  if (column.type === 'string' && typeof value !== 'string') return JSON.stringify(value);
  return value as string | number | boolean;
}
