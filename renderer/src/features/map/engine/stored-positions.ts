/**
 * What an engine knows about its nodes' stored positions, so that `setGraph` moves a node already on the canvas
 * only when its stored position really changed elsewhere (an undo, a redo, another window), never because the
 * data it was handed is older than what the engine itself just saved (issue #6).
 *
 * - `known`: the stored position of each node as last seen in the data or emitted to be stored.
 * - `echo`: positions emitted and not yet seen coming back in the data. Until they do (or ECHO_MS passes), a
 *   different stored position in the data is a read that started before the save: stale. Without this, a node
 *   placed twice in quick succession (API: the node, then its edge) jumped back to its first spot.
 * - `provisional`: nodes placed with no neighbour on the canvas and not moved since; the engine places them
 *   again beside their first neighbour when one arrives.
 */

/** Model point (px). */
type Point = { x: number; y: number };

/** How long (ms) an emitted position waits for its echo in the data before older data counts again. */
export const ECHO_MS = 10_000;

/** Equal to within 0.01 px (JSON and SQLite REAL keep doubles exactly; this is leniency, not rounding). */
export function samePosition(a: Point | null, b: Point | null): boolean {
  if (!a || !b) return a === b;
  return Math.abs(a.x - b.x) < 0.01 && Math.abs(a.y - b.y) < 0.01;
}

/** What a stored position in the data means for the node on the canvas. */
export type Verdict = 'same' | 'changed' | 'stale';

/** One engine's view of its nodes' stored positions (see the module comment); plain data, no Cytoscape. */
export class StoredPositions {
  private readonly known = new Map<string, Point | null>();
  private readonly echo = new Map<string, Point & { at: number }>();
  /** Nodes placed alone; see the module comment. */
  readonly provisional = new Set<string>();

  /**
   * Takes node `id`'s stored position from the data (null: none) at time `now` (ms, `performance.now()`):
   * `stale` while an emitted position is on its way and this one differs (it is not recorded), `changed` when
   * it is a position other than the one known, else `same`.
   */
  receive(id: string, stored: Point | null, now: number): Verdict {
    const pending = this.echo.get(id);
    if (pending) {
      if (samePosition(pending, stored) || now - pending.at > ECHO_MS) this.echo.delete(id);
      else return 'stale';
    }
    const known = this.known.get(id) ?? null;
    this.known.set(id, stored);
    return stored !== null && !samePosition(known, stored) ? 'changed' : 'same';
  }

  /** Records positions emitted to be stored at time `now` (ms): they are the known ones from now on. */
  emitted(positions: ReadonlyArray<{ id: string } & Point>, now: number): void {
    for (const p of positions) {
      this.known.set(p.id, { x: p.x, y: p.y });
      this.echo.set(p.id, { x: p.x, y: p.y, at: now });
    }
  }

  /** Forgets a node that left the canvas. */
  forget(id: string): void {
    this.known.delete(id);
    this.echo.delete(id);
    this.provisional.delete(id);
  }
}
