/**
 * Figures from a Chrome trace that a busy machine distorts less than wall time: each main-thread
 * task's thread CPU time (`tdur`: time the thread ran, not time it waited for a core). Lighthouse's
 * TBT reads wall durations, so other engineers' jobs on a shared 2-core machine inflate it.
 */
interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string };
}

export interface TraceCpu {
  /** CPU ms of the page's main thread over the whole load */
  mainThreadMs: number;
  /** TBT read from CPU time: Σ max(0, slowdown × task CPU − 50 ms) over the main thread's tasks */
  cpuTbtMs: number;
}

const TASKS = new Set(['RunTask', 'ThreadControllerImpl::RunTask']);

/** `slowdown`: the CPU throttling the figure stands for (Lighthouse's mobile default is 4×). */
export function traceCpu(events: readonly TraceEvent[], slowdown = 4): TraceCpu {
  const mains = events
    .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
    .map((e) => `${e.pid}:${e.tid}`);
  const byThread = new Map<string, number[]>();
  for (const e of events) {
    const key = `${e.pid}:${e.tid}`;
    if (e.ph !== 'X' || !TASKS.has(e.name) || e.tdur === undefined || !mains.includes(key))
      continue;
    const tasks = byThread.get(key) ?? [];
    tasks.push(e.tdur / 1000);
    byThread.set(key, tasks);
  }
  // The page's renderer is the busiest one (about:blank's renderer does almost nothing).
  const sum = (ms: number[]) => ms.reduce((a, b) => a + b, 0);
  const tasks = [...byThread.values()].sort((a, b) => sum(b) - sum(a))[0] ?? [];
  return {
    mainThreadMs: sum(tasks),
    cpuTbtMs: sum(tasks.map((ms) => Math.max(0, slowdown * ms - 50))),
  };
}
