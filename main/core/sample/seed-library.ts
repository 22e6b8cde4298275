import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';

/**
 * The sample's documents in the library (issue 7): a new sample workspace comes with the files of
 * `resources/sample/docs` copied beside it and indexed, so its reading lists open real pages and the evidence
 * finder has something to find out of the box.
 */

/**
 * The sample's documents folder of this build, or null when none is found: `<resources>/sample/docs` of a packaged
 * app (electron-builder `extraResources`), else `resources/sample/docs` of the first folder above this file that has
 * one — the repository, from source (tests, CLI through tsx) and from the built `out/main` alike.
 */
export function sampleDocsDir(): string | null {
  const resourcesPath = (process as { resourcesPath?: string }).resourcesPath;
  const candidates = resourcesPath ? [path.join(resourcesPath, 'sample', 'docs')] : [];
  for (let dir = __dirname, i = 0; i < 8; i++) {
    candidates.push(path.join(dir, 'resources', 'sample', 'docs'));
    const up = path.dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return candidates.find((c) => isDir(c)) ?? null;
}

function isDir(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Copies every file of `docsDir` (not its sub-folders) to `<workspace dir>/<workspace name>-documents/` and points
 * the sample's document nodes at the copies: a node whose `props.path` has a copied file's name gets the copy's
 * absolute path (in one transaction, outside the undo history, like the rest of the seed). Returns the folder to
 * add to the library, or null when there is nothing to copy (no docs folder in this build).
 * @throws the file system's error when the folder cannot be written (the caller drops the new workspace then)
 */
export function seedSampleDocuments(
  db: Database.Database,
  workspaceFile: string,
  docsDir: string | null = sampleDocsDir(),
): string | null {
  if (!docsDir) return null;
  const files = fs
    .readdirSync(docsDir, { withFileTypes: true })
    .filter((e) => e.isFile() && !e.name.startsWith('.'))
    .map((e) => e.name);
  if (files.length === 0) return null;
  const abs = path.resolve(workspaceFile);
  const target = path.join(path.dirname(abs), `${path.basename(abs, path.extname(abs))}-documents`);
  fs.mkdirSync(target, { recursive: true });
  for (const name of files) fs.copyFileSync(path.join(docsDir, name), path.join(target, name));
  const byName = new Map(files.map((f) => [f, path.join(target, f)]));
  const nodes = db
    .prepare("SELECT id, json_extract(props, '$.path') AS path FROM nodes WHERE kind = 'document'")
    .all() as Array<{ id: string; path: unknown }>;
  const update = db.prepare("UPDATE nodes SET props = json_set(props, '$.path', ?) WHERE id = ?");
  db.transaction(() => {
    for (const n of nodes) {
      if (typeof n.path !== 'string') continue;
      const copy = byName.get(path.basename(n.path));
      if (copy) update.run(copy, n.id);
    }
  })();
  return target;
}
