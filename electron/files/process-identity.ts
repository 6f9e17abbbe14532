// Telling a live process apart from a new one that reused its pid.
import { readFileSync } from 'node:fs';

/**
 * The start time of process `pid` as the system records it (Linux: field 22 of /proc/PID/stat,
 * clock ticks since boot), or null where that cannot be read (another system, no such process).
 */
export function processStartTime(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
    // The command name (field 2) is in parentheses and may hold spaces or parentheses itself.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return fields[19] ?? null;
  } catch {
    return null;
  }
}

export function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: string }).code === 'EPERM';
  }
}

/** The process that wrote `started` for `pid` still runs (a reused pid with another start time does not count). */
export function sameProcessRuns(pid: number, started: string | undefined): boolean {
  if (!processIsAlive(pid)) return false;
  if (started === undefined) return true;
  const now = processStartTime(pid);
  return now === null || now === started;
}
