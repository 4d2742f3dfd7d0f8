/** Bad input gets a message, never a crash: random text, binary, ANSI, CRLF, huge lines. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCommandLine } from '../../../src/core/sandbox/shell/parse.ts';
import { readBuildDefinition } from '../../../src/core/sandbox/docker/build/definition.ts';
import { demoSandbox } from './helpers.ts';
import { usePython } from '../python/use-python.ts';

usePython();

describe('never throws', () => {
  it('parseCommandLine on any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) =>
        ['ok', 'incomplete', 'error', 'unsupported'].includes(parseCommandLine(s).kind),
      ),
    );
  });

  it('readBuildDefinition on any text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => {
        readBuildDefinition(s);
        return true;
      }),
    );
  });

  it('runLine on random command lines made of shell-ish pieces', async () => {
    const piece = fc.constantFrom(
      'docker',
      'build',
      'run',
      '-p',
      '8000:8000',
      '-d',
      '.',
      '|',
      '&&',
      ';',
      '>',
      'x',
      '"',
      "'",
      'curl',
      'localhost:8000',
      'ls',
      '-la',
      'cat',
      '<<EOF',
      'EOF',
      '\n',
      '$HOME',
      '*',
      'rm',
      '-rf',
      'ps',
      '-a',
      'images',
      '\x1b[A',
      '\r\n',
    );
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { maxLength: 12 }), async (pieces) => {
        const { sandbox } = demoSandbox();
        const result = await sandbox.runLine(pieces.join(' '), { tty: false });
        return Number.isInteger(result.exitCode) && typeof result.output === 'string';
      }),
      { numRuns: 150 },
    );
  });

  it.each([
    ['binary bytes', 'cat \u0000\u0001\u0002'],
    ['ANSI in the line', 'echo \x1b[31mred\x1b[0m'],
    ['CRLF line end', 'echo hi\r\n'],
    ['a huge line', `echo ${'x'.repeat(200_000)}`],
    ['a build of a binary Dockerfile', "printf '\\0\\1\\2' > Dockerfile && docker build -t x ."],
    [
      'a huge app file',
      `printf '%s' '${'#'.repeat(100_000)}' > app/main.py && docker build -q -t x . > /dev/null && docker run -d -p 8000:8000 x > /dev/null && curl -s localhost:8000`,
    ],
  ])('%s', async (_, line) => {
    const { sandbox } = demoSandbox();
    const result = await sandbox.runLine(line, { tty: false });
    expect(Number.isInteger(result.exitCode)).toBe(true);
  });
});
