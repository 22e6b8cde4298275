import type { z } from 'zod';
import {
  EDGE_PROPS,
  EDGE_RULES,
  NODE_PROPS,
  allowedEdgeKinds,
  type NodeKind,
} from '../../../preload/contract';
import { WellspringError, type Message } from '../util/errors';

/** @throws edge_kind_mismatch naming the kinds allowed (EDGE_RULES, DESIGN §3). */
export function checkEdgeKind(kind: keyof typeof EDGE_RULES, source: NodeKind, target: NodeKind): void {
  if (allowedEdgeKinds(source, target).includes(kind)) return;
  const allowed = EDGE_RULES[kind].map(([s, t]) => `${s} → ${t}`).join(', ');
  throw new WellspringError(
    'edge_kind_mismatch',
    `A ${kind} edge cannot go from a ${source} to a ${target}; it connects ${allowed}.`,
    ['kind'],
    { key: 'errors.edgeKindMismatch', params: { kind, source, target } },
  );
}

/** Validates props for a node kind against NODE_PROPS[kind]. @throws invalid_input with path ['props', …] */
export function validateNodeProps(kind: NodeKind, props: unknown): Record<string, unknown> {
  return parseProps(NODE_PROPS[kind], props, `${kind} props`);
}

/** Validates props for an edge kind against EDGE_PROPS[kind]. @throws invalid_input with path ['props', …] */
export function validateEdgeProps(kind: keyof typeof EDGE_PROPS, props: unknown): Record<string, unknown> {
  return parseProps(EDGE_PROPS[kind], props, `${kind} edge props`);
}

function parseProps(schema: z.ZodType, props: unknown, what: string): Record<string, unknown> {
  const r = schema.safeParse(props);
  if (r.success) return r.data as Record<string, unknown>;
  const issue = r.error.issues[0]!;
  const path = ['props', ...issue.path.map((p) => (typeof p === 'number' ? p : String(p)))];
  const field = path[1];
  // Only a field of the schema has a translated name (map:props); an unknown key's issue has no field path.
  const known =
    typeof field === 'string' && 'shape' in schema && Object.hasOwn(schema.shape as object, field);
  throw new WellspringError(
    'invalid_input',
    `Invalid ${what} at ${path.join('.')}: ${issue.message}`,
    path,
    known ? propMessage(issue, field) : undefined,
  );
}

/** The translated message for a prop's zod issue: its bound, kind of value or date, where zod says which. */
function propMessage(issue: z.core.$ZodIssue, field: string): Message {
  const i = issue as {
    code: string;
    maximum?: unknown;
    minimum?: unknown;
    expected?: unknown;
    message: string;
  };
  if (i.code === 'too_big' && typeof i.maximum === 'number')
    return { key: 'errors.invalidPropMax', params: { field, max: i.maximum } };
  if (i.code === 'too_small' && typeof i.minimum === 'number')
    return { key: 'errors.invalidPropMin', params: { field, min: i.minimum } };
  if (i.code === 'invalid_type' && (i.expected === 'int' || i.expected === 'number'))
    return { key: 'errors.invalidPropNumber', params: { field } };
  if (/date/.test(i.message)) return { key: 'errors.invalidPropDate', params: { field } };
  if (i.code === 'invalid_value') return { key: 'errors.invalidPropChoice', params: { field } };
  return { key: 'errors.invalidProp', params: { field } };
}
