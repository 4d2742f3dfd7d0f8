/**
 * The bench's TBT from CPU time (scripts/bench/trace-cpu.ts). The events are written in the shape
 * Chrome's trace gives them (thread_name metadata, complete 'X' events with dur and tdur in µs);
 * only the fields the function reads are kept.
 */
import { describe, expect, it } from 'vitest';
import { traceCpu } from '../../../scripts/bench/trace-cpu.ts';

const thread = (pid: number, tid: number, name: string) => ({
  name: 'thread_name',
  ph: 'M',
  pid,
  tid,
  args: { name },
});
const task = (pid: number, tid: number, cpuMs: number, wallMs = cpuMs * 3) => ({
  name: 'RunTask',
  ph: 'X',
  pid,
  tid,
  dur: wallMs * 1000,
  tdur: cpuMs * 1000,
});

describe('traceCpu', () => {
  it("reads the busiest renderer main thread's task CPU time, not its wall time", () => {
    const events = [
      thread(1, 1, 'CrBrowserMain'),
      thread(2, 7, 'CrRendererMain'), // about:blank's renderer
      thread(3, 9, 'CrRendererMain'), // the page's
      task(1, 1, 500),
      task(2, 7, 5),
      task(3, 9, 10), // 4 × 10 = 40 ms: not blocking
      task(3, 9, 30), // 4 × 30 − 50 = 70 ms
      task(3, 9, 100), // 4 × 100 − 50 = 350 ms
      { name: 'Layout', ph: 'X', pid: 3, tid: 9, dur: 9000, tdur: 8000 }, // inside a task
    ];
    expect(traceCpu(events)).toEqual({ mainThreadMs: 140, cpuTbtMs: 420 });
    expect(traceCpu(events, 1).cpuTbtMs).toBe(50);
  });

  it('gives zeros for a trace without a renderer', () => {
    expect(traceCpu([thread(1, 1, 'CrBrowserMain'), task(1, 1, 80)])).toEqual({
      mainThreadMs: 0,
      cpuTbtMs: 0,
    });
  });
});
