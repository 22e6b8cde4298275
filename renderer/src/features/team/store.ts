/** UI state of team workspaces (zustand, serialisable values only): the connect dialog, the connection, a conflict. */
import { create } from 'zustand';
import type { NodePatch } from '../../../../preload/contract';

/** A node's editable fields as the conflict dialog compares them. */
export interface NodeVersion {
  label: string;
  description: string;
  aliases: string[];
  tags: string[];
  props: Record<string, unknown>;
}

/** A change the server refused because someone else changed (or deleted) the node first. */
export interface Conflict {
  nodeId: string;
  reason: 'changed' | 'deleted' | 'exists';
  /** The node's name as the other person left it (or as it was, when deleted). */
  label: string;
  /** What this user tried to save. */
  mine: NodePatch;
  /** The version on the server now (null when deleted). */
  theirs: NodeVersion | null;
}

interface TeamState {
  connectOpen: boolean;
  /** The connection of the open team workspace (`connected` also when the workspace is a file). */
  status: 'connected' | 'reconnecting';
  conflict: Conflict | null;
  set(patch: Partial<Omit<TeamState, 'set'>>): void;
}

export const useTeamStore = create<TeamState>((set) => ({
  connectOpen: false,
  status: 'connected',
  conflict: null,
  set: (patch) => set(patch),
}));

/** The server's row (`theirs` of an edit_conflict: jsonb columns already parsed) as a NodeVersion. */
export function versionOfRow(row: Record<string, unknown> | null): NodeVersion | null {
  if (!row) return null;
  const list = (v: unknown) => (Array.isArray(v) ? v.map(String) : []);
  return {
    label: String(row.label ?? ''),
    description: String(row.description ?? ''),
    aliases: list(row.aliases),
    tags: list(row.tags),
    props: row.props && typeof row.props === 'object' ? (row.props as Record<string, unknown>) : {},
  };
}
