/**
 * Lines docker build refuses before it runs anything: unknown instructions, missing arguments,
 * instructions before the first FROM. The quoted builder messages were seen on the engine
 * ([LOCAL] BuildKit 0.8, see tests/fixtures/dockerfile/ENGINE-FACTS.md).
 */
import { Keyword } from 'dockerfile-ast';
import type { Finding } from '../../docker/index.ts';
import { finding } from '../finding.ts';
import { exposeWords, readExposeWord } from '../exposed-ports.ts';
import type { Step } from '../model.ts';
import { editDistance, quote } from '../wording.ts';
import type { Rule } from './context.ts';

/** The fewest arguments each instruction needs, and what BuildKit says when they are missing. */
const REQUIRED: Readonly<Record<string, { min: number; says: string }>> = {
  FROM: { min: 1, says: 'FROM requires either one or three arguments' },
  COPY: {
    min: 2,
    says: 'COPY requires at least two arguments, but only one was provided. Destination could not be determined',
  },
  ADD: {
    min: 2,
    says: 'ADD requires at least two arguments, but only one was provided. Destination could not be determined',
  },
  ENV: { min: 1, says: 'ENV requires at least one argument' },
  ARG: { min: 1, says: 'ARG requires at least one argument' },
  EXPOSE: { min: 1, says: 'EXPOSE requires at least one argument' },
  WORKDIR: { min: 1, says: 'WORKDIR requires exactly one argument' },
  USER: { min: 1, says: 'USER requires exactly one argument' },
};

const COMMON = 'FROM, WORKDIR, COPY, RUN, EXPOSE or CMD';

export const structureRule: Rule = ({ model }) => [
  ...model.all.filter((s) => !s.known).map(unknownInstruction),
  ...model.all.flatMap(missingArguments),
  ...model.all.flatMap(invalidExpose),
  ...noFrom(model.all),
];

function unknownInstruction(step: Step, index: number, steps: readonly Step[]): Finding {
  const word = step.instruction.trim().split(/\s+/)[0] ?? step.keyword;
  const previous = steps[index - 1];
  return finding(
    'unknown-instruction',
    step.line,
    `${quote(word)} is not a Dockerfile instruction, so docker build stops at line ${step.line} with "unknown instruction: ${step.keyword}".`,
    hintForUnknown(step, previous),
  );
}

function hintForUnknown(step: Step, previous: Step | undefined): string {
  const looksContinued = /^(?:-|&&|\|\|)/.test(step.keyword);
  if (looksContinued && previous) {
    return `This line seems to continue line ${previous.lastLine}: end that line with a backslash (\\) so both form one instruction.`;
  }
  const close = step.keyword.length <= 20 ? closestKeyword(step.keyword) : null;
  return close
    ? `Did you mean ${close}? Write ${quote(step.instruction.replace(/^\s*\S+/, close))}.`
    : `Check the spelling: each instruction starts with a word such as ${COMMON}.`;
}

/** The instruction a misspelt word is nearest to: at most two edits, and fewer than the word is long. */
function closestKeyword(word: string): string | null {
  let best: string | null = null;
  let bestDistance = 3;
  for (const keyword of Object.values(Keyword)) {
    const distance = editDistance(word, keyword);
    if (distance < bestDistance && distance <= keyword.length - 2)
      [best, bestDistance] = [keyword, distance];
  }
  return best;
}

function missingArguments(step: Step): Finding[] {
  const rule = REQUIRED[step.keyword];
  if (!rule) return [];
  const count = step.exec?.length ?? step.args.length;
  const wrongFrom = step.keyword === 'FROM' && count !== 1 && count !== 3;
  if (count >= rule.min && !wrongFrom) return [];
  return [
    finding(
      'missing-arguments',
      step.line,
      `${quote(step.instruction)} is incomplete, so docker build stops with "${rule.says}".`,
      EXAMPLES[step.keyword] ?? `Complete the ${step.keyword} instruction.`,
    ),
  ];
}

const EXAMPLES: Readonly<Record<string, string>> = {
  FROM: 'Name one image, optionally with a stage name: FROM python:3.13-slim (or FROM python:3.13-slim AS build).',
  COPY: 'Give a source and a destination: COPY ./requirements.txt /demo/requirements.txt',
  ADD: 'Give a source and a destination, and prefer COPY for local files: COPY ./app /demo/app',
  ENV: 'Give a name and a value: ENV PYTHONUNBUFFERED=1',
  ARG: 'Give a name, optionally with a default: ARG PYTHON_VERSION=3.13',
  EXPOSE: 'Name the port the server listens on: EXPOSE 8000',
  WORKDIR: 'Name an absolute folder: WORKDIR /demo',
  USER: 'Name a user: USER nobody',
};

/**
 * [LOCAL] An EXPOSE word that is not a port stops the build before any step runs
 * (tests/fixtures/sandbox/real/build-expose-*.txt). The usual one: a `# comment` after the port,
 * since a # starts a comment only at the beginning of a line.
 */
function invalidExpose(step: Step): Finding[] {
  if (step.keyword !== 'EXPOSE') return [];
  // A variable the analysis could not expand is the builder's business, not a mistake seen here.
  for (const word of exposeWords(step.args).filter((w) => !w.includes('$'))) {
    const read = readExposeWord(word);
    if (!('error' in read)) continue;
    const comment = step.instruction.indexOf(' #');
    if (word.startsWith('#') && comment !== -1) {
      const note = step.instruction.slice(comment + 1).trim();
      return [
        finding(
          'expose-invalid',
          step.line,
          `A # starts a comment only at the beginning of a line: in ${quote(step.instruction)} docker build reads ${quote(word)} as a port and stops with "${read.error}".`,
          `Put the comment on its own line above: ${quote(note)}, then ${quote(step.instruction.slice(0, comment).trim())}.`,
        ),
      ];
    }
    return [
      finding(
        'expose-invalid',
        step.line,
        `${quote(word)} is not a port docker build can read, so it stops at ${quote(step.instruction)} with "${read.error}".`,
        EXAMPLES['EXPOSE']!.replace(/\.?$/, ', optionally with /tcp or /udp (EXPOSE 5353/udp).'),
      ),
    ];
  }
  return [];
}

/** [LOCAL] Anything but ARG before the first FROM: "no build stage in current context". */
function noFrom(steps: readonly Step[]): Finding[] {
  const firstFrom = steps.findIndex((s) => s.keyword === 'FROM');
  const early = steps.find(
    (s, i) => s.known && s.keyword !== 'ARG' && (firstFrom === -1 || i < firstFrom),
  );
  if (!early) return [];
  const message =
    firstFrom === -1
      ? 'There is no FROM line, so docker build stops with "no build stage in current context": every image starts from a base image.'
      : `${quote(early.instruction)} comes before the first FROM, so docker build stops with "no build stage in current context".`;
  return [
    finding(
      'no-from',
      early.line,
      message,
      'Start the Dockerfile with FROM, e.g. FROM python:3.13-slim; only ARG may come before it.',
    ),
  ];
}
