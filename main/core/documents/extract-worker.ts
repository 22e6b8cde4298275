/**
 * Worker-thread entry of the extraction pool (piscina): extracts one file and hashes it. Runs the same code as
 * the main thread would, so it is plain Node and imports nothing from electron.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { extractFile } from './extract/extract-file';
import type { ExtractResult } from './extract/types';

/** A task for the pool. */
export interface ExtractTask {
  path: string;
  password?: string;
  maxBytes?: number;
}

/** What the pool returns: the extraction result, the file's SHA-256 (hex) when it could be read. */
export type ExtractTaskResult = ExtractResult & { sha256?: string };

async function sha256(file: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    const h = createHash('sha256');
    createReadStream(file)
      .on('data', (d) => h.update(d))
      .on('end', () => resolve(h.digest('hex')))
      .on('error', () => resolve(undefined));
  });
}

/** Extracts one file; never throws (a failure is a result with status `failed` and the reason). */
export default async function run(task: ExtractTask): Promise<ExtractTaskResult> {
  let result: ExtractResult;
  try {
    result = await extractFile(task.path, { password: task.password, maxBytes: task.maxBytes });
  } catch (e) {
    result = {
      status: 'failed',
      pages: [],
      pageCount: 0,
      mime: 'application/octet-stream',
      error: `${task.path}: ${(e as Error).message}`,
    };
  }
  const hash =
    result.status === 'unsupported' && /limit/.test(result.error ?? '') ? undefined : await sha256(task.path);
  return { ...result, sha256: hash };
}
