import fs from 'node:fs';

/**
 * Resident memory of a process and all its descendants, in bytes, read from Linux's /proc (`/proc/<pid>/stat` for
 * the parent links, `VmRSS` of `/proc/<pid>/status`). Processes that end while being read are skipped; 0 when the
 * root is gone or /proc is missing (not Linux).
 */
export function treeRss(rootPid: number): number {
  let entries: string[];
  try {
    entries = fs.readdirSync('/proc');
  } catch {
    return 0;
  }
  const children = new Map<number, number[]>();
  for (const e of entries) {
    if (!/^\d+$/.test(e)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${e}/stat`, 'utf8');
      // The command name (field 2) is in parentheses and may hold spaces: the fields after the last ')'.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const list = children.get(ppid) ?? [];
      list.push(Number(e));
      children.set(ppid, list);
    } catch {
      // Ended meanwhile.
    }
  }
  let total = 0;
  for (const queue = [rootPid]; queue.length > 0;) {
    const pid = queue.pop()!;
    try {
      const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (m) total += Number(m[1]) * 1024;
    } catch {
      continue;
    }
    queue.push(...(children.get(pid) ?? []));
  }
  return total;
}
