/**
 * The Dockerfile as the rules read it: instructions with 1-based lines, grouped into build stages,
 * each step knowing the working directory and environment it runs with. Built on dockerfile-ast,
 * which never throws on bad input and keeps every token's range.
 */
import {
  DockerfileParser,
  Keyword,
  type Instruction,
  type ModifiableInstruction,
} from 'dockerfile-ast';
import { resolvePath } from '../text/index.ts';
import { parseImageRef } from './stages.ts';

const KEYWORDS: ReadonlySet<string> = new Set(Object.values(Keyword));

// The instructions whose arguments the builder expands with ARG and ENV values (Dockerfile
// reference, "Environment replacement"). RUN, CMD and ENTRYPOINT are left to the shell, if any.
const EXPANDED: ReadonlySet<string> = new Set([
  'ADD',
  'COPY',
  'ENV',
  'EXPOSE',
  'FROM',
  'LABEL',
  'STOPSIGNAL',
  'USER',
  'VOLUME',
  'WORKDIR',
]);

export interface Step {
  /** upper case, e.g. `COPY`; for an unknown instruction, the word as written upper-cased */
  keyword: string;
  known: boolean;
  /** 1-based first and last line */
  line: number;
  lastLine: number;
  /** the whole instruction on one line as the builder reads it (keyword and flags as written), for quoting back */
  instruction: string;
  /** arguments after the flags; ARG/ENV values expanded where the builder expands them */
  args: string[];
  /** arguments after the flags as written, for a caller that expands them with its own values (build args) */
  rawArgs: string[];
  /** the argument text as the builder passes it on: continuation lines joined, comment lines dropped */
  text: string;
  flags: Readonly<Record<string, string | null>>;
  /** the JSON array when the arguments are exec form */
  exec: string[] | null;
  /** ENV, ARG and LABEL pairs, quotes and escapes removed; the value is null when none is given (`ARG NAME`) */
  properties: readonly (readonly [string, string | null])[];
  /** the working directory this step runs in; null while no WORKDIR was set (the base image's) */
  workdir: string | null;
  /** ENV values in effect for this step */
  env: Readonly<Record<string, string>>;
}

export interface ImageRef {
  /** as written, ARGs expanded: `python:3.13-slim` */
  ref: string;
  /** without registry defaults: `python`, `library/python`, `docker.io/library/python` all read `python` */
  name: string;
  tag: string | null;
  digest: string | null;
}

export interface Stage {
  from: Step;
  /** `AS name`, lower-cased as the builder compares it */
  alias: string | null;
  /** the image named by FROM; null when FROM names an earlier stage or has no argument */
  image: ImageRef | null;
  parent: Stage | null;
  /** the instructions after FROM, up to the next FROM */
  steps: Step[];
  /** the working directory and environment after the stage's last step, what `FROM <stage>` inherits */
  workdir: string | null;
  env: Readonly<Record<string, string>>;
}

export interface Model {
  /** every instruction in file order, including unknown ones and those before the first FROM */
  all: Step[];
  stages: Stage[];
}

export function readDockerfile(text: string): Model {
  const dockerfile = DockerfileParser.parse(text);
  const escape = dockerfile.getEscapeCharacter();
  const all: Step[] = [];
  const stages: Stage[] = [];
  let current: Stage | null = null;

  for (const instruction of dockerfile.getInstructions()) {
    const keyword = instruction.getKeyword();
    const step = toStep(
      instruction,
      keyword,
      escape,
      current !== null || keyword === 'FROM',
      current?.workdir ?? null,
      current?.env ?? {},
    );
    all.push(step);
    if (keyword === 'FROM') {
      const parent = findStage(stages, step.args[0]);
      current = {
        from: step,
        alias: aliasOf(step.args),
        image: parent || step.args[0] === undefined ? null : parseImageRef(step.args[0]),
        parent,
        steps: [],
        workdir: parent?.workdir ?? null,
        env: parent?.env ?? {},
      };
      stages.push(current);
      continue;
    }
    if (!current) continue;
    current.steps.push(step);
    // [LOCAL] `WORKDIR /my app` built: the whole argument text is the path.
    if (keyword === 'WORKDIR' && step.args.length > 0)
      current.workdir = resolvePath(current.workdir ?? '/', step.args.join(' '));
    if (keyword === 'ENV')
      current.env = {
        ...current.env,
        ...Object.fromEntries(step.properties.map(([name, value]) => [name, value ?? ''])),
      };
  }
  return { all, stages };
}

function toStep(
  instruction: Instruction,
  keyword: string,
  escape: string,
  expand: boolean,
  workdir: string | null,
  env: Record<string, string>,
): Step {
  const range = instruction.getRange();
  const written = instruction.getArguments();
  // Before the first FROM only FROM itself is expanded (against the ARGs above it): nothing else
  // belongs there, and dockerfile-ast 0.7's resolver recurses without end on a variable in an
  // indented first line (` WORKDIR $!`).
  const argumentList =
    expand && EXPANDED.has(keyword) ? instruction.getExpandedArguments() : written;
  const text = joinContinuations(instruction.getRawArgumentsContent() ?? '', escape);
  return {
    keyword,
    known: KEYWORDS.has(keyword),
    line: range.start.line + 1,
    lastLine: range.end.line + 1,
    instruction: joinContinuations(instruction.getTextContent(), escape),
    args: argumentList.map((a) => a.getValue()),
    rawArgs: written.map((a) => a.getValue()),
    text,
    flags: flagsOf(instruction),
    exec: parseExecForm(text),
    properties: propertiesOf(instruction),
    workdir,
    env,
  };
}

/**
 * The builder removes each escape character that ends a line together with the newline, and
 * skips comment and blank lines inside a continuation ([LOCAL] shell-form CMD split over two
 * lines became `/bin/sh -c "uvicorn … 0.0.0.0     --port 8000"` in the image config).
 */
export function joinContinuations(raw: string, escape: string): string {
  let out = '';
  let continued = false;
  for (const line of raw.split(/\r?\n/)) {
    if (continued && (line.trim() === '' || line.trimStart().startsWith('#'))) continue;
    const trimmed = trimBlanksEnd(line);
    continued = escape !== '' && trimmed.endsWith(escape);
    out += continued ? trimmed.slice(0, -escape.length) : `${line}\n`;
  }
  return out.trim();
}

/**
 * The line without its trailing spaces and tabs. A loop, not `/[ \t]+$/`: on Node that regular
 * expression backtracks quadratically over a long blank run that a character ends (audit F4:
 * 6.9 s for one 99 000-character line).
 */
function trimBlanksEnd(line: string): string {
  let end = line.length;
  while (end > 0 && (line[end - 1] === ' ' || line[end - 1] === '\t')) end--;
  return line.slice(0, end);
}

/** Docker's rule: arguments that parse as a JSON array of strings are exec form; anything else is shell form. */
function parseExecForm(text: string): string[] | null {
  if (!text.startsWith('[')) return null;
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) && value.every((v) => typeof v === 'string') ? value : null;
  } catch {
    return null; // not JSON: the builder runs the line through /bin/sh -c
  }
}

function flagsOf(instruction: Instruction): Record<string, string | null> {
  const flags: Record<string, string | null> = {};
  if ('getFlags' in instruction) {
    for (const flag of (instruction as ModifiableInstruction).getFlags())
      flags[flag.getName().toLowerCase()] = flag.getValue();
  }
  return flags;
}

/** dockerfile-ast's `getValue()` already removes the quotes and escapes, as the builder does. */
function propertiesOf(instruction: Instruction): [string, string | null][] {
  if (!('getProperties' in instruction)) return [];
  const properties = (
    instruction as Instruction & {
      getProperties(): { getName(): string; getValue(): string | null }[];
    }
  ).getProperties();
  return properties.map((p) => [p.getName(), p.getValue()]);
}

function aliasOf(args: readonly string[]): string | null {
  return args.length >= 3 && args[1]?.toUpperCase() === 'AS' ? (args[2] ?? '').toLowerCase() : null;
}

function findStage(stages: readonly Stage[], name: string | undefined): Stage | null {
  if (name === undefined) return null;
  const wanted = name.toLowerCase();
  return [...stages].reverse().find((s) => s.alias === wanted) ?? null;
}
