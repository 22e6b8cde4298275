import type { LibraryProgress } from '../../preload/contract';

/**
 * Renders indexing progress on a terminal as one line redrawn in place:
 * `[########------------]  12/40 files · 310 pages · 1 problem · current/file.pdf`.
 * Off a terminal (pipes, CI logs) it prints nothing until `done`, which prints one summary line.
 */
export function progressBar(stream: NodeJS.WriteStream = process.stderr): {
  update(p: LibraryProgress): void;
  done(p: LibraryProgress): void;
} {
  const tty = stream.isTTY === true;
  const width = 24;
  const line = (p: LibraryProgress) => {
    const frac = p.total ? p.done / p.total : 1;
    const filled = Math.round(frac * width);
    const bar = `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}]`;
    const problems = p.failed ? ` · ${p.failed} problem${p.failed === 1 ? '' : 's'}` : '';
    return `${bar} ${String(p.done).padStart(String(p.total).length)}/${p.total} files · ${p.pages} pages${problems}`;
  };
  return {
    update(p) {
      if (!tty) return;
      const cols = stream.columns ?? 100;
      const current = p.current ? ` · ${p.current}` : '';
      stream.write(`\r${(line(p) + current).slice(0, cols - 1).padEnd(cols - 1)}`);
    },
    done(p) {
      stream.write(
        `${tty ? '\r' : ''}${line(p)}${p.cancelled ? ' (cancelled)' : ''}${tty ? ' '.repeat(20) : ''}\n`,
      );
    },
  };
}
