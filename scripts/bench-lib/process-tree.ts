/**
 * Peak resident memory of a process and all its descendants (Astro starts workers and the
 * Pagefind binary), sampled from /proc. `/usr/bin/time -v` would only see the waited-for
 * process, not the sum over concurrently running children.
 */
import { readFileSync, readdirSync } from 'node:fs';

const PAGE_BYTES = 4096;

function readStat(pid: string): { ppid: number; rssBytes: number } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name may contain spaces and parentheses: fields start after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { ppid: Number(fields[1]), rssBytes: Number(fields[21]) * PAGE_BYTES };
  } catch {
    return undefined; // the process ended between listing and reading
  }
}

export function treeRssBytes(rootPid: number): number {
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const stat = readStat(name);
    if (!stat) continue;
    const pid = Number(name);
    rss.set(pid, stat.rssBytes);
    const list = children.get(stat.ppid);
    if (list) list.push(pid);
    else children.set(stat.ppid, [pid]);
  }
  let total = 0;
  const stack = [rootPid];
  while (stack.length > 0) {
    const pid = stack.pop()!;
    total += rss.get(pid) ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

export interface RssSample {
  atMs: number;
  bytes: number;
}

/**
 * Samples the tree every `intervalMs`; `stop()` returns the samples. `onOverLimit` runs once
 * when the tree passes `limitBytes`: the machine is shared, a runaway build must not take it.
 */
export function sampleTreeRss(
  rootPid: number,
  startedAt: number,
  { limitBytes = Infinity, onOverLimit = () => {} } = {},
  intervalMs = 100,
) {
  const samples: RssSample[] = [];
  let warned = false;
  const timer = setInterval(() => {
    const bytes = treeRssBytes(rootPid);
    samples.push({ atMs: performance.now() - startedAt, bytes });
    if (bytes > limitBytes && !warned) {
      warned = true;
      onOverLimit();
    }
  }, intervalMs);
  return {
    stop: () => {
      clearInterval(timer);
      return samples;
    },
  };
}

/** Peak over [fromMs, toMs]; a phase shorter than the interval gets the next sample. */
export function peakBetween(samples: readonly RssSample[], fromMs: number, toMs: number): number {
  let peak = 0;
  for (const s of samples) if (s.atMs >= fromMs && s.atMs <= toMs && s.bytes > peak) peak = s.bytes;
  return peak || (samples.find((s) => s.atMs >= fromMs)?.bytes ?? 0);
}
