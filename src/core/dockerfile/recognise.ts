/**
 * Before and right after parsing: is this text a Dockerfile at all? Too large, binary, empty,
 * Python source or docker build output pasted by mistake each end the analysis with one finding.
 */
import { stripAnsi } from '../text/index.ts';
import type { Finding } from '../docker/index.ts';
import { finding } from './finding.ts';
import type { Model } from './model.ts';
import { quote } from './wording.ts';

/** A real Dockerfile is a few kB; past this the parser alone would take most of a second. */
export const MAX_CHARS = 100_000;

const CONTROL = /[\u0000-\u0008\u000e-\u001a\u001c-\u001f\ufffd]/g;

const BUILD_OUTPUT = [
  /^#\d+ (?:\[|DONE|CACHED|ERROR|building with|sha256:|transferring)/,
  /^\[\+\] Building /,
  /^ => /,
  /^Step \d+\/\d+ : /,
  /^STEP \d+\/\d+: /,
  /^Sending build context to Docker daemon/,
  /^Successfully (?:built|tagged) /,
];
const PYTHON =
  /^(?:from\s+[\w.]+\s+import\s|import\s+[\w.]+\s*$|(?:async\s+)?def\s+\w+\s*\(|class\s+\w+\s*[(:]|@\w[\w.]*\(|if\s+__name__\s*==|return\b)/;

const WRITE_A_DOCKERFILE =
  'A Dockerfile starts with FROM, e.g. FROM python:3.13-slim. Paste the whole file, as `cat Dockerfile` prints it.';

/** Cleans what a terminal adds (colour codes, a byte-order mark, CRLF), or says why the text cannot be read. */
export function screen(input: unknown): { text: string } | { stop: Finding } {
  const raw = typeof input === 'string' ? input : '';
  if (raw.length > MAX_CHARS) {
    return {
      stop: finding(
        'too-large',
        1,
        `This text is ${Math.round(raw.length / 1000)} kB long; a Dockerfile is a few kB at most, so it was not read.`,
        'Paste only the Dockerfile, as `cat Dockerfile` prints it.',
      ),
    };
  }
  const text = stripAnsi(raw.replace(/^\ufeff/, '')).replace(/\r\n/g, '\n');
  const controls = text.match(CONTROL)?.length ?? 0;
  if (text.includes('\u0000') || controls > text.length / 20) {
    return {
      stop: finding(
        'not-a-dockerfile',
        1,
        'This looks like binary data, not text: a Dockerfile is a plain text file.',
        WRITE_A_DOCKERFILE,
      ),
    };
  }
  return { text };
}

/** After parsing: an empty file, or text whose lines are mostly not Dockerfile instructions. */
export function recognise(model: Model, text: string): Finding | null {
  const lines = text.split('\n');
  const buildLine = lines.findIndex((l) => BUILD_OUTPUT.some((re) => re.test(l)));
  const buildLines = lines.filter((l) => BUILD_OUTPUT.some((re) => re.test(l))).length;
  if (buildLines >= 2 || (buildLine !== -1 && model.all.length === 0)) {
    return finding(
      'not-a-dockerfile',
      buildLine + 1,
      'This looks like the output of docker build, not a Dockerfile.',
      WRITE_A_DOCKERFILE,
    );
  }
  if (model.all.length === 0) {
    const empty = text.trim() === '';
    // [LOCAL] BuildKit says "the Dockerfile cannot be empty" and, for comments only, "file with no instructions".
    const message = empty
      ? 'The Dockerfile is empty; docker build stops with "the Dockerfile cannot be empty".'
      : 'The Dockerfile has only comments; docker build stops with "file with no instructions".';
    return finding('empty-dockerfile', 1, message, WRITE_A_DOCKERFILE);
  }
  const unknown = model.all.filter((s) => !s.known);
  const pythonLine = lines.findIndex((l) => PYTHON.test(l.trim()));
  const dockerLike = model.all.filter((s) => s.known && !PYTHON.test(s.instruction.trim())).length;
  if (pythonLine !== -1 && dockerLike <= unknown.length) {
    return finding(
      'not-a-dockerfile',
      pythonLine + 1,
      `This looks like Python code (line ${pythonLine + 1}: ${quote(lines[pythonLine] ?? '')}), not a Dockerfile.`,
      WRITE_A_DOCKERFILE,
    );
  }
  const first = unknown[0];
  if (first && unknown.length > model.all.length - unknown.length) {
    return finding(
      'not-a-dockerfile',
      first.line,
      `Line ${first.line} (${quote(first.instruction)}) is not a Dockerfile instruction, and neither are most other lines: this does not look like a Dockerfile.`,
      WRITE_A_DOCKERFILE,
    );
  }
  return null;
}
