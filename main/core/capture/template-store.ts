import { isDeepStrictEqual } from 'node:util';
import Database from 'better-sqlite3';
import type { CaptureFormKind, CaptureTemplateState } from '../../../preload/contract';
import { defaultTemplate } from './default-templates';
import { validateCaptureTemplate } from './template-rules';

/** Reads and writes the workspace's `meta` table (key → text): where settings that are not graph content live. */
export interface MetaAccess {
  get(key: string): string | null;
  set(key: string, value: string): void;
  delete(key: string): void;
}

/** MetaAccess over an open workspace database (the `meta` table of migration 0001). */
export function metaOfDb(db: Database.Database): MetaAccess {
  const get = db.prepare('SELECT value FROM meta WHERE key = ?');
  const set = db.prepare(
    'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  );
  const del = db.prepare('DELETE FROM meta WHERE key = ?');
  return {
    get: (key) => (get.get(key) as { value: string } | undefined)?.value ?? null,
    set: (key, value) => void set.run(key, value),
    delete: (key) => void del.run(key),
  };
}

/**
 * MetaAccess over a workspace file through a short-lived connection of its own per read or write (opened, used,
 * closed at once, so nothing stays open on the file once the workspace is closed, restored or switched).
 *
 * Why a second connection: the API handlers get the open workspace's GraphStore, not its database, and
 * WorkspaceService (not this module's to change) does not expose one. SQLite in WAL mode serves both connections
 * from one process; better-sqlite3 is synchronous, so a write here never interleaves with a transaction of the
 * main connection. Once WorkspaceService builds the CaptureService with its own `db`, `metaOfDb` replaces this.
 */
export function metaOfFile(file: string): MetaAccess {
  const run = <T>(fn: (meta: MetaAccess) => T): T => {
    const db = new Database(file, { fileMustExist: true });
    try {
      db.pragma('busy_timeout = 5000');
      return fn(metaOfDb(db));
    } finally {
      db.close();
    }
  };
  return {
    get: (key) => run((m) => m.get(key)),
    set: (key, value) => run((m) => m.set(key, value)),
    delete: (key) => run((m) => m.delete(key)),
  };
}

/** The `meta` key under which a workspace keeps the knowledge manager's template of a form (JSON). */
export function templateKey(form: CaptureFormKind): string {
  return `capture_template_${form}`;
}

/**
 * The capture forms' templates of one workspace, as strength settings are kept (analytics/strength-settings.ts):
 * JSON in `meta`, validated on write, not part of the undo history (templates are settings, not graph content).
 * Only a template that differs from the default is stored, so a workspace follows improvements of the default
 * until its knowledge manager changes something.
 */
export class CaptureTemplateStore {
  constructor(private readonly meta: MetaAccess) {}

  /**
   * The form's template: the stored one when it is present and still valid, else the default (a value that a newer
   * or hand-edited file stored and that no longer validates must not keep the form from opening).
   */
  get(form: CaptureFormKind): CaptureTemplateState {
    const raw = this.meta.get(templateKey(form));
    if (raw !== null) {
      try {
        const template = validateCaptureTemplate(JSON.parse(raw));
        if (template.form === form) return { template, customised: true };
      } catch {
        // Falls back to the default below.
      }
    }
    return { template: defaultTemplate(form), customised: false };
  }

  /**
   * Validates and stores an edited template (a template equal to the default removes the stored one).
   * @returns the template now in use
   * @throws see validateCaptureTemplate; nothing is stored then
   */
  set(input: unknown): CaptureTemplateState {
    const template = validateCaptureTemplate(input);
    if (isDeepStrictEqual(template, defaultTemplate(template.form))) return this.reset(template.form);
    this.meta.set(templateKey(template.form), JSON.stringify(template));
    return { template, customised: true };
  }

  /** Goes back to the default template of `form`. */
  reset(form: CaptureFormKind): CaptureTemplateState {
    this.meta.delete(templateKey(form));
    return { template: defaultTemplate(form), customised: false };
  }
}
