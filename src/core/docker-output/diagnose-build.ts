/** What a learner should know about a `docker build` output. */
import { PORT_SPEC_ERROR } from './build-error.ts';
import type { Parsed, PartOf } from './parsed.ts';
import type { BuildError, BuildStep } from './types.ts';
import { copiesWholeContext, installs, stepName, type Finding } from '../docker/index.ts';

export function diagnoseBuild({ part, marks }: Parsed<PartOf<'build'>>): Finding[] {
  const { build } = part;
  const findings: Finding[] = [];
  const end = part.lines[1];
  for (const note of marks.notes) {
    if (note.id === 'legacy-builder')
      findings.push({
        id: 'legacy-builder',
        severity: 'info',
        line: note.line,
        message: 'This build used the legacy builder, which Docker has deprecated.',
        hint: 'Install the buildx plugin (Docker Desktop has it) and unset DOCKER_BUILDKIT=0, so Docker builds with BuildKit like the course does.',
      });
    if (note.id === 'lint' && note.text) findings.push(lintFinding(note.text, note.line));
  }
  const failedAt = build.steps.findIndex((s) => s.failed);
  const failed = failedAt === -1 ? undefined : build.steps[failedAt];
  const vertex =
    marks.notes.find((n) => n.id === 'failed-vertex')?.text ?? failed?.instruction ?? '';
  const checked = marks.notes.find((n) => n.id === 'check-complete');
  if (build.error) findings.push(errorFinding(build.error, failed, vertex, marks.error ?? end));
  else if (checked)
    findings.push({
      id: 'build-check-only',
      severity: 'info',
      line: checked.line,
      message: `docker build --check read the Dockerfile and built nothing: ${checked.text === '0' ? 'no warnings' : `${checked.text} warning(s), listed with their lines`}.`,
      hint: 'Fix what the warnings say (each names its rule and a docs.docker.com page), then build without --check.',
    });
  else if (!build.success)
    findings.push({
      id: 'build-incomplete',
      severity: 'warning',
      line: end,
      message:
        'The output stops before the build finished: it shows no error and no finished image.',
      hint: 'Paste the whole output, down to the last line docker build printed (BuildKit ends with "naming to ..." or an ERROR line).',
    });
  else findings.push(...successFindings(part, end));
  const reinstall = reinstalled(build.steps);
  if (reinstall)
    findings.push({
      id: 'deps-reinstalled',
      severity: 'warning',
      line: marks.items[reinstall.install] ?? end,
      message: `The dependency install ${stepName(build.steps[reinstall.install]!)} ran again because ${stepName(build.steps[reinstall.copy]!)} before it copies the whole project: any code change invalidates it.`,
      hint: 'Copy requirements.txt on its own, install, then copy the code: COPY ./requirements.txt /demo/requirements.txt, RUN pip install --no-cache-dir -r /demo/requirements.txt, COPY ./app /demo/app. A code change then re-runs only the last COPY.',
    });
  return findings;
}

function successFindings(part: PartOf<'build'>, line: number): Finding[] {
  const { tags, steps } = part.build;
  const cached = steps.filter((s) => s.cached).length;
  const name = tags.length ? ` and tagged ${tags.join(', ')}` : '';
  const out: Finding[] = [
    {
      id: 'build-ok',
      severity: 'info',
      line,
      message: `The build succeeded${name}: ${cached} of ${steps.length} steps came from the cache.`,
    },
  ];
  if (!tags.length)
    out.push({
      id: 'build-untagged',
      severity: 'warning',
      line,
      message: 'The image was built without a name.',
      hint: 'Build with -t to name it, e.g. docker build -t demo-image . so you can run it as docker run demo-image.',
    });
  return out;
}

/** The index of a re-run install step and of the whole-context COPY before it, on a rebuild. */
function reinstalled(steps: BuildStep[]): { install: number; copy: number } | null {
  if (!steps.some((s) => s.cached)) return null;
  const install = steps.findIndex((s) => !s.cached && !s.failed && installs(s.instruction));
  if (install === -1) return null;
  const copy = steps.findIndex(
    (s, i) =>
      i < install &&
      s.stage === steps[install]!.stage &&
      !s.cached &&
      copiesWholeContext(s.instruction),
  );
  return copy === -1 ? null : { install, copy };
}

function errorFinding(
  error: BuildError,
  failed: BuildStep | undefined,
  vertex: string,
  line: number,
): Finding {
  const at = failed ? ` at step ${stepName(failed)}` : '';
  switch (error.kind) {
    case 'run-failed':
      return {
        id: 'build-run-failed',
        severity: 'error',
        line,
        message:
          error.exitCode == null
            ? `The build failed${at}: the output stops at the command's error.`
            : `The build failed${at}: the command exited with code ${error.exitCode}.`,
        hint: "Read the log lines just above this error: they are the command's own output and say what went wrong (for pip: a misspelt package, or a version that does not exist). Fix it and build again; the steps before it stay cached.",
      };
    case 'copy-source-missing': {
      const path =
        /"\/?([^"]+)":? not found|stat ([^:]+): file does not exist|copier: stat: "\/?([^"]+)"/.exec(
          error.message,
        );
      const file = path?.slice(1).find((g) => g !== undefined) ?? 'the file';
      return {
        id: 'build-copy-missing',
        severity: 'error',
        line,
        message: `The build failed${at}: ${file} is not in the build context.`,
        hint: `The file is missing from the folder you passed to docker build (the . at the end), or .dockerignore excludes it. Run the command from the project folder, check that ${file} is there (ls), and that .dockerignore does not list it.`,
      };
    }
    case 'dockerfile-missing':
      return {
        id: 'build-no-dockerfile',
        severity: 'error',
        line,
        message: 'Docker found no Dockerfile in the build context.',
        hint: 'Run docker build from the folder that holds the Dockerfile (ls shows it), or point to it with -f path/to/Dockerfile. The file must be named exactly Dockerfile, without an extension such as .txt.',
      };
    case 'dockerfile-parse': {
      const port = PORT_SPEC_ERROR.exec(error.message);
      if (port) return exposeFinding(port[1] ?? '', line);
      const where = /line (\d+)/.exec(error.message);
      const what = /unknown instruction: ?(\S+)/i.exec(error.message);
      return {
        id: 'build-dockerfile-syntax',
        severity: 'error',
        line,
        message: `The Dockerfile has a syntax error${where ? ` on line ${where[1]}` : ''}${what ? `: unknown instruction ${what[1]}` : ''}.`,
        hint: 'Fix that line of the Dockerfile: each line starts with an instruction spelt in full (FROM, WORKDIR, COPY, RUN, EXPOSE, CMD ...), and a long RUN continues onto the next line with a trailing backslash.',
      };
    }
    case 'base-image-not-found': {
      const image =
        /(?:load metadata for|FROM) (\S+)/
          .exec(vertex)?.[1]
          ?.replace(/^docker\.io\/(?:library\/)?/, '') ??
        /for (\S+?),? repository|\b([\w.-]+(?:\/[\w.-]+)*:[\w.-]+): (?:failed to resolve|not found)/
          .exec(error.message)
          ?.slice(1)
          .find(Boolean);
      return {
        id: 'build-base-image',
        severity: 'error',
        line,
        message: `The base image ${image ? `${image} ` : ''}could not be pulled.`,
        hint: "Check the FROM line: the image name and tag must exist on Docker Hub (for example python:3.13-slim). Check that you are online, and run docker pull with that name to see the registry's own error.",
      };
    }
    default:
      return {
        id: 'build-failed',
        severity: 'error',
        line,
        message: `The build failed${at}.`,
        hint: "Read the builder's error line; the lines above it show what the step printed before it failed.",
      };
  }
}

/** [LOCAL] tests/fixtures/docker-output/lab/build-expose-comment-*.txt: `EXPOSE 8000 # the port …` reads "#" as a port. */
function exposeFinding(word: string, line: number): Finding {
  const comment = word.startsWith('#');
  return {
    id: 'build-expose-invalid',
    severity: 'error',
    line,
    message: comment
      ? 'The build stopped at EXPOSE: Docker read the "#" of a comment after the port as another port.'
      : `The build stopped at EXPOSE: "${word.replace(/<empty>$/, '')}" is not a port Docker can read.`,
    hint: comment
      ? 'A # starts a comment only at the beginning of a line. Put the comment on its own line above EXPOSE, and leave the EXPOSE line as EXPOSE 8000.'
      : 'EXPOSE takes port numbers, optionally with /tcp or /udp: EXPOSE 8000. Fix that line of the Dockerfile and build again.',
  };
}

function lintFinding(text: string, line: number): Finding {
  const json = text.startsWith('JSONArgsRecommended');
  return {
    id: 'build-lint',
    severity: 'warning',
    line,
    message: `The builder warns: ${text}.`,
    ...(json
      ? {
          hint: 'Write CMD in exec form, e.g. CMD ["uvicorn", "app.main:app", "--host", "0.0.0.0", "--port", "8000"], so the server gets stop signals directly.',
        }
      : {}),
  };
}
