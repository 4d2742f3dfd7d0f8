/**
 * `layerwise`: the course's checkers from a terminal. Each subcommand lives in its own file and is
 * listed here once.
 */
import { messageOf } from '../../core/text/index.ts';
import { say, type CliIo, type Subcommand } from './io.ts';

interface Entry {
  name: string;
  /** one line for `layerwise --help` */
  summary: string;
  /**
   * Loaded only when run: `explain` must not pay for the Docker client (`verify`) or Python
   * (`sandbox`) at start-up, which is most of what a cold start costs.
   */
  load: () => Promise<Subcommand>;
}

const SUBCOMMANDS: Entry[] = [
  {
    name: 'sandbox',
    summary: 'run commands in the simulated terminal and print what it shows',
    load: async () => (await import('./sandbox.ts')).sandboxCommand,
  },
  {
    name: 'explain',
    summary: 'explain Docker output or a Dockerfile (stdin or FILE)',
    load: async () => (await import('./explain.ts')).explainCommand,
  },
  {
    name: 'check',
    summary: 'check one exercise from pasted output (stdin or FILE)',
    load: async () => (await import('./check.ts')).checkCommand,
  },
  {
    name: 'verify',
    summary: 'check the exercises against your own Docker Engine (read only)',
    load: async () => (await import('./verify.ts')).verifyCommand,
  },
];

function usage(): string {
  const width = Math.max(0, ...SUBCOMMANDS.map((c) => c.name.length));
  return [
    'layerwise: read Docker output and check the course exercises from a terminal',
    '',
    'Usage: layerwise <command> [options]',
    '',
    'Commands:',
    ...SUBCOMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    "Run `layerwise <command> --help` for a command's options.",
  ].join('\n');
}

export async function main(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    say(io.stdout, usage());
    return name === undefined ? 2 : 0;
  }
  const entry = SUBCOMMANDS.find((c) => c.name === name);
  if (!entry) {
    say(io.stderr, `layerwise: unknown command "${name}"\n\n${usage()}`);
    return 2;
  }
  try {
    const command = await entry.load();
    if (rest.includes('--help') || rest.includes('-h')) {
      say(io.stdout, command.help);
      return 0;
    }
    return await command.run(rest, io);
  } catch (error) {
    // A bug, not a learner's mistake: say so plainly, without a stack trace unless asked.
    say(io.stderr, `layerwise ${name}: internal error: ${messageOf(error)}`);
    if (io.env['LAYERWISE_DEBUG'])
      say(io.stderr, error instanceof Error ? String(error.stack) : String(error));
    return 70;
  }
}
