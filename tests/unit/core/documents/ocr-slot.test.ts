import { afterAll, describe, expect, it } from 'vitest';
import { extractFile } from '../../../../main/core/documents/extract';
import { OcrEngine } from '../../../../main/core/documents/extract/ocr';
import { ocrLangPath } from '../../../../main/core/documents/extract/ocr-langdata';
import { createOcrSlot, OcrSlot, releaseOcrSlotOf } from '../../../../main/core/documents/extract/ocr-slot';
import { fixture } from '../../helpers';

// The pool-wide OCR limit (ocr-slot.ts): two handles with different owner ids stand for two extraction threads.
const settled = async (p: Promise<unknown>): Promise<boolean> => {
  let done = false;
  void p.then(() => (done = true));
  await new Promise((r) => setTimeout(r, 50));
  return done;
};

describe('OCR slot', () => {
  it('lets one holder in at a time; a waiter gets it when the holder releases it', async () => {
    const buffer = createOcrSlot();
    const a = new OcrSlot(buffer, 1);
    const b = new OcrSlot(buffer, 2);
    await a.acquire();
    expect(a.holding).toBe(true);
    const waiting = b.acquire();
    expect(await settled(waiting)).toBe(false);
    expect(a.contended).toBe(true);
    a.release();
    await waiting;
    expect(b.holding).toBe(true);
    expect(a.contended).toBe(false);
    b.release();
    await a.acquire();
    a.release();
  });

  it('is freed by the pool when its holder thread died holding it', async () => {
    const buffer = createOcrSlot();
    const dead = new OcrSlot(buffer, 7);
    await dead.acquire();
    const other = new OcrSlot(buffer, 8);
    const waiting = other.acquire();
    releaseOcrSlotOf(buffer, 3); // another thread's end changes nothing
    expect(await settled(waiting)).toBe(false);
    releaseOcrSlotOf(buffer, 7);
    await waiting;
    expect(other.holding).toBe(true);
    other.release();
  });

  it('rejects an owner id that is not a positive integer', () => {
    expect(() => new OcrSlot(createOcrSlot(), 0)).toThrow(RangeError);
  });
});

describe('OcrEngine with a shared slot', () => {
  const buffer = createOcrSlot();
  const first = new OcrEngine(ocrLangPath(), 60_000, new OcrSlot(buffer, 1));
  const second = new OcrEngine(ocrLangPath(), 60_000, new OcrSlot(buffer, 2));
  afterAll(() => Promise.all([first.terminate(), second.terminate()]));

  it('starts a second engine only after the first has ended, and both read the scan', async () => {
    const scan = fixture('ocr/maint-guide-p8.scan.pdf');
    const a = await extractFile(scan, { ocr: first });
    expect(a.status).toBe('indexed');
    expect(first.running).toBe(true);
    const b = extractFile(scan, { ocr: second });
    // The second engine reaches its page (pdfjs renders it) and then waits for the slot, without starting tesseract.
    await expect.poll(() => first.slot?.contended, { timeout: 20_000 }).toBe(true);
    expect(second.slot?.holding).toBe(false);
    expect(await settled(b)).toBe(false);
    await first.terminate();
    const read = await b;
    expect(read.status).toBe('indexed');
    expect(read.pages[0]?.text).toBe(a.pages[0]?.text);
    expect(first.slot?.holding).toBe(false);
    expect(second.slot?.holding).toBe(true);
  }, 120_000);
});
