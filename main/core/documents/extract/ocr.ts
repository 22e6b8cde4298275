import { createWorker, OEM, type Worker, type WorkerOptions } from 'tesseract.js';
import { normalizeText } from './normalize';
import { OCR_LANGUAGES } from './ocr-langdata';
import type { OcrSlotHandle as OcrSlot } from './ocr-slot';

/**
 * Optical character recognition of page images, offline, with tesseract.js 7 (tesseract 5's LSTM engine compiled to
 * WebAssembly; it runs in a worker thread of its own) and the trained data of `ocr-langdata.ts`.
 */

/** What OCR read on one image. */
export interface OcrText {
  /** Normalised text (normalizeText, then spaces between CJK characters removed); '' when nothing was read. */
  text: string;
  /** Tesseract's mean word confidence, 0–100. */
  confidence: number;
  /** False when the page counts as unreadable (see `isReadable`): its text is then not stored. */
  readable: boolean;
}

/**
 * A page is unreadable for OCR when tesseract's mean word confidence is below MIN_CONFIDENCE or it read fewer than
 * MIN_CHARS letters and digits. Measured here: clean 150 dpi pages of the Chinese and English fixtures score 91–94;
 * a blank page gives no text at confidence 0; random noise gives a few "words" at 20–40. Such a page keeps the status
 * "no text layer" (with "OCR could not read it" in the reason).
 */
export const MIN_CONFIDENCE = 50;
/** See MIN_CONFIDENCE. */
export const MIN_CHARS = 3;

/** How long an OcrEngine keeps its tesseract worker without an image to read: 30 s (its start costs 1–3 s). */
export const OCR_IDLE_MS = 30_000;

// Characters that take no space between them in Chinese text: Han, kana, the CJK punctuation block (、。「」…) and the
// full-width forms. ASCII punctuation counts next to them: NFKC and tesseract both write "，" as ",".
const CJK = String.raw`\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\u30fc\uff00-\uffef`;
const PUNCT = String.raw`,.;:!?()\[\]"'“”‘’`;
const CJK_SPACE = new RegExp(
  String.raw`(?<=[${CJK}])[ \t]+(?=[${CJK}${PUNCT}])|(?<=[${CJK}${PUNCT}])[ \t]+(?=[${CJK}])`,
  'gu',
);

/**
 * Removes the spaces tesseract puts between Chinese characters ("新 维 护 者" → "新维护者") and between a CJK
 * character and punctuation ("学校 , 在" → "学校,在"). Spaces between a CJK character and a Latin letter or digit stay
 * ("Debian 开发者"): Chinese typesetting puts one there too, and the text layers of real PDFs have it.
 */
export function removeCjkSpaces(text: string): string {
  return text.replace(CJK_SPACE, '');
}

/** True when OCR output counts as text (see MIN_CONFIDENCE). */
export function isReadable(text: string, confidence: number): boolean {
  const chars = text.match(/[\p{L}\p{N}]/gu)?.length ?? 0;
  return confidence >= MIN_CONFIDENCE && chars >= MIN_CHARS;
}

/**
 * The options every tesseract worker is created with: `langPath` a local folder (read with fs: nothing is ever
 * downloaded), `cacheMethod: 'none'` (else tesseract.js writes `<lang>.traineddata` into the working directory),
 * `gzip: true` (the npm packages hold `.traineddata.gz`). Exported for the test that checks them.
 */
export function workerOptions(langPath: string): Partial<WorkerOptions> {
  return {
    langPath,
    cacheMethod: 'none',
    gzip: true,
    // Errors of a job reject its promise; without a handler tesseract.js would also throw them in the thread.
    errorHandler: () => undefined,
  };
}

/**
 * Init-only tesseract parameters (the `config` argument of `createWorker`, written to a config file read by
 * `api.Init`): the legacy engine's frequent-word, unambiguous-word and bigram dictionaries are not loaded. The LSTM
 * engine does not use them (it loads the lstm-word, lstm-punc and lstm-number dictionaries, which stay). Measured
 * (page 8 of the maint-guide and page 1 of textract's raw_text.pdf at 150 dpi, the engine alone): same accuracy
 * (96.9 %, 99.9 %), peak RSS 411 instead of 423 MB. Turning the system/punc/number dictionaries off too saved
 * nothing more (416 MB) and is not done.
 */
export const OCR_INIT_CONFIG: Readonly<Record<string, string>> = {
  load_freq_dawg: '0',
  load_unambig_dawg: '0',
  load_bigram_dawg: '0',
};

/**
 * One tesseract worker, created on first use and reused for every image after it: creating it loads ~58 MB of
 * trained data (about 1.3 s on this machine), recognising a page takes seconds. `terminate()` ends it.
 *
 * Memory: once the worker has started, the decompressed `.traineddata` files (chi_sim 4.0.0 alone is ~45 MB) are
 * deleted from its in-memory file system; tesseract holds what it loaded from them, and nothing reads them again.
 * With a `slot` (ocr-slot.ts), the worker is only started while this engine holds the pool-wide OCR slot, and the
 * slot is released when the worker ends.
 */
export class OcrEngine {
  private worker: Promise<Worker> | undefined;
  private idleTimer: NodeJS.Timeout | undefined;
  private busy = 0;

  /**
   * @param langPath the folder holding every language's `.traineddata.gz` (`ocrLangPath()`)
   * @param idleMs the tesseract worker ends after this many ms without an image (default OCR_IDLE_MS), so that a
   *   thread that read one scan and goes on with text files does not keep its ~250 MB
   */
  /**
   * @param slot the pool-wide OCR slot of this thread (none: no limit, as in the main thread and the tests)
   */
  constructor(
    readonly langPath: string,
    private readonly idleMs = OCR_IDLE_MS,
    readonly slot?: OcrSlot,
  ) {}

  /** True while a tesseract worker is started or running. */
  get running(): boolean {
    return this.worker !== undefined;
  }

  /**
   * Recognises one image: PNG, JPEG or TIFF bytes (the first page of a multi-page TIFF), decoded by leptonica inside
   * the tesseract worker. Check the size first (`image.ts`): the pixels are decoded without a limit.
   *
   * @throws Error when the image cannot be decoded ("Error attempting to read image") or the worker fails
   */
  async recognize(image: Buffer): Promise<OcrText> {
    clearTimeout(this.idleTimer);
    this.busy++;
    try {
      const worker = await this.start();
      const { data } = await worker.recognize(image);
      const text = removeCjkSpaces(normalizeText(data.text));
      return { text, confidence: data.confidence, readable: isReadable(text, data.confidence) };
    } finally {
      if (--this.busy === 0) {
        this.idleTimer = setTimeout(() => void this.terminate(), this.idleMs);
        this.idleTimer.unref();
      }
    }
  }

  /**
   * Waits until this engine may run (holds the pool-wide OCR slot; at once without a slot). pdf.ts calls it before
   * it renders a page, so a thread waiting for the engine does not hold a rendered page meanwhile.
   */
  async reserve(): Promise<void> {
    await this.slot?.acquire();
  }

  /** Ends the tesseract worker (a later `recognize` starts a new one). */
  async terminate(): Promise<void> {
    clearTimeout(this.idleTimer);
    const worker = this.worker;
    this.worker = undefined;
    try {
      if (worker) await (await worker.catch(() => null))?.terminate();
    } finally {
      if (!this.worker) this.slot?.release();
    }
  }

  private start(): Promise<Worker> {
    if (!this.worker) {
      // With an errorHandler, tesseract.js 7 never settles createWorker when loading a language fails (it only
      // calls the handler): the handler rejects the start instead. Later calls find it settled and do nothing.
      let fail: (e: Error) => void = () => undefined;
      const failed = new Promise<never>((_, reject) => (fail = reject));
      failed.catch(() => undefined);
      const options = {
        ...workerOptions(this.langPath),
        errorHandler: (e: unknown) => fail(new Error(String(e))),
      };
      const starting = (async () => {
        await this.slot?.acquire();
        const worker = await Promise.race([
          createWorker(OCR_LANGUAGES.join('+'), OEM.LSTM_ONLY, options, { ...OCR_INIT_CONFIG }),
          failed,
        ]);
        // tesseract.js writes each language to `/<lang>.traineddata` before Init; Init has read them.
        for (const lang of OCR_LANGUAGES)
          await worker.FS('unlink', [`/${lang}.traineddata`]).catch(() => undefined);
        return worker;
      })();
      // A failed start is not kept: the next image tries again.
      starting.catch(() => {
        if (this.worker === starting) {
          this.worker = undefined;
          this.slot?.release();
        }
      });
      this.worker = starting;
    }
    return this.worker;
  }
}

let threadEngine: OcrEngine | undefined;

/**
 * The engine of this thread (one per extraction thread, reused across files). When the pool ends an idle thread,
 * the tesseract worker, a thread of that thread, ends with it.
 */
export function sharedOcrEngine(langPath: string, slot?: OcrSlot): OcrEngine {
  if (!threadEngine || threadEngine.langPath !== langPath || threadEngine.slot !== slot) {
    void threadEngine?.terminate();
    threadEngine = new OcrEngine(langPath, OCR_IDLE_MS, slot);
  }
  return threadEngine;
}

/** This thread's engine, if one was made (`sharedOcrEngine`). */
export function currentOcrEngine(): OcrEngine | undefined {
  return threadEngine;
}

/** Ends this thread's engine, if any. */
export async function terminateSharedOcrEngine(): Promise<void> {
  const engine = threadEngine;
  threadEngine = undefined;
  await engine?.terminate();
}
