/**
 * The simulated builder and servers against what the real engine did with the same input
 * (tests/unit/dockerfile/real/README.md): EXPOSE words in the image config, and where uvicorn
 * listens, or how it refuses, given its arguments and environment.
 */
import { describe, expect, it } from 'vitest';
import { listeningUrl, parseServerArgs } from '../../../src/core/sandbox/app/uvicorn.ts';
import { manualClock } from '../../../src/core/sandbox/host/clock.ts';
import { Vfs } from '../../../src/core/sandbox/host/vfs.ts';
import { projectFile, realRuns, uvicornRuns } from '../dockerfile/fixtures.ts';
import { demoSandbox } from './helpers.ts';

const exposedPortsOf = async (dockerfile: string) => {
  const { run } = demoSandbox({ Dockerfile: dockerfile });
  await run('docker build -q -t probe .');
  return run("docker image inspect -f '{{json .Config.ExposedPorts}}' probe");
};

describe('EXPOSE in the simulated build', () => {
  const [image, ...single] = realRuns('expose-words.txt');

  it('gives the image the ExposedPorts the engine gave it', async () => {
    expect((await exposedPortsOf(projectFile('tests/unit/dockerfile/real/expose-forms.Dockerfile'))).output).toBe(image?.output);
  });

  // A word the engine refuses stops its build before any step; the simulator leaves the word out instead.
  it.each(single.map((r) => [/EXPOSE %s\\n' '([^']*)'/.exec(r.command)?.[1] ?? '', r] as const))('EXPOSE %s', async (word, run) => {
    const result = await exposedPortsOf(`FROM python:3.13-slim\nEXPOSE ${word}\n`);
    expect(result).toEqual({ output: run.exitCode === 0 ? run.output : 'null\n', exitCode: 0 });
  });
});

describe('uvicorn reads its arguments and environment', () => {
  // click also suggests near option names, `(Possible options: --reload, …)`; the simulator does not.
  const withoutSuggestion = (text: string) => text.replace(/ \(Possible options: [^)]*\)/, '');

  it.each(uvicornRuns().map((r) => [r.label, r] as const))('%s', (_, run) => {
    const parsed = parseServerArgs('uvicorn', run.args, { fs: new Vfs(manualClock()), cwd: run.cwd, env: run.env });
    if (run.url !== null) expect(parsed.ok && listeningUrl(parsed.value)).toBe(run.url);
    else expect(parsed.ok ? parsed.value : { message: parsed.message, exitCode: parsed.exitCode }).toEqual({ message: withoutSuggestion(run.output), exitCode: run.exitCode });
  });
});
