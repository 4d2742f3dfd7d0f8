/**
 * The sandbox's curl against real curl 7.88.1: every command of
 * tests/fixtures/sandbox/real/curl-flags/ was run on the lab's host against the same app in a
 * container (record.sh), and the sandbox must print the same bytes and exit with the same code.
 * Only what differs between two honest runs is normalised: the `date` header, the progress meter's
 * speeds, a pointer in curl's memory, the milliseconds a refused connection took. A few commands differ on purpose, each for a reason below.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoSandbox } from './helpers.ts';
import { usePython } from '../python/use-python.ts';

usePython();

const DIR = new URL('../../fixtures/sandbox/real/curl-flags/', import.meta.url).pathname;

function projectFiles(root: string, prefix = ''): Record<string, { text: string; mode: number }> {
  const files: Record<string, { text: string; mode: number }> = {};
  for (const name of readdirSync(join(root, prefix))) {
    const path = join(prefix, name);
    if (statSync(join(root, path)).isDirectory()) Object.assign(files, projectFiles(root, path));
    else files[path] = { text: readFileSync(join(root, path), 'utf8'), mode: 0o644 };
  }
  return files;
}

function recordedRuns(): { command: string; output: string; exitCode: number }[] {
  const text = readFileSync(join(DIR, 'runs.txt'), 'utf8');
  const parts = text.split(/^=== (?!exit \d+$)(.*)\n/m);
  const runs = [];
  for (let i = 1; i < parts.length; i += 2) {
    const m = /\n=== exit (\d+)\n$/.exec(parts[i + 1]!)!;
    runs.push({
      command: parts[i]!,
      output: parts[i + 1]!.slice(0, m.index),
      exitCode: Number(m[1]),
    });
  }
  return runs;
}

const normalise = (text: string) =>
  text
    .replace(/^(< )?date: .*$/gm, '$1date: <date>')
    .replace(/0x[0-9a-f]+/g, '0x<pointer>')
    // how long a refused connection took on a busy machine
    .replace(/\bafter \d+ ms\b/g, 'after <n> ms')
    // The progress meter redraws one line (\r) with speeds and times: each reading is `<meter>`.
    .replace(
      /\r? *\d+ +\d+ +\d+ +\d+ +\d+ +\d+ +\d+ +\d+ --:--:-- --:--:-- --:--:-- +\d+/g,
      '<meter>',
    )
    .replace(/(?:<meter>)+/g, '<meter>');

/** Where the sandbox answers otherwise on purpose. */
const DIFFERS: Record<string, RegExp> = {
  // a real option the sandbox lacks: one line says so
  'curl --cert x.pem localhost:4421/': /^curl --cert: not simulated in this browser terminal;/,
  'curl -sS -G -d x=1 localhost:4421/': /^curl -G: not simulated/,
  'curl -sS -k https://localhost:4421/': /^curl -k: not simulated/,
  // timing and the client's port come from a real network
  "curl -s -w '%{time_total}\\n' -o /dev/null localhost:4421/":
    /^curl -w '%\{time_total\}': not simulated/,
  "curl -s -w '%{local_port}\\n' -o /dev/null localhost:4421/":
    /^curl -w '%\{local_port\}': not simulated/,
  "curl -s -w '%{json}\\n' -o /dev/null localhost:4421/": /^curl -w '%\{json\}': not simulated/,
  // the lab has no internet; a learner's machine would fetch the page
  'curl -sS http://example.com/': /^curl example\.com: not simulated/,
  // the lab's recorder ran as root; the learner in the sandbox may not write to /etc
  'curl -sS -o /etc/nope.txt localhost:4421/':
    /^curl: \(23\) Failure writing output to destination/,
  // -X HEAD waits for a body the server never sends, until -m: a real socket's behaviour
  'curl -sS -i -X HEAD localhost:4421/ -m 3': /^HTTP\/1\.1 405 Method Not Allowed/,
};

describe('curl in the sandbox prints what curl 7.88.1 printed on the lab', async () => {
  const { run } = demoSandbox(projectFiles(join(DIR, 'project')));
  const ready = (async () => {
    await run('mkdir sub', 'docker build -q -t shell-curl-image .');
    const started = await run(
      'docker run -d --name shell-curl -p 127.0.0.1:4421:8000 shell-curl-image',
    );
    expect(started.exitCode).toBe(0);
  })();

  it.each(recordedRuns().map((r) => [r.command, r] as const))('%s', async (command, real) => {
    await ready;
    const sim = await run(command);
    const differs = DIFFERS[command];
    if (differs) expect(sim.output).toMatch(differs);
    else {
      expect(normalise(sim.output)).toBe(normalise(real.output));
      expect(sim.exitCode).toBe(real.exitCode);
    }
  });
});
