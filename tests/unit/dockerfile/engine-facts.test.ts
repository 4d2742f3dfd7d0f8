/**
 * The Dockerfile model against what the real builder made of the same files
 * (tests/unit/dockerfile/real/README.md): instruction text with comment lines dropped, and ENV
 * values with one level of quotes and escapes removed. The sandbox builds on this model.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readDockerfile } from '../../../src/core/dockerfile/model.ts';
import { configForm } from '../../../src/core/dockerfile/start-command.ts';
import { parse } from '../../../src/core/docker-output/index.ts';

const real = (name: string) => readFileSync(new URL(`real/${name}`, import.meta.url), 'utf8');

describe('comment lines inside a continued instruction', () => {
  const steps = readDockerfile(real('context/Dockerfile')).all;
  const build = parse(real('build-plain.txt')).find((p) => p.kind === 'build');
  const shown = build?.kind === 'build' ? build.build.steps.map((s) => s.instruction) : [];

  it.each(steps.filter((s) => s.keyword === 'RUN').map((s) => [s.line, s] as const))('RUN on line %i reads as the builder named it', (_, step) => {
    expect(shown).toContain(`RUN ${step.text}`);
  });

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
