/**
 * `layerwise`: the course's checkers from a terminal. Each subcommand lives in its own file and is
 * listed here once.
 */
import { messageOf } from '../../core/text/index.ts';
import { checkCommand } from './check.ts';
import { explainCommand } from './explain.ts';
import { say, type CliIo, type Subcommand } from './io.ts';
import { sandboxCommand } from './sandbox.ts';
import { verifyCommand } from './verify.ts';

const SUBCOMMANDS: Subcommand[] = [sandboxCommand, explainCommand, checkCommand, verifyCommand];

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
  const command = SUBCOMMANDS.find((c) => c.name === name);
  if (!command) {
    say(io.stderr, `layerwise: unknown command "${name}"\n\n${usage()}`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    say(io.stdout, command.help);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    // A bug, not a learner's mistake: say so plainly, without a stack trace unless asked.
    say(io.stderr, `layerwise ${name}: internal error: ${messageOf(error)}`);
    if (io.env['LAYERWISE_DEBUG'])
      say(io.stderr, error instanceof Error ? String(error.stack) : String(error));
    return 70;
  }
}
