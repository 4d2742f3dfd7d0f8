/** `layerwise check EXERCISE [FILE]`: the exercise panel's verdict, from a terminal. */
import { CATALOG, check, findExercise, shownLines } from '../../core/checkers/index.ts';
import { formatVerdict, styleFor } from './format.ts';
import { say, type Subcommand } from './io.ts';
import { parseArgs, readInput } from './read-input.ts';

const ids = () =>
  CATALOG.map((e) => `  ${e.id.padEnd(18)} ${e.title} (paste: ${e.command})`).join('\n');

const HELP = `Usage: layerwise check EXERCISE [FILE] [--json]

Checks one exercise of the course from the output you would paste into its panel, read from
FILE or stdin. Exit code: 0 every check passed, 1 a check failed, 2 the input is not what the
exercise reads (or the exercise is unknown).

Exercises:
${ids()}

Examples:
  docker build -t demo-image:latest . 2>&1 | layerwise check first-build
  docker ps | layerwise check container-running
  layerwise check dockerfile-written Dockerfile`;

export const checkCommand: Subcommand = {
  name: 'check',
  help: HELP,
  async run(args, io) {
    const parsed = parseArgs(args, { flags: ['--json'] });
    const [id, file, ...extra] = parsed.positional;
    if (parsed.problems.length || !id || extra.length) {
      say(
        io.stderr,
        `layerwise check: ${[...parsed.problems, ...(!id ? ['name an exercise'] : []), ...(extra.length ? ['give at most one FILE'] : [])].join('; ')}\n\n${HELP}`,
      );
      return 2;
    }
    const exercise = findExercise(id);
    if (!exercise) {
      say(io.stderr, `layerwise check: there is no exercise "${id}". Known exercises:\n${ids()}`);
      return 2;
    }
    const input = await readInput(file, io);
    if (!input.ok) {
      say(io.stderr, `layerwise check: ${input.message}`);
      return 2;
    }
    const evidence =
      id === 'dockerfile-written' && file !== undefined && file !== '-'
        ? { source: 'file' as const, path: file, text: input.text }
        : { source: 'paste' as const, text: input.text };
    const verdict = check(id, evidence, { today: new Date().toISOString().slice(0, 10) });
    if (parsed.flags.has('--json')) say(io.stdout, JSON.stringify(verdict, null, 2));
    else
      say(
        io.stdout,
        formatVerdict(
          `${exercise.title} (${id})`,
          verdict,
          styleFor(io.stdout, io.env),
          shownLines(input.text),
        ),
      );
    return verdict.status === 'pass' ? 0 : verdict.status === 'fail' ? 1 : 2;
  },
};
