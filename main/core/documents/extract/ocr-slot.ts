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

/**
 * What an OCR engine needs of its slot (ocr.ts): the thread pool's `OcrSlot` over shared memory, or an extraction
 * child process's handle that asks the parent (`OcrSlotArbiter`, extract-child.ts).
 */
export interface OcrSlotHandle {
  /** True while this handle holds the slot. */
  readonly holding: boolean;
  /** True when someone else is waiting for the slot. */
  readonly contended: boolean;
  /** Resolves once this handle holds the slot. */
  acquire(): Promise<void>;
  /** Frees the slot if this handle holds it. */
  release(): void;
}

/**
 * The pool-wide OCR slot of the extraction PROCESS pool (extract-process-pool.ts), kept in the parent: processes
 * share no memory, so each child asks for the slot over IPC and the parent answers here. Same policy as `OcrSlot`:
 * one holder at a time, the others wait in order of asking; the holder is told when someone waits (it hands the
 * engine over at the end of its file); a holder that dies is released by the pool (`drop`).
 *
 * `T` is whatever identifies a holder (the pool's child record).
 */
export class OcrSlotArbiter<T> {
  private holder: T | null = null;
  private readonly waiters: T[] = [];

  /**
   * @param grant called when `who` gets the slot (at once from `request`, or later from `release`/`drop`)
   * @param contended called on the holder with true when someone starts waiting for it
   */
  constructor(
    private readonly grant: (who: T) => void,
    private readonly contended: (holder: T) => void,
  ) {}

  /** The current holder, or null. */
  get current(): T | null {
    return this.holder;
  }

  /** True when `who` waits for the slot. */
  isWaiting(who: T): boolean {
    return this.waiters.includes(who);
  }

  /** `who` asks for the slot: granted at once when free or already its own, else it waits in line. */
  request(who: T): void {
    if (this.holder === null || this.holder === who) {
      this.holder = who;
      this.grant(who);
      return;
    }
    if (!this.waiters.includes(who)) this.waiters.push(who);
    this.contended(this.holder);
  }

  /** `who` gives the slot back (nothing happens when it does not hold it); the next in line gets it. */
  release(who: T): void {
    if (this.holder !== who) return;
    this.holder = null;
    const next = this.waiters.shift();
    if (next !== undefined) this.request(next);
  }

  /** `who` is gone (its process ended): out of the line, and the slot freed if it held it. */
  drop(who: T): void {
    const i = this.waiters.indexOf(who);
    if (i >= 0) this.waiters.splice(i, 1);
    this.release(who);
  }
}

/** A new, free OCR slot (to pass to threads in `workerData.ocrSlot`). */
export function createOcrSlot(): SharedArrayBuffer {
  return new SharedArrayBuffer(OCR_SLOT_BYTES);
}

/** One thread's handle on the shared slot. `owner` is a non-zero id unique per thread (its `threadId`). */
export class OcrSlot implements OcrSlotHandle {
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
