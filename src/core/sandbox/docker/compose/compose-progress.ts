/**
 * Compose's progress as it prints it (lab, Compose 2.40): without a terminal, a line per event
 * (` Container demo-web-1  Creating`, then `… Created`); on a terminal, a frame redrawn in place
 * (`[+] Running 3/3` and a row per resource, `✔` in green with its time on the right), of which
 * the simulator prints the last. Recorded in tests/fixtures/sandbox/real/engine-28/compose-*.txt.
 */
import type { Io } from '../../commands/types.ts';

interface Row {
  label: string;
  status: string;
  done: boolean | 'failed';
  seconds: number;
}

export class ComposeProgress {
  private readonly rows: Row[] = [];

  /** `title`: the frame's verb (`Running` for up and down, `Stopping`, `Restarting`) */
  constructor(
    private readonly io: Io,
    private readonly title: string,
  ) {}

  /** A task begins (`Creating`): its own line without a terminal; a spinning row on one. */
  begin(label: string, status: string): void {
    if (!this.io.tty) this.io.err(` ${label}  ${status}\n`);
    this.row(label, status, false, 0);
  }

  /** A task ends (`Created`) after `seconds` of the simulated clock. */
  end(label: string, status: string, seconds: number): void {
    if (!this.io.tty) this.io.err(` ${label}  ${status}\n`);
    this.row(label, status, true, seconds);
  }

  /**
   * A task fails (a name in use): without a terminal its line carries the daemon's words (lab);
   * on one, a red ✘ and `Error` (not recorded: Compose's error mark for a failed event).
   */
  fail(label: string, message: string): void {
    if (!this.io.tty) this.io.err(` ${label}  ${message}\n`);
    this.row(label, 'Error', 'failed', 0);
  }

  /** On a terminal, the last frame (nothing when nothing happened); without one, nothing more. */
  flush(): void {
    if (!this.io.tty || this.rows.length === 0) return;
    const done = this.rows.filter((r) => r.done === true).length;
    const head = `[+] ${this.title} ${done}/${this.rows.length}`;
    const width = Math.max(...this.rows.map((r) => r.label.length));
    const lines = [done === this.rows.length ? `\x1b[34m${head}\x1b[0m` : head];
    for (const r of this.rows) {
      const timer = `${r.seconds.toFixed(1)}s `;
      const text = ` ✔ ${r.label.padEnd(width)}  ${r.status}`;
      const pad = ' '.repeat(Math.max(1, this.io.cols - text.length - timer.length));
      const mark =
        r.done === 'failed' ? '\x1b[31m✘\x1b[0m' : r.done ? '\x1b[32m✔\x1b[0m' : '\x1b[33m⠿\x1b[0m';
      const status =
        r.done === 'failed'
          ? `\x1b[31m${r.status}\x1b[0m`
          : r.done
            ? `\x1b[32m${r.status}\x1b[0m`
            : r.status;
      lines.push(` ${mark} ${r.label.padEnd(width)}  ${status}${pad}\x1b[34m${timer}\x1b[0m`);
    }
    this.io.err(`${lines.join('\n')}\n`);
    this.rows.length = 0;
  }

  private row(label: string, status: string, done: Row['done'], seconds: number): void {
    const row = this.rows.find((r) => r.label === label);
    if (row) Object.assign(row, { status, done, seconds });
    else this.rows.push({ label, status, done, seconds });
  }
}
