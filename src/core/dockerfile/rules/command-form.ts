/**
 * How CMD, ENTRYPOINT and RUN are written: exec form or shell form, JSON that is not JSON,
 * variables that exec form does not expand, a CMD given twice or not at all.
 */
import type { Finding } from '../../docker/index.ts';
import { finding } from '../finding.ts';
import type { Model, Stage, Step } from '../model.ts';
import { finalStage, rootImage } from '../stages.ts';
import { needsShell, splitCommands, toExecForm } from '../../text/index.ts';
import { startCommand } from '../start-command.ts';
import { quote } from '../wording.ts';
import type { Rule } from './context.ts';

const COURSE_CMD = 'CMD ["uvicorn", "app.main:app", "--host", "0.0.0.0", "--port", "8000"]';

export const commandFormRule: Rule = ({ model }) => {
  const steps = model.stages.flatMap((s) => s.steps);
  return [
    ...steps.flatMap(invalidJson),
    ...steps.flatMap(shellForm),
    ...model.stages.flatMap(repeated),
    ...startOfFinalImage(model),
  ];
};

/** [LOCAL] `CMD ['uvicorn', …]` became `/bin/sh -c "['uvicorn', …]"` and the container printed `/bin/sh: 1: [uvicorn,: not found` (exit 127). */
function invalidJson(step: Step): Finding[] {
  if (
    !['CMD', 'ENTRYPOINT', 'RUN'].includes(step.keyword) ||
    !step.text.startsWith('[') ||
    step.exec !== null
  )
    return [];
  const program = splitCommands(step.text)[0]?.[0] ?? '[';
  const outcome =
    step.keyword === 'RUN'
      ? `the build fails because the shell finds no program called ${quote(program)}`
      : `the container stops at once with "/bin/sh: 1: ${program}: not found" (exit code 127)`;
  const doubleQuoted = step.text.replace(/'/g, '"');
  const hint = isStringArray(doubleQuoted)
    ? `JSON needs double quotes: ${step.keyword} ${doubleQuoted}`
    : `Write a JSON array of double-quoted strings, e.g. ${COURSE_CMD}`;
  return [
    finding(
      'invalid-json-form',
      step.line,
      `${quote(step.instruction)} starts with [ but is not valid JSON, so Docker runs the whole line as a shell command: ${outcome}.`,
      hint,
    ),
  ];
}

function isStringArray(text: string): boolean {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) && value.every((v) => typeof v === 'string');
  } catch {
    return false; // the learner's text, not ours: not JSON is an answer, not an error
  }
}

/**
 * Shell form runs under /bin/sh -c (Dockerfile reference; BuildKit's JSONArgsRecommended lint).
 * [LOCAL] `CMD uvicorn …` in python:3.13-slim: PID 1 was `/bin/sh -c uvicorn …`, `docker stop` took
 * 10.3 s and ended with exit code 137, and uvicorn never logged its shutdown; the exec form stopped
 * in 0.6 s with "Application shutdown complete." A command that starts with `exec` replaces the
 * shell, so it is left alone.
 */
function shellForm(step: Step): Finding[] {
  if (
    (step.keyword !== 'CMD' && step.keyword !== 'ENTRYPOINT') ||
    step.exec !== null ||
    step.text.startsWith('[')
  )
    return [];
  if (step.text === '' || /^exec\s/.test(step.text)) return [];
  const id = step.keyword === 'CMD' ? 'cmd-shell-form' : 'entrypoint-shell-form';
  const ignoresCmd =
    step.keyword === 'ENTRYPOINT' ? ' A shell-form ENTRYPOINT also ignores any CMD.' : '';
  const words = splitCommands(step.text)[0] ?? [];
  const hint = needsShell(step.text)
    ? `Use exec form, ${step.keyword} ["program", "argument", …]. If you need the shell (for $VARIABLES or &&), put exec in front of the server's command so that it replaces the shell.`
    : `Use exec form: ${step.keyword} ${toExecForm(words)}`;
  return [
    finding(
      id,
      step.line,
      `${quote(step.instruction)} is in shell form, so Docker runs it as /bin/sh -c "…" and the shell, not your server, is process 1. The shell does not pass on the stop signal: docker stop waits 10 seconds, then kills the container (exit code 137), and your app's shutdown code never runs.${ignoresCmd}`,
      hint,
    ),
  ];
}

/** Only the last CMD (and ENTRYPOINT) of a stage counts (Dockerfile reference; BuildKit lint MultipleInstructionsDisallowed). */
function repeated(stage: Stage): Finding[] {
  return ['CMD', 'ENTRYPOINT'].flatMap((keyword) => {
    const all = stage.steps.filter((s) => s.keyword === keyword);
    const last = all.at(-1);
    if (!last) return [];
    return all
      .slice(0, -1)
      .map((step) =>
        finding(
          'cmd-multiple',
          step.line,
          `This stage has ${all.length} ${keyword} lines; only the last one (line ${last.line}) counts, so ${quote(step.instruction)} does nothing.`,
          `Delete line ${step.line}, or move what you need into the ${keyword} on line ${last.line}.`,
        ),
      );
  });
}

function startOfFinalImage(model: Model): Finding[] {
  const stage = finalStage(model);
  if (!stage) return [];
  const start = startCommand(stage);
  if (!start.cmd && !start.entrypoint) return [noCommand(stage, model)];
  return [start.cmd, start.entrypoint].flatMap((step) => (step ? unexpandedVariables(step) : []));
}

/** [LOCAL] python:3.13-slim's Config.Cmd is ["python3"]: `docker run` without -it exited at once with code 0. */
function noCommand(stage: Stage, model: Model): Finding {
  const line = model.all.at(-1)?.lastLine ?? 1;
  const fromBase =
    rootImage(stage)?.name === 'python'
      ? "the python images' python3, which without a terminal attached starts and exits at once (exit code 0)"
      : 'whatever the base image sets, not your app';
  return finding(
    'cmd-missing',
    line,
    `There is no CMD, so the container runs the base image's command: ${fromBase}. Nothing listens on a port.`,
    `End the Dockerfile with the command that starts your app: ${COURSE_CMD}`,
  );
}

/**
 * Exec form runs no shell, so `$PORT` is passed on as those five characters (Dockerfile reference,
 * "Exec form … does not invoke a command shell"). [LOCAL] `CMD ["uvicorn", …, "--port", "$PORT"]`:
 * "Error: Invalid value for '--port': '$PORT' is not a valid integer." (exit code 2).
 */
function unexpandedVariables(step: Step): Finding[] {
  const variable = step.exec?.find((w) => /\$\{?\w/.test(w));
  const exec = step.exec;
  if (
    !exec ||
    variable === undefined ||
    ['sh', 'bash', 'dash', 'ash'].includes(exec[0]?.split('/').pop() ?? '')
  )
    return [];
  return [
    finding(
      'exec-form-variable',
      step.line,
      `${quote(step.instruction)} is exec form, which runs without a shell, so ${quote(variable)} reaches the program as that literal text, not as the variable's value.`,
      `Write the value itself. If it must come from the environment, let a shell expand it and hand over with exec: ${step.keyword} ${toExecForm(['sh', '-c', `exec ${exec.join(' ')}`])}`,
    ),
  ];
}
