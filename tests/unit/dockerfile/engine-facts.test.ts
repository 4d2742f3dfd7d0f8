/**
 * The Dockerfile model against what the real builder made of the same files
 * (tests/unit/dockerfile/real/README.md): instruction text with comment lines dropped, ENV values
 * with one level of quotes and escapes removed, EXPOSE words, and where uvicorn listens. The
 * sandbox builds on the same readers.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readDockerfile } from '../../../src/core/dockerfile/model.ts';
import { configForm } from '../../../src/core/dockerfile/start-command.ts';
import { parse } from '../../../src/core/docker-output/index.ts';
import { exposedPorts, readExposeWord } from '../../../src/core/dockerfile/exposed-ports.ts';
import { findServer, serverAddress } from '../../../src/core/dockerfile/server-command.ts';
import { realRuns, uvicornRuns } from './fixtures.ts';

const real = (name: string) => readFileSync(new URL(`real/${name}`, import.meta.url), 'utf8');

describe('comment lines inside a continued instruction', () => {
  const steps = readDockerfile(real('context/Dockerfile')).all;
  const build = parse(real('build-plain.txt')).find((p) => p.kind === 'build');
  const shown = build?.kind === 'build' ? build.build.steps.map((s) => s.instruction) : [];

  it.each(steps.filter((s) => s.keyword === 'RUN').map((s) => [s.line, s] as const))(
    'RUN on line %i reads as the builder named it',
    (_, step) => {
      expect(shown).toContain(`RUN ${step.text}`);
    },
  );

  it('CMD in shell form becomes the Config.Cmd the image got', () => {
    const cmd = steps.find((s) => s.keyword === 'CMD');
    expect(cmd && configForm(cmd)).toEqual(JSON.parse(real('inspect-cmd.json')));
  });
});

describe('ENV values with quotes and escapes', () => {
  it('are the values the image config holds', () => {
    const env = readDockerfile(real('env-quotes.Dockerfile')).all.find((s) => s.keyword === 'ENV');
    const config: string[] = JSON.parse(real('env-quotes-inspect.json'));
    expect(env?.properties.map(([name, value]) => `${name}=${value}`)).toEqual(config.slice(-3));
  });
});

describe('EXPOSE words', () => {
  const [image, ...single] = realRuns('expose-words.txt');

  it('the TCP ports of a stage are those the engine exposed; an unset variable leaves the list open', () => {
    const steps = readDockerfile(real('expose-forms.Dockerfile')).stages[0]?.steps ?? [];
    const exposed = Object.keys(JSON.parse(image?.output ?? '{}'));
    const tcp = exposed.filter((p) => p.endsWith('/tcp')).map((p) => Number(p.split('/')[0]));
    const read = exposedPorts(steps);
    expect([...read.ports].sort()).toEqual(tcp.sort());
    expect(read.unknown).toBe(true);
  });

  // `$UNSET` is the builder's expansion, not a word: the image above covers it.
  it.each(
    single
      .filter((r) => !r.command.includes("'$"))
      .map((r) => [/EXPOSE %s\\n' '([^']*)'/.exec(r.command)?.[1] ?? '', r] as const),
  )('EXPOSE %s', (word, run) => {
    const range = readExposeWord(word);
    if (run.exitCode === 0) {
      const keys =
        'error' in range
          ? range
          : Array.from(
              { length: range.last - range.first + 1 },
              (_, i) => `${range.first + i}/${range.protocol}`,
            );
      expect(keys).toEqual(Object.keys(JSON.parse(run.output)));
    } else {
      // The engine's BuildKit 0.8 capitalised the reason ("Invalid containerPort: abc"); current BuildKit does not.
      expect('error' in range && range.error.toLowerCase()).toBe(
        /failed to create LLB definition: (.*)$/.exec(run.output.trim())?.[1]?.toLowerCase(),
      );
    }
  });
});

describe('where uvicorn listens', () => {
  it.each(
    uvicornRuns()
      .filter((r) => r.url !== null)
      .map((r) => [r.label, r] as const),
  )('%s', (_, run) => {
    const server = findServer(['uvicorn', ...run.args]);
    const address = server && serverAddress(server, run.env);
    expect(address && `http://${address.host}:${address.port}`).toBe(run.url);
  });
});
