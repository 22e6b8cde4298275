// Soak: the whole pdf.js test corpus (../shared/corpus/pdfjs-all, 971 PDFs and passwords.json) indexed through the
// real library service (pdfjs-sweep.ts). Every file must end with a status and, unless indexed, a reason; no hang
// (no progress for SWEEP_HANG_S, default 180 s), no crash of the app process; RSS flat: after the first 100 files
// the median RSS of every later stretch of 50 files stays within 10 % of the 100–149 stretch's median.
// Prints counts per status and reason, the RSS curve every 50 files and the maximum. Exit code 1 on a failure.
// The corpus is not in the repository: without it the sweep is skipped (exit 0) with a message.
import fs from 'node:fs';
import path from 'node:path';
import { countsOf, mb, runSweep } from './pdfjs-sweep';

const CORPUS = path.resolve(__dirname, '../../../shared/corpus/pdfjs-all');
const HANG_MS = Number(process.env.SWEEP_HANG_S ?? 180) * 1000;
const LIMIT = process.env.SWEEP_LIMIT ? Number(process.env.SWEEP_LIMIT) : Infinity;
/** Growth allowed after the first 100 files. */
const FLAT = 1.1;

async function main(): Promise<number> {
  if (!fs.existsSync(CORPUS)) {
    console.log(`pdfjs-sweep: skipped, ${CORPUS} is absent (the shared corpus is not part of a clone)`);
    return 0;
  }
  const files = fs
    .readdirSync(CORPUS)
    .sort()
    .slice(0, LIMIT)
    .map((f) => path.join(CORPUS, f));
  console.log(
    `pdfjs-sweep: ${files.length} files of ${CORPUS}, hang after ${HANG_MS / 1000} s without progress`,
  );
  const r = await runSweep({ files, hangMs: HANG_MS, log: (l) => console.log(`  ${l}`) });
  const { byStatus, byReason } = countsOf(r.docs);
  console.log(`\nfinished in ${r.seconds.toFixed(0)} s; ${r.docs.length} files with a row`);
  console.log('by status:', JSON.stringify(byStatus));
  console.log('by reason:');
  for (const [k, n] of Object.entries(byReason).sort((a, b) => b[1] - a[1]))
    console.log(`  ${String(n).padStart(4)}  ${k}`);
  console.log('RSS of the app process tree per 50 files (MB, min / median / max):');
  for (const b of r.curve)
    console.log(
      `  ${String(b.from).padStart(4)}–${b.from + 49}: ${mb(b.min)} / ${mb(b.median)} / ${mb(b.max)}`,
    );
  console.log(`max RSS ${mb(r.maxRss)} MB`);
  console.log('slowest files:', r.slowest.map((s) => `${s.name} ${(s.ms / 1000).toFixed(1)} s`).join(', '));

  const failures: string[] = [];
  if (r.hangs.length) failures.push(`${r.hangs.length} hangs: ${r.hangs.join(', ')}`);
  if (r.crashes.length)
    failures.push(`${r.crashes.length} crashes of the app process:\n${r.crashes.join('\n')}`);
  const missing = files.length - r.hangs.length - r.docs.length;
  if (missing !== 0) failures.push(`${missing} files without a row`);
  const noStatus = r.docs.filter((d) => d.status === 'pending');
  if (noStatus.length)
    failures.push(`${noStatus.length} files still pending: ${noStatus.map((d) => d.name).join(', ')}`);
  const noReason = r.docs.filter((d) => d.status !== 'indexed' && !d.error);
  if (noReason.length)
    failures.push(
      `${noReason.length} files without a reason: ${noReason.map((d) => `${d.name} (${d.status})`).join(', ')}`,
    );
  const base = r.curve.find((b) => b.from === 100);
  if (base) {
    const later = r.curve.filter((b) => b.from >= 150);
    const worst = later.reduce((m, b) => (b.median > m.median ? b : m), base);
    console.log(
      `RSS growth after 100 files: worst stretch median ${mb(worst.median)} MB at ${worst.from} against ` +
        `${mb(base.median)} MB at 100–149 (${(worst.median / base.median).toFixed(2)}×, limit ${FLAT}×)`,
    );
    if (worst.median > base.median * FLAT)
      failures.push(`RSS grew ${(worst.median / base.median).toFixed(2)}× after 100 files`);
  }
  for (const f of failures) console.log(`FAIL ${f}`);
  console.log(failures.length ? 'pdfjs-sweep: FAILED' : 'pdfjs-sweep: ok');
  return failures.length ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
