import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import type { EdgeDto, EdgeKind, NodeDto, NodeKind } from '../../preload/contract';

const dirs: string[] = [];
afterEach(() => {
  // A closed workspace may still be saving its search snapshot (WorkspaceService.close does not wait): retry.
  for (const d of dirs.splice(0))
    fs.rmSync(d, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 });
});

/** A fresh temporary folder, removed after the current test. */
export function tempDir(prefix = 'wellspring-test-'): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  dirs.push(d);
  return d;
}

/** Path of a file in the repo's fixtures/ folder. */
export function fixture(name: string): string {
  return path.resolve(__dirname, '../../fixtures', name);
}

/** A node for pure-function tests: id as label, no aliases, tags or position. */
export function node(id: string, kind: NodeKind = 'knowledge', props: Record<string, unknown> = {}): NodeDto {
  return {
    id,
    kind,
    label: id,
    aliases: [],
    description: '',
    tags: [],
    props,
    x: null,
    y: null,
    createdAt: '2026-12-01T00:00:00.000Z',
    updatedAt: '2026-12-01T00:00:00.000Z',
  };
}

let edgeSeq = 0;

/** An edge source → target; ids are unique across a test run. */
export function edge(
  source: string,
  target: string,
  kind: EdgeKind = 'related',
  props: Record<string, unknown> = {},
): EdgeDto {
  return { id: `e${++edgeSeq}`, kind, source, target, props, createdAt: '2026-12-01T00:00:00.000Z' };
}
