/**
 * `sleep` and `seq`, with coreutils' messages. At the browser's terminal (a host with real time,
 * in the foreground) `sleep` waits as long as it says, so `while …; do curl …; sleep 1; done`
 * shows a line a second; Ctrl+C cuts it short with 130. Elsewhere (tests, scripts, a background
 * job) nothing waits and only the simulated clock moves. `sleep infinity` at a terminal waits for
 * Ctrl+C; in a container's process it moves that container's own clock to the end of time.
 */
import type { Command } from './types.ts';
import { quote, tryHelp } from './messages.ts';
import { watchedFrom } from './watched.ts';

const UNIT: Record<string, number> = { '': 1, s: 1, m: 60, h: 3600, d: 86400 };

export const sleep: Command = async (ctx) => {
  if (ctx.args.length === 0) {
    ctx.io.err(`sleep: missing operand\n${tryHelp(ctx)}`);
    return 1;
  }
  let seconds = 0;
  for (const a of ctx.args) {
    const m = /^(\d+(?:\.\d*)?|\.\d+|inf(?:inity)?)([smhd]?)$/.exec(a);
    if (!m) {
      ctx.io.err(`sleep: invalid time interval ${quote(ctx, a)}\n${tryHelp(ctx)}`);
      return 1;
    }
    seconds += (m[1]!.startsWith('inf') ? Infinity : Number(m[1])) * UNIT[m[2]!]!;
  }
  const watched = watchedFrom(ctx.job);
  if (watched && (seconds === Infinity || ctx.host.wait)) {
    const waited =
      seconds === Infinity ? new Promise<never>(() => {}) : ctx.host.wait!(seconds * 1000);
    const interrupted = await Promise.race([waited.then(() => false), watched.then(() => true)]);
    if (interrupted) {
      ctx.io.err('^C');
      return 130;
    }
  }
  const clock = ctx.host.clock as { advance?: (ms: number) => void };
  clock.advance?.(Math.round(seconds * 1000));
  return 0;
};

export const seq: Command = (ctx) => {
  const nums = ctx.args.filter((a) => !/^-[a-z]/.test(a));
  if (nums.length === 0 || nums.length > 3) {
    ctx.io.err(
      nums.length
        ? `seq: extra operand ${quote(ctx, nums[3]!)}\n${tryHelp(ctx)}`
        : `seq: missing operand\n${tryHelp(ctx)}`,
    );
    return 1;
  }
  for (const n of nums) {
    if (!/^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(n)) {
      ctx.io.err(`seq: invalid floating point argument: ${quote(ctx, n)}\n${tryHelp(ctx)}`);
      return 1;
    }
  }
  const [first, step, last] =
    nums.length === 1
      ? [1, 1, Number(nums[0])]
      : nums.length === 2
        ? [Number(nums[0]), 1, Number(nums[1])]
        : (nums.map(Number) as [number, number, number]);
  if (step === 0) {
    ctx.io.err(`seq: invalid Zero increment value: ${quote(ctx, nums[1]!)}\n${tryHelp(ctx)}`);
    return 1;
  }
  const decimals = Math.max(...nums.map((n) => (n.split('.')[1] ?? '').length));
  const out: string[] = [];
  for (
    let v = first, i = 0;
    step > 0 ? v <= last + 1e-9 : v >= last - 1e-9;
    i++, v = first + i * step
  ) {
    out.push(v.toFixed(decimals));
    if (out.length > 100_000) break;
  }
  ctx.io.out(out.map((l) => `${l}\n`).join(''));
  return 0;
};
