import fs from 'node:fs';
import path from 'node:path';
import { openWorkspaceDb } from '../core/db/workspace-db';
import { checkWritable, writeFileAtomic } from '../core/export/write-atomic';
import { WellspringError } from '../core/util/errors';
import { exportMessage } from '../core/transfer/messages';
import {
  FORMAT_EXTENSIONS,
  TRANSFER_FORMATS,
  exportWorkspace,
  readExportSource,
  type TransferFormat,
} from '../core/transfer/workspace-export';
import type { Out } from './library-commands';

/**
 * `export --workspace FILE --format json|graphml|gexf|csv|cypher|cyjs --out PATH`: writes the whole workspace in
 * one exchange format (main/core/transfer/): PATH is a file for every format but csv, for which it is a folder
 * (created when missing) that receives one file per node kind and edge kind. Each file is written atomically
 * (write-atomic.ts). Prints every path written, then one line with the format, the node and edge counts and the
 * size.
 * Everything that can be checked before writing is checked first — the format, the extension of --out (json:
 * .json; graphml: .graphml or .xml; gexf: .gexf; cypher: .cypher or .cql; cyjs: .cyjs or .json), that its folder
 * exists and may be written — so a wrong path leaves nothing behind.
 * @returns 0
 * @throws WellspringError: `invalid_input` for an unknown format, a wrong extension (key
 *   transfer:export.errors.outExtension) or a csv --out that is a file (csvOutIsFile); `io_error` when --out cannot
 *   be written (errors.exportUnwritable); those of opening the workspace. The caller prints it, exit 1.
 */
export async function exportWorkspaceCommand(
  workspaceFile: string,
  format: string,
  outPath: string,
  out: Out,
): Promise<number> {
  if (!(TRANSFER_FORMATS as readonly string[]).includes(format))
    throw new WellspringError(
      'invalid_input',
      `Unknown export format “${format}” (one of ${TRANSFER_FORMATS.join(', ')}).`,
      ['format'],
      { key: 'errors.invalidInput', params: { field: 'format' } },
    );
  const fmt = format as TransferFormat;
  const target = path.resolve(outPath);
  if (fmt === 'csv') checkFolder(target);
  else checkFile(target, fmt);

  const { db } = openWorkspaceDb(workspaceFile);
  let source;
  try {
    source = readExportSource(db, path.basename(workspaceFile, path.extname(workspaceFile)));
  } finally {
    db.close();
  }
  const files = exportWorkspace(fmt, source);
  if (fmt === 'csv') fs.mkdirSync(target, { recursive: true });
  let bytes = 0;
  for (const f of files) {
    const file = f.name ? path.join(target, f.name) : target;
    writeFileAtomic(file, f.text, 'export');
    bytes += Buffer.byteLength(f.text);
    out(file);
  }
  const { nodes, edges } = source.graph;
  out(
    `${fmt}: ${nodes.length} nodes · ${edges.length} edges · ${files.length} file${files.length === 1 ? '' : 's'} · ${Math.max(1, Math.round(bytes / 1024))} KB`,
  );
  return 0;
}

/** The --out of a single-file format: the right extension, in a folder that exists and may be written. */
function checkFile(target: string, format: Exclude<TransferFormat, 'csv'>): void {
  const ext = path.extname(target).toLowerCase();
  const allowed = FORMAT_EXTENSIONS[format];
  if (!allowed.includes(ext))
    throw new WellspringError(
      'invalid_input',
      `--out ${target} must end in ${allowed.join(' or ')} for the ${format} export.`,
      ['out'],
      exportMessage('transfer:export.errors.outExtension', { path: target, ext: allowed.join(', '), format }),
    );
  checkWritable(target, 'export');
  requireWritableFolder(path.dirname(target), target);
}

/** The --out of csv: a folder, or a path whose parent folder exists (it is created then). */
function checkFolder(target: string): void {
  if (fs.existsSync(target)) {
    if (!fs.statSync(target).isDirectory())
      throw new WellspringError(
        'invalid_input',
        `The CSV export is a folder of files, but ${target} is a file: give a folder.`,
        ['out'],
        exportMessage('transfer:export.errors.csvOutIsFile', { path: target }),
      );
    requireWritableFolder(target, target);
    return;
  }
  // The folder is made only when the export is ready; its parent must exist, as for a file.
  checkWritable(target, 'export');
  requireWritableFolder(path.dirname(target), target);
}

function requireWritableFolder(folder: string, target: string): void {
  try {
    fs.accessSync(folder, fs.constants.W_OK);
  } catch {
    throw new WellspringError(
      'io_error',
      `The export cannot be written to ${target} (permission denied).`,
      ['out'],
      { key: 'errors.exportUnwritable', params: { path: target, reason: 'permission denied' } },
    );
  }
}
