/** `layerwise verify [EXERCISE|all]`: the course's exercises, checked against the learner's own Docker Engine. */
import { CATALOG } from '../../core/checkers/catalog.ts';
import { isReference } from '../../core/docker/index.ts';
import { COURSE_IMAGE } from '../../core/checkers/course.ts';
import { nodeEnvironment } from '../engine/engine-environment.ts';
import { ENGINE_EXERCISES, verifyOnEngine, type CheckFn } from '../engine/verify-exercises.ts';
import { formatVerdict, styleFor } from './format.ts';
import { say, type CliIo, type Subcommand } from './io.ts';
import { parseArgs } from './read-input.ts';

const titles = new Map(CATALOG.map((e) => [e.id as string, e.title]));
const list = () =>
  ENGINE_EXERCISES.map((id) => `  ${id.padEnd(18)} ${titles.get(id) ?? ''}`).join('\n');

const HELP = `Usage: layerwise verify [EXERCISE|all] [--image NAME:TAG] [--previous NAME:TAG] [--json]

Checks the course's exercises against your own Docker Engine, as the "Check my Docker" button
does when the course runs on your machine (npm start). It only reads: the engine's version, your
images, their history, your containers. It never builds, runs, stops or deletes anything. For a
running container it also makes one HTTP GET to each port it publishes on this machine's loopback
(127.0.0.1), as curl would.

The engine is found as the docker command finds it: DOCKER_HOST, then DOCKER_CONTEXT or the
current \`docker context\`, then the usual sockets (Docker Engine, Docker Desktop, rootless Docker,
Podman). To check another engine, set DOCKER_HOST, e.g. DOCKER_HOST=unix:///run/user/1000/docker.sock.

Exercises (default: all):
${list()}

Options:
  --image NAME:TAG      the image to check (default ${COURSE_IMAGE})
  --previous NAME:TAG   for cached-rebuild: the build to compare with (default: the untagged
                        image your last rebuild left behind)
  --json                print the verdicts as JSON: {"engine": …, "verdicts": {EXERCISE: Verdict}}

Exit code: 0 every check passed, 1 a check failed, 2 the engine could not be read (the message
says why) or the arguments are wrong.`;

/** `check` is injectable so tests can judge without the full checker set. */
export function verifyCommandWith(check?: CheckFn): Subcommand {
  return {
    name: 'verify',
    help: HELP,
    run: (args, io) => run(args, io, check),
  };
}

export const verifyCommand = verifyCommandWith();

async function run(args: string[], io: CliIo, check: CheckFn | undefined): Promise<number> {
  const parsed = parseArgs(args, { flags: ['--json'], values: ['--image', '--previous'] });
  const [which = 'all', ...extra] = parsed.positional;
  const problems = [...parsed.problems, ...(extra.length ? ['name at most one exercise'] : [])];
  if (problems.length) {
    say(io.stderr, `layerwise verify: ${problems.join('; ')}\n\n${HELP}`);
    return 2;
  }
  // Only a reference goes to the engine: its API reads the name as a URL path (audit F1).
  for (const option of ['--image', '--previous']) {
    const ref = parsed.values.get(option);
    if (ref !== undefined && !isReference(ref)) {
      say(
        io.stderr,
        `layerwise verify: ${option} ${ref} is not an image reference (NAME[:TAG], such as ${COURSE_IMAGE}).`,
      );
      return 2;
    }
  }
  if (which !== 'all' && !ENGINE_EXERCISES.includes(which)) {
    const why = titles.has(which)
      ? `"${which}" reads what you paste, not your engine: use \`layerwise check ${which}\``
      : `there is no exercise "${which}"`;
    say(io.stderr, `layerwise verify: ${why}. Exercises checked against your engine:\n${list()}`);
    return 2;
  }
  const json = parsed.flags.has('--json');
  const result = await verifyOnEngine(
    nodeEnvironment(io.env),
    {
      exercises: which === 'all' ? ENGINE_EXERCISES : [which],
      image: parsed.values.get('--image'),
      previous: parsed.values.get('--previous'),
    },
    check,
  );
  if ('problem' in result) {
    const { kind, message, hint } = result.problem;
    if (json) say(io.stdout, JSON.stringify({ error: { kind, message, hint } }, null, 2));
    else say(io.stderr, `layerwise verify: ${message}\n  ${hint}`);
    return 2;
  }
  const { engine } = result.snapshot;
  const passed = result.verdicts.filter((v) => v.verdict.status === 'pass').length;
  if (json) {
    const verdicts = Object.fromEntries(result.verdicts.map((v) => [v.exercise, v.verdict]));
    say(
      io.stdout,
      JSON.stringify(
        { engine: { ...engine, address: result.connection.address }, verdicts },
        null,
        2,
      ),
    );
  } else {
    const style = styleFor(io.stdout, io.env);
    const name = engine.kind === 'podman' ? 'Podman' : 'Docker Engine';
    const header = style.dim(
      `${name} ${engine.version} (API ${engine.apiVersion}) at ${result.connection.address}, found through ${result.connection.found.via}`,
    );
    const blocks = result.verdicts.map((v) =>
      formatVerdict(`${titles.get(v.exercise) ?? v.exercise} (${v.exercise})`, v.verdict, style),
    );
    const total = result.verdicts.length;
    const summary =
      passed === total
        ? style.ok(
            `${total === 1 ? 'The exercise' : `All ${total} exercises`} passed on your Docker.`,
          )
        : style.bad(`${passed} of ${total} exercises passed on your Docker.`);
    say(io.stdout, [header, ...blocks, summary].join('\n\n'));
  }
  return passed === result.verdicts.length ? 0 : 1;
}
