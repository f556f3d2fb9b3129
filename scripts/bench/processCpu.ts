/**
 * CPU time of processes by pid, from Linux's /proc (user + system clock ticks; Node has no API for
 * another process's CPU). Elsewhere, or for a process that is gone, `undefined`.
 */
import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second of /proc's counters: USER_HZ, 100 on every Linux build Node runs on. */
const TICKS_PER_SECOND = 100;

function stat(pid: number): string[] | undefined {
  try {
    // The command name (field 2) is in parentheses and may hold spaces: split after it.
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return text.slice(text.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined;
  }
}

/** CPU seconds `pid` has used so far. */
export function cpuSeconds(pid: number): number | undefined {
  const fields = stat(pid);
  return fields ? (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND : undefined;
}

/** CPU seconds used so far by `pid` and its children (PostgreSQL's postmaster and its backends, say). */
export function treeCpuSeconds(pid: number): number | undefined {
  const own = cpuSeconds(pid);
  if (own === undefined) return undefined;
  let total = own;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const fields = stat(Number(entry));
    if (fields && Number(fields[1]) === pid) total += (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  }
  return total;
}
