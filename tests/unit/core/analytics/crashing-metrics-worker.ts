/**
 * A metrics worker entry for analytics-worker.test.ts that takes its thread down (process.exit in a worker thread
 * ends the thread, as an out-of-memory abort would) while the file named by WELLSPRING_TEST_CRASH_MARKER exists,
 * deleting it first; otherwise it is the real worker. Only a reports task crashes (a map task the service may start
 * first, depending on timing, would otherwise take the crash), so the first reports task crashes and the retry works.
 */
import fs from 'node:fs';
import run, { type MetricsTask } from '../../../../main/core/analytics/metrics-worker';

export default function crashOnce(task: MetricsTask): ReturnType<typeof run> {
  const marker = process.env.WELLSPRING_TEST_CRASH_MARKER;
  if (task.kind === 'reports' && marker && fs.existsSync(marker)) {
    fs.rmSync(marker);
    process.exit(70);
  }
  return run(task);
}
