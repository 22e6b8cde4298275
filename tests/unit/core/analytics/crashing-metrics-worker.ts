/**
 * A metrics worker entry for analytics-worker.test.ts that takes its thread down (process.exit in a worker thread
 * ends the thread, as an out-of-memory abort would) while the file named by WELLSPRING_TEST_CRASH_MARKER exists,
 * deleting it first; otherwise it is the real worker. So the first task crashes and the retry works.
 */
import fs from 'node:fs';
import run, { type MetricsTask } from '../../../../main/core/analytics/metrics-worker';

export default function crashOnce(task: MetricsTask): ReturnType<typeof run> {
  const marker = process.env.WELLSPRING_TEST_CRASH_MARKER;
  if (marker && fs.existsSync(marker)) {
    fs.rmSync(marker);
    process.exit(70);
  }
  return run(task);
}
