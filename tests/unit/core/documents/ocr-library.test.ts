import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { EventName, LibraryProgress } from '../../../../preload/contract';
import { openWorkspaceDb } from '../../../../main/core/db/workspace-db';
import { LibraryService } from '../../../../main/core/documents/library-service';
import { LibraryStore } from '../../../../main/core/documents/library-store';
import { imageOnlyPdf, renderPdfPages } from '../../../bench/ocr-testset';
import { fixture, tempDir } from '../../helpers';
import { RecordingIndex } from './recording-index';

// OCR in the library: the extraction pool's threads (TypeScript worker through tsx), a real workspace database.

const services: LibraryService[] = [];
afterEach(async () => {
  for (const s of services.splice(0)) await s.close();
});

function setup(threads = 1) {
  const { db } = openWorkspaceDb(path.join(tempDir(), 'ocr.wellspring'), { create: true });
  const store = new LibraryStore(db);
  const index = new RecordingIndex();
  const events: Array<{ event: EventName; payload: unknown }> = [];
  const service = new LibraryService(store, index, (event, payload) => events.push({ event, payload }), {
    threads,
    watch: false,
    progressIntervalMs: 0,
  });
  services.push(service);
  return { db, store, index, service, events };
}

describe('OCR in the library', () => {
  it('is on by default and can be turned off and on again per folder', async () => {
    const { db, store, index, service } = setup();
    const dir = tempDir();
    fs.copyFileSync(fixture('ocr/raw_text-p1.tiff'), path.join(dir, 'scan.tiff'));
    fs.writeFileSync(path.join(dir, 'notes.md'), '# Notes\n\nwritten, not scanned');
    const folder = await service.addFolder(dir);
    expect(folder.ocr).toBe(true);
    await service.whenIdle();
    const doc = () => store.documents({}).docs.find((d) => d.name === 'scan.tiff')!;
    expect(doc()).toMatchObject({ status: 'indexed', mime: 'image/tiff' });
    expect(store.document(doc().id).ocrPages).toEqual([1]);
    expect(store.page(doc().id, 1)).toMatchObject({ ocr: 1 });
    expect(store.page(doc().id, 1).text).toContain('I love word documents');
    const notes = store.documents({}).docs.find((d) => d.name === 'notes.md')!;
    expect(store.document(notes.id).ocrPages).toBeUndefined();
    expect([...index.chunks.values()].some((c) => c.text.includes('I love word documents'))).toBe(true);

    // Off: the image loses its text (and the index its chunk), with the reason; the Markdown file is not touched.
    const notesIndexedAt = notes.indexedAt;
    expect(service.setFolderOcr(folder.id, false).ocr).toBe(false);
    await service.whenIdle();
    expect(doc()).toMatchObject({
      status: 'no-text',
      error: 'scan.tiff: image (OCR is off for this folder)',
      errorKey: 'library:reasons.imageOcrOff',
    });
    expect(db.prepare('SELECT COUNT(*) FROM document_pages WHERE doc_id = ?').pluck().get(doc().id)).toBe(0);
    expect([...index.chunks.values()].some((c) => c.text.includes('I love word documents'))).toBe(false);
    expect(store.documents({}).docs.find((d) => d.name === 'notes.md')!.indexedAt).toBe(notesIndexedAt);
    // Kept with the folder.
    expect(store.folders()[0]!.ocr).toBe(false);
    // The same setting again changes nothing.
    expect(store.setFolderOcr(folder.id, false)).toEqual([]);

    // On again: read again.
    service.setFolderOcr(folder.id, true);
    await service.whenIdle();
    expect(doc()).toMatchObject({ status: 'indexed', error: null });
    expect(store.document(doc().id).ocrPages).toEqual([1]);
  });

  it('reports page progress on a 500-page scan and cancels it in the middle of a page', async () => {
    const { store, service, events } = setup();
    const dir = tempDir();
    const [page] = await renderPdfPages(fixture('documents/textract/raw_text.pdf'), [1], 100);
    // One page image 500 times (embedded once): a 500-page scanned PDF of ~0.2 MB.
    fs.writeFileSync(path.join(dir, 'scan-500.pdf'), imageOnlyPdf(Array.from({ length: 500 }, () => page!)));
    await service.addFolder(dir);
    const deadline = Date.now() + 90_000;
    while ((service.progress().pageProgress?.page ?? 0) < 2 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(service.progress().pageProgress).toMatchObject({
      path: path.join(dir, 'scan-500.pdf'),
      pages: 500,
    });
    const started = Date.now();
    const stopped = await service.cancel();
    // The thread (and its tesseract worker) is ended, not waited for: well under one page's OCR.
    expect(Date.now() - started).toBeLessThan(3000);
    expect(stopped).toMatchObject({ cancelled: true, running: false, done: 0 });
    expect(stopped.pageProgress).toBeUndefined();
    expect(store.pending().map((d) => d.name)).toEqual(['scan-500.pdf']);
    const pages = events
      .filter((e) => e.event === 'library:did-progress')
      .map((e) => (e.payload as LibraryProgress).pageProgress?.page)
      .filter((p): p is number => p !== undefined);
    expect(pages.length).toBeGreaterThanOrEqual(2);
    expect(pages).toEqual([...pages].sort((a, b) => a - b));
  });
});
