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
    expect(
      (await exposedPortsOf(projectFile('tests/unit/dockerfile/real/expose-forms.Dockerfile')))
        .output,
    ).toBe(image?.output);
  });

  // A word the engine refuses stops its build before any step, with the frontend's reason; the
  // engine's BuildKit 0.8 capitalised it ("Invalid containerPort"), current BuildKit does not.
  it.each(single.map((r) => [/EXPOSE %s\\n' '([^']*)'/.exec(r.command)?.[1] ?? '', r] as const))(
    'EXPOSE %s',
    async (word, run) => {
      const { run: sh } = demoSandbox({ Dockerfile: `FROM python:3.13-slim\nEXPOSE ${word}\n` });
      const built = await sh('docker build -q -t probe .');
      if (run.exitCode === 0) {
        expect(built.exitCode).toBe(0);
        expect(await sh("docker image inspect -f '{{json .Config.ExposedPorts}}' probe")).toEqual({
          output: run.output,
          exitCode: 0,
        });
        return;
      }
      const reason = /failed to create LLB definition: (.*)$/.exec(run.output.trim())?.[1];
      expect(reason).toBeTruthy();
      expect(built.exitCode).toBe(1);
      expect(built.output.toLowerCase()).toContain(
        `error: failed to build: failed to solve: ${reason!.toLowerCase()}`,
      );
    },
  );
});

describe('uvicorn reads its arguments and environment', () => {
  // click also suggests near option names, `(Possible options: --reload, …)`; the simulator does not.
  const withoutSuggestion = (text: string) => text.replace(/ \(Possible options: [^)]*\)/, '');

  it.each(uvicornRuns().map((r) => [r.label, r] as const))('%s', (_, run) => {
    const parsed = parseServerArgs('uvicorn', run.args, {
      fs: new Vfs(manualClock()),
      cwd: run.cwd,
      env: run.env,
    });
    if (run.url !== null) expect(parsed.ok && listeningUrl(parsed.value)).toBe(run.url);
    else
      expect(
        parsed.ok ? parsed.value : { message: parsed.message, exitCode: parsed.exitCode },
      ).toEqual({ message: withoutSuggestion(run.output), exitCode: run.exitCode });
  });
});
