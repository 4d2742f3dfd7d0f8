import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.ts';

const fixture = (name: string) =>
  readFileSync(new URL(`../../fixtures/docker-output/${name}.txt`, import.meta.url), 'utf8');
const fixturePath = (name: string) =>
  new URL(`../../fixtures/docker-output/${name}.txt`, import.meta.url).pathname;
const schema = JSON.parse(
  readFileSync(
    new URL('../../../../shared/contracts/explain.schema.json', import.meta.url),
    'utf8',
  ),
);
const validate = new Ajv2020({ strict: false }).compile(schema);
const dockerfile = readFileSync(
  new URL('../../../content/workspace/solution/Dockerfile', import.meta.url),
  'utf8',
);

describe('layerwise explain', () => {
  it.each([
    'lab/build-run-failed-plain',
    'lab/ps-exposed',
    'lab/curl-reset',
    'public/windows-docker-exe',
    '',
  ])('--json keeps to the contract for %s', async (name) => {
    const r = await runCli(['explain', '--json'], name ? fixture(name) : '');
    expect(r.code).toBe(0);
    expect(validate(JSON.parse(r.stdout)), JSON.stringify(validate.errors)).toBe(true);
  });

  it('prints parts and findings with line numbers for a human, from a file', async () => {
    const r = await runCli(['explain', fixturePath('lab/build-run-failed-plain')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/docker build, buildkit-plain: failed \(run-failed\)/);
    expect(r.stdout).toMatch(/error \(line \d+\): /);
  });

  it('reads a Dockerfile and lists what to change', async () => {
    const r = await runCli(
      ['explain', '--json'],
      dockerfile.replace(/python:3\.\d+-slim/, 'python:3.8'),
    );
    const out = JSON.parse(r.stdout);
    expect(validate(out)).toBe(true);
    expect(out.findings.map((f: { id: string }) => f.id)).toContain('base-image-eol');
  });

  it('F3: refuses input past what the parser holds (the audit: 8 MiB of newlines took 15 s and 1.25 GB) at once, from a file or stdin', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lw-big-'));
    const big = join(dir, 'big.txt');
    writeFileSync(big, '\n'.repeat(8 * 1024 * 1024));
    try {
      for (const r of [
        await runCli(['explain', '--json', big]),
        await runCli(['check', 'first-build'], '\n'.repeat(8 * 1024 * 1024)),
      ]) {
        expect(r.code).toBe(2);
        expect(r.stderr).toMatch(/Layerwise reads at most 5 MB/);
      }
    } finally {
      rmSync(dir, { recursive: true });
    }
  });

  it.each([
    [['explain', '--nope'], 'unknown option --nope'],
    [['explain', 'a', 'b'], 'give at most one FILE'],
    [['explain', '/does/not/exist'], 'There is no file /does/not/exist.'],
  ])('refuses %j with a clear message and exit 2', async (args, message) => {
    const r = await runCli(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });
});

describe('layerwise check', () => {
  it.each([
    ['first-build', 'lab/build-first-plain', 0],
    ['cached-rebuild', 'lab/build-bad-order-plain', 1],
    ['container-running', 'lab/build-first-plain', 2],
  ])('%s on %s exits %i', async (id, name, code) => {
    const r = await runCli(['check', id], fixture(name));
    expect(r.code).toBe(code);
  });

  it('prints ✓/✗ lines with the quoted input line, and --json prints the Verdict', async () => {
    const human = await runCli(['check', 'cached-rebuild'], fixture('lab/build-bad-order-plain'));
    expect(human.stdout).toContain('✗ [4/4] RUN pip install');
    expect(human.stdout).toMatch(/line \d+: #7 \[3\/4\] COPY \. \/demo/);
    const json = JSON.parse(
      (await runCli(['check', 'cached-rebuild', '--json'], fixture('lab/build-bad-order-plain')))
        .stdout,
    );
    expect(json.status).toBe('fail');
    expect(json.evidence).toBe('paste');
  });

  it('lists the known exercises for an unknown id', async () => {
    const r = await runCli(['check', 'frist-build'], '');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('there is no exercise "frist-build"');
    expect(r.stderr).toContain('cached-rebuild');
  });

  it('checks a Dockerfile given as a file', async () => {
    const r = await runCli([
      'check',
      'dockerfile-written',
      new URL('../../../content/workspace/solution/Dockerfile', import.meta.url).pathname,
    ]);
    expect(r.code).toBe(0);
  });
});

describe('layerwise --help', () => {
  it('lists the commands and exits 0; no command at all exits 2 with the same list', async () => {
    const help = await runCli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/explain .*\n.*check /s);
    expect((await runCli([])).code).toBe(2);
    expect((await runCli(['check', '--help'])).stdout).toContain('Usage: layerwise check EXERCISE');
  });
});
