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

const trees = readFileSync(
  new URL('../../fixtures/sandbox/real/engine-28/transfer-trees.txt', import.meta.url),
  'utf8',
);

/** Each recorded tree: its files, its COPY line, and the context's transfer line, then after each change. */
const treeBuilds = trees
  .split(/^(?=\$ docker build --no-cache)/m)
  .filter((block) => block.startsWith('$ '))
  .map((block) => {
    const [, copy = '', listed = ''] = /\/ (COPY .*); files: (.*)$/m.exec(block) ?? [];
    // `d/f{000..199}=10`: two hundred files, as bash's brace expansion names them.
    const names = (spec: string) => {
      const [, head = spec, from = '', to = '', tail = ''] =
        /^(.*)\{(\d+)\.\.(\d+)\}(.*)$/.exec(spec) ?? [];
      if (!from) return [spec];
      return Array.from(
        { length: Number(to) - Number(from) + 1 },
        (_, i) => `${head}${String(Number(from) + i).padStart(from.length, '0')}${tail}`,
      );
    };
    const files = Object.fromEntries(
      listed.split(' ').flatMap((f) => {
        const [spec = '', size = '0'] = f.split('=');
        return names(spec).map((name) => [name, 'x'.repeat(Number(size))]);
      }),
    );
    // The time beside a transfer (`0.0s`) is the engine's own and goes.
    const results = [...block.matchAll(/^#5 (transferring context: .*)$/gm)].map((m) =>
      m[1]!.replace(/ \d+\.\ds(?= done$)/, ''),
    );
    const changes = [...block.matchAll(/^\$ (.*); docker build --progress=plain/gm)].map(
      (m) => m[1]!,
    );
    return { copy, listed, files, results, changes };
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

describe('the build context of a tree, first sent and sent again, as the engine counted it', () => {
  it('reads fourteen recorded trees', () => expect(treeBuilds).toHaveLength(14));

  it.each(treeBuilds.map((t) => [`${t.copy} (${t.listed})`, t] as const))('%s', async (_, tree) => {
    const { run } = demoSandbox({
      ...tree.files,
      Dockerfile: `FROM python:3.14-slim\n${tree.copy}\n`,
    });
    const seen = [];
    const first = await run('docker build --no-cache --progress=plain -t ctxfit .');
    seen.push(
      /#\d+ (transferring context: .*)$/m.exec(
        first.output.split('load build context')[1] ?? '',
      )?.[1],
    );
    for (const change of tree.changes) {
      await run(change);
      const again = await run('docker build --progress=plain -t ctxfit .');
      seen.push(
        /#\d+ (transferring context: .*)$/m.exec(
          again.output.split('load build context')[1] ?? '',
        )?.[1],
      );
    }
    expect(seen).toEqual(tree.results);
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
