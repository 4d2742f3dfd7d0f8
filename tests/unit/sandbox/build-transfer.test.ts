/**
 * What a build says it transferred, against the real engine given the same files
 * (tests/fixtures/sandbox/real/engine-28/transfer-sizes.txt: Engine 28.5, buildx 0.29): the
 * Dockerfile and each COPY source as BuildKit's fsutil sends them, sized as buildx prints them.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { demoSandbox } from './helpers.ts';

const recorded = readFileSync(
  new URL('../../fixtures/sandbox/real/engine-28/transfer-sizes.txt', import.meta.url),
  'utf8',
);

/** Each recorded build: its command, the file it copies and that file's size, and its transferring lines. */
const builds = recorded
  .split(/^(?=\$ )/m)
  .filter((block) => block.startsWith('$ '))
  .map((block) => {
    const [command = '', ...lines] = block.trim().split('\n');
    const [, run = '', file = '', bytes = '0'] =
      /^\$ (.*?)\s+# (\S+): (\d+) bytes$/.exec(command) ?? [];
    return { run, file, bytes: Number(bytes), lines: lines.join('\n') };
  });

const transferring = (output: string) =>
  output
    .split('\n')
    .filter((line) => /transferring (?:context|dockerfile):/.test(line))
    .join('\n');

describe('transferring dockerfile / context, as the engine counted them', () => {
  it('reads six recorded builds', () =>
    expect(builds.map((b) => b.bytes)).toEqual([127, 128, 200, 16383, 16384, 0]));

  it.each(builds.map((b) => [b.file, b] as const))('COPY %s', async (file, build) => {
    const letter = file.slice(0, 1);
    const { run } = demoSandbox({
      [file]: 'x'.repeat(build.bytes),
      [`Dockerfile.${letter}`]: `FROM python:3.14-slim\nCOPY ${file} /x\n`,
    });
    const built = await run(build.run);
    expect(built.exitCode).toBe(0);
    expect(transferring(built.output)).toBe(build.lines);
  });
});

it('loads the build context right after FROM, before the first step, as the lessons show', async () => {
  const { run } = demoSandbox();
  const built = await run('docker build --progress=plain -t demo-image:latest .');
  const lesson = readFileSync(
    new URL('../../../content/outputs/build-first-plain.txt', import.meta.url),
    'utf8',
  );
  const heads = (text: string) => text.split('\n').filter((l) => /^#\d+ \[/.test(l));
  expect(heads(built.output)).toEqual(heads(lesson));
  expect(built.output).toContain('#1 transferring dockerfile: 662B done');
});
