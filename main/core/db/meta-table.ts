import type Database from 'better-sqlite3';

/**
 * Reads and writes a workspace's `meta` table (key → text, migration 0001): where settings that are not graph
 * content live (strength settings, the capture forms' templates, the sample's version).
 */
export interface MetaAccess {
  /** The value of `key`, or null when there is none. */
  get(key: string): string | null;
  /** Sets `key` to `value` (inserted or replaced). */
  set(key: string, value: string): void;
  /** Removes `key` (nothing when it is not there). */
  delete(key: string): void;
}

/** MetaAccess over an open workspace database connection (its prepared statements are made once, here). */
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
