/**
 * The pool-wide OCR limit: at most one tesseract engine alive across all extraction threads at once. One engine with
 * the three languages costs ~300 MB outside the V8 heap (ocr.ts), so two would break the indexing budget (peak RSS
 * < 500 MB, tests/bench/library-bench.ts) on their own.
 *
 * Policy (chosen over skipping OCR, which would leave a scan "no text layer" until the next scan of the folder): a
 * thread that meets a page or image to OCR while another thread holds the engine WAITS for it, without blocking its
 * event loop (`Atomics.waitAsync`), so Cancel still ends it. The holder hands the engine over at the end of the file
 * it is reading when someone waits (extract-worker.ts), else after OCR_IDLE_MS without an image. A thread that dies
 * holding it (a cancelled task's thread is terminated) is released by the pool (`releaseOcrSlotOf`, on piscina's
 * `workerDestroy`).
 *
 * Shape: a SharedArrayBuffer of two Int32 cells, created by the pool and given to every thread in `workerData`:
 * cell 0 the holder's owner id (a worker thread's `threadId`; 0 = free), cell 1 how many threads wait.
 */

/** Bytes of an OCR slot's SharedArrayBuffer (two Int32 cells). */
export const OCR_SLOT_BYTES = 8;

const HOLDER = 0;
const WAITERS = 1;
/** A waiter re-checks the slot at least this often (ms), in case a notify was missed. */
const RECHECK_MS = 1_000;

/** `Atomics.waitAsync` (ES2024, in Node ≥ 16), typed here: the project's `lib` predates it. */
const waitAsync = (
  Atomics as unknown as {
    waitAsync(
      a: Int32Array,
      index: number,
      value: number,
      timeoutMs: number,
    ): { async: false; value: string } | { async: true; value: Promise<string> };
  }
).waitAsync;

/** A new, free OCR slot (to pass to threads in `workerData.ocrSlot`). */
export function createOcrSlot(): SharedArrayBuffer {
  return new SharedArrayBuffer(OCR_SLOT_BYTES);
}

/** One thread's handle on the shared slot. `owner` is a non-zero id unique per thread (its `threadId`). */
export class OcrSlot {
  private readonly cells: Int32Array;
  private held = false;

  /**
   * @param buffer the pool's slot (`createOcrSlot()`)
   * @param owner this holder's id, > 0 (a worker thread's `threadId`; the tests give two handles different ids)
   * @throws RangeError when `owner` is not a positive integer or the buffer is too small
   */
  constructor(
    buffer: SharedArrayBuffer,
    readonly owner: number,
  ) {
    if (!Number.isInteger(owner) || owner <= 0) throw new RangeError(`OCR slot owner must be > 0: ${owner}`);
    if (buffer.byteLength < OCR_SLOT_BYTES) throw new RangeError('OCR slot buffer too small');
    this.cells = new Int32Array(buffer, 0, 2);
  }

  /** True while this handle holds the slot. */
  get holding(): boolean {
    return this.held;
  }

  /** True when another thread is waiting for the slot. */
  get contended(): boolean {
    return Atomics.load(this.cells, WAITERS) > 0;
  }

  /** Resolves once this handle holds the slot (at once when it already does or the slot is free). */
  async acquire(): Promise<void> {
    if (this.held) return;
    for (;;) {
      const holder = Atomics.compareExchange(this.cells, HOLDER, 0, this.owner);
      if (holder === 0 || holder === this.owner) {
        this.held = true;
        return;
      }
      Atomics.add(this.cells, WAITERS, 1);
      try {
        const wait = waitAsync(this.cells, HOLDER, holder, RECHECK_MS);
        if (wait.async) await wait.value;
      } finally {
        Atomics.sub(this.cells, WAITERS, 1);
      }
    }
  }

  /** Frees the slot if this handle holds it, and wakes the waiters. */
  release(): void {
    if (!this.held) return;
    this.held = false;
    releaseOcrSlotOf(this.cells.buffer as SharedArrayBuffer, this.owner);
  }
}

/**
 * Frees the slot when `owner` holds it (the pool calls this when a thread ends, so a thread terminated while it
 * held the engine does not keep the others waiting), and wakes the waiters. Does nothing otherwise.
 */
export function releaseOcrSlotOf(buffer: SharedArrayBuffer, owner: number): void {
  const cells = new Int32Array(buffer, 0, 2);
  if (Atomics.compareExchange(cells, HOLDER, owner, 0) === owner) Atomics.notify(cells, HOLDER);
}
