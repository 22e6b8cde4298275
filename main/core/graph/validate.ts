import type { z } from 'zod';
import {
  EDGE_PROPS,
  EDGE_RULES,
  NODE_PROPS,
  allowedEdgeKinds,
  type NodeKind,
} from '../../../preload/contract';
import { WellspringError } from '../util/errors';

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
    known ? { key: 'errors.invalidProp', params: { field } } : undefined,
  );
}
