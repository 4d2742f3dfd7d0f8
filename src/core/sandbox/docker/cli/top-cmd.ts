/**
 * `docker top CONTAINER [ps OPTIONS]`: the container's main process as the host's `ps -ef` (or
 * `ps aux`) sees it: a host PID, its parent the containerd shim, and the command line the kernel
 * ran, a Python script's interpreter first (lab, CLI and Engine 28.5:
 * `/usr/bin/python3 /usr/bin/uvicorn app.main:app --host 0.0.0.0 --port 8000`). TTY reads `?` for
 * a -t container too: its terminal is not the host's. The figures a real ps measures (CPU, memory)
 * are modelled on the lab's runs, not measured.
 */
import type { CommandContext } from '../../commands/types.ts';
import { renderTable } from '../../text/table.ts';
import type { Container } from '../containers.ts';
import { notSimulated } from '../../not-simulated.ts';
import { DOCKER_GAP } from '../gaps.ts';
import { runningContainer } from './running-container.ts';

const USAGE =
  "docker: 'docker top' requires at least 1 argument\n\nUsage:  docker top CONTAINER [ps OPTIONS]\n\nSee 'docker top --help' for more information\n";

export function dockerTop(ctx: CommandContext, args: string[]): number {
  const [ref, ...ps] = args;
  if (ref === undefined) {
    ctx.io.err(USAGE);
    return 1;
  }
  const c = runningContainer(ctx, ref);
  if (!c) return 1;
  const p = processOf(c, ctx.host.clock.now());
  const rows = psTable(ps, p);
  if (!rows) return notSimulated(ctx.io, DOCKER_GAP.topOptions, `docker top ${args.join(' ')}`);
  ctx.io.out(`${renderTable(rows, 20)}\n`);
  return 0;
}

type Process = ReturnType<typeof processOf>;

/** ps's columns by -o name: its header and the value. */
const FIELDS: Record<string, [string, (p: Process) => string]> = {
  pid: ['PID', (p) => p.pid],
  ppid: ['PPID', (p) => p.ppid],
  user: ['USER', () => 'root'],
  uid: ['UID', () => '0'],
  comm: ['COMMAND', (p) => p.comm],
  args: ['COMMAND', (p) => p.cmd],
  command: ['COMMAND', (p) => p.cmd],
  cmd: ['CMD', (p) => p.cmd],
  '%cpu': ['%CPU', (p) => p.cpu.toFixed(1)],
  '%mem': ['%MEM', (p) => p.mem],
  vsz: ['VSZ', (p) => p.vsz],
  rss: ['RSS', (p) => p.rss],
  stat: ['STAT', (p) => p.stat],
  stime: ['STIME', (p) => p.start],
  time: ['TIME', () => '00:00:00'],
};

/**
 * The table for `ps OPTIONS`: none (ps -ef), aux, or -o with ps's field names (the lab's
 * `docker top web -o pid,comm`); null for the rest. Docker reads the PID column, so -o needs pid.
 */
function psTable(ps: string[], p: Process): string[][] | null {
  if (ps.length === 0)
    return [
      ['UID', 'PID', 'PPID', 'C', 'STIME', 'TTY', 'TIME', 'CMD'],
      ['root', p.pid, p.ppid, String(Math.floor(p.cpu)), p.start, '?', '00:00:00', p.cmd],
    ];
  if (ps.length === 1 && /^-?aux$/.test(ps[0]!))
    return [
      ['USER', 'PID', '%CPU', '%MEM', 'VSZ', 'RSS', 'TTY', 'STAT', 'START', 'TIME', 'COMMAND'],
      ['root', p.pid, p.cpu.toFixed(1), p.mem, p.vsz, p.rss, '?', p.stat, p.start, '0:00', p.cmd],
    ];
  if (ps.length !== 2 || ps[0] !== '-o') return null;
  const names = ps[1]!.split(',');
  const fields = names.map((n) => FIELDS[n.toLowerCase()]);
  if (!names.includes('pid') || fields.some((f) => !f)) return null;
  const chosen = fields as [string, (p: Process) => string][];
  return [chosen.map(([header]) => header), chosen.map(([, value]) => value(p))];
}

function processOf(c: Container, now: number) {
  const cmd = commandLine(c);
  const python = /(^|\/)python3?(\.\d+)? /.test(`${cmd} `);
  // A host PID, the same for a container's life here; the shim started just before it.
  const pid = 2000 + (Number.parseInt(c.id.slice(0, 6), 16) % 60000);
  // ps's C and %CPU: CPU time over time since the start. Uvicorn's start took about 0.55 s of CPU
  // in the lab (C read 57, 42, then 5 after 11 s); a shell or sleep next to nothing.
  const cpuMs = python ? 550 : 10;
  const started = c.startedAt ?? now;
  return {
    pid: String(pid),
    ppid: String(pid - 21),
    cpu: Math.min(99, (cpuMs * 100) / Math.max(1, now - started)),
    start: new Date(started).toISOString().slice(11, 16),
    cmd,
    comm: (c.argv[0] ?? '').slice((c.argv[0] ?? '').lastIndexOf('/') + 1).slice(0, 15),
    // ps aux of the lab's uvicorn: 0.2 %MEM, VSZ 237920, RSS 55448, Ssl (session leader, threads)
    mem: python ? '0.2' : '0.0',
    vsz: python ? '237920' : '4344',
    rss: python ? '55448' : '3584',
    stat: python ? 'Ssl' : c.tty ? 'Ss+' : 'Ss',
  };
}

/**
 * The command line the kernel ran: a console script (uvicorn, fastapi) runs under the interpreter
 * its `#!` line names, where `which` finds them in the image.
 */
function commandLine(c: Container): string {
  const [program = '', ...rest] = c.argv;
  const name = program.slice(program.lastIndexOf('/') + 1);
  const console = name === 'uvicorn' || name === 'fastapi';
  const head = console
    ? ['/usr/bin/python3', program.includes('/') ? program : `/usr/bin/${name}`]
    : [program];
  return [...head, ...rest].join(' ');
}
