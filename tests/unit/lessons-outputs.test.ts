/**
 * The outputs the lessons show: each one is a file the manifest accounts for, each captured one still
 * keeps every claim its lesson makes (the real-engine tests check the same claims on fresh runs), and
 * the figures the lessons quote from them hold.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { claimProblems, claimsOn } from '../../scripts/capture-outputs/claims.ts';
import { OTHER_MODES, stepsOf } from '../../scripts/capture-outputs/lab.ts';
import { rawImports, readLessons } from '../../scripts/capture-outputs/lesson-sources.ts';
import {
  isPublic,
  OUTPUTS,
  readManifest,
  type CapturedOutput,
} from '../../scripts/capture-outputs/outputs.ts';
import { SCENARIOS } from '../../scripts/capture-outputs/scenarios/index.ts';
import {
  NOT_SHOWN,
  shownBesideReference,
  variantProblems,
} from '../../scripts/capture-outputs/variants.ts';
import { parse } from '../../src/core/docker-output/index.ts';
import { stepSeconds, ttyBuildSeconds } from '../../src/content/build-timings.ts';

const manifest = readManifest();
const lessons = readLessons();
const imports = lessons.flatMap((l) => rawImports(l).map((i) => ({ slug: l.slug, file: i.file })));
const outputFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) =>
    statSync(join(dir, name)).isDirectory() ? outputFiles(join(dir, name)) : [join(dir, name)],
  );
const shownOutputs = outputFiles(OUTPUTS)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => relative(OUTPUTS, f));
const read = (file: string) => readFileSync(join(OUTPUTS, file), 'utf8');

/** The `<Code …>` frames in which a lesson shows an output file (through its ?raw imports). */
function framesShowing(file: string, slug: string): string[] {
  const lesson = lessons.find((l) => l.slug === slug)!;
  return rawImports(lesson)
    .filter((i) => i.file === join(OUTPUTS, file))
    .flatMap((i) =>
      [...lesson.body.matchAll(new RegExp(`<Code code=\\{${i.name}\\}[^>]*>`, 'g'))].map(
        (m) => m[0],
      ),
    );
}

/** The output of each command of a captured session, split at the prompts the capture wrote. */
function sessionOutputs(text: string, commands: string[]): string[] {
  let rest = text;
  return commands.map((command, i) => {
    const start = `$ ${command}\n`;
    if (!rest.startsWith(start))
      throw new Error(`the session does not continue with "$ ${command}"`);
    rest = rest.slice(start.length);
    const next = commands[i + 1];
    const end = next === undefined ? rest.length : rest.indexOf(`$ ${next}\n`);
    const output = rest.slice(0, end);
    rest = rest.slice(end);
    return output;
  });
}

describe('the outputs the lessons show', () => {
  it('every ?raw import of a lesson is a file that exists', () => {
    expect(imports.filter((i) => !existsSync(i.file)).map((i) => `${i.slug}: ${i.file}`)).toEqual(
      [],
    );
  });

  it('the manifest lists exactly the output files there are', () => {
    expect(Object.keys(manifest.outputs).sort()).toEqual([...shownOutputs].sort());
  });

  it('every output is shown by the lesson the manifest names, and none is left unused', () => {
    for (const [file, entry] of Object.entries(manifest.outputs)) {
      if (!isPublic(entry) && entry.lab && !shownBesideReference(file, entry.lab)) continue;
      const users = imports.filter((i) => i.file === join(OUTPUTS, file)).map((i) => i.slug);
      expect(users, file).toContain(entry.lesson);
    }
  });

  it('public outputs say where they were published', () => {
    for (const entry of Object.values(manifest.outputs).filter(isPublic))
      expect(entry.source).toMatch(/^https:\/\//);
  });

  const captured = Object.entries(manifest.outputs).filter(
    (e): e is [string, CapturedOutput] => !isPublic(e[1]),
  );

  it.each(captured)(
    '%s was captured on the lab the lessons describe, with its versions and date',
    (_file, entry) => {
      expect(entry.capturedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
      // The introduction and the version notes ("older versions say …") are written for this lab: if it
      // changes, these fail, and the notes need a review along with the new captures.
      const engine = entry.lab === 'engine-20' ? /^20\.10\./ : /^28\.5\./;
      expect(entry.versions.dockerEngine).toMatch(engine);
      expect(entry.versions.imageStore).toBe(entry.lab === 'containerd' ? 'containerd' : 'classic');
      if (entry.lab !== 'engine-20') {
        expect(entry.versions.dockerClient).toMatch(/^28\.5\./);
        expect(entry.versions.buildx).toMatch(/^0\.29\./);
        expect(entry.versions.compose).toMatch(/^2\.40\./);
      }
      expect(entry.versions.curl).toMatch(/^curl 7\.88\./);
      expect(entry.versions.baseImage).toContain('Python 3.14.8, fastapi 0.143.3, uvicorn 0.53.0');
    },
  );

  it.each(captured)('%s still matches its scenario and keeps its claims', (file, entry) => {
    const scenario = SCENARIOS.find((s) => s.name === entry.scenario);
    expect(scenario, `no scenario "${entry.scenario}": capture again`).toBeDefined();
    const mode = entry.lab ?? 'classic';
    const name = entry.lab ? file.slice(entry.lab.length + 1) : file;
    const steps = stepsOf(scenario!).filter(
      (s) => `${s.capture}.txt` === name && (!s.only || s.only.includes(mode)),
    );
    expect(entry.commands, 'the scenario changed since this was captured: capture again').toEqual(
      steps.map((s) => s.shown ?? s.run),
    );
    const outputs = sessionOutputs(read(file), entry.commands);
    const problems = steps.flatMap((step, i) =>
      claimProblems(outputs[i]!, entry.exitCodes[i] ?? null, claimsOn(step, mode)).map(
        (p) => `$ ${entry.commands[i]}: ${p}`,
      ),
    );
    expect(problems).toEqual([]);
  });

  // Issue 11: a capture on the containerd image store (Docker Desktop's and Engine 29's default) and on
  // Engine 20.10 exists for every output whose session runs there; one whose text differs is shown
  // beside the reference in its lesson, labelled, unless NOT_SHOWN says why not.
  const references = captured.filter(([, entry]) => !entry.lab);
  const labels = {
    containerd: 'containerd image store',
    'engine-20': "Engine 20.10, Debian 12's docker.io",
  } as const;
  describe.each(OTHER_MODES.map((mode) => [mode] as const))('on %s', (mode) => {
    it.each(references)('%s was captured there too, against its current text', (file) => {
      expect(variantProblems(manifest, file, mode)).toEqual([]);
    });

    const shown = captured.filter(
      ([file, entry]) => entry.lab === mode && shownBesideReference(file, mode),
    );
    it.each(shown)(`%s is shown in its lesson, labelled as ${labels[mode]}`, (file, entry) => {
      const frames = framesShowing(file, entry.lesson);
      expect(frames, `${entry.lesson} does not show ${file}`).not.toEqual([]);
      for (const frame of frames) expect(frame).toContain(labels[mode]);
    });

    it('each difference left unshown is a capture there, and no lesson shows it', () => {
      for (const name of Object.keys(NOT_SHOWN[mode])) {
        const file = `${mode}/${name}`;
        expect(manifest.outputs[file], `${file} is not a capture`).toBeDefined();
        expect(imports.filter((i) => i.file === join(OUTPUTS, file))).toEqual([]);
      }
    });
  });

  // Issue 11: Podman's own build output, from a public source, beside the lessons' builds.
  const podmanOutputs = Object.entries(manifest.outputs).filter(
    ([file, entry]) => isPublic(entry) && /^public\/podman-/.test(file),
  );
  it('a Podman build is shown, each in a frame labelled Podman', () => {
    expect(podmanOutputs.map(([file]) => file)).toContain('public/podman-build-cached.txt');
    for (const [file, entry] of podmanOutputs) {
      const frames = framesShowing(file, entry.lesson);
      expect(frames, file).not.toEqual([]);
      for (const frame of frames) expect(frame).toMatch(/title="[^"]*Podman[^"]*"/);
    }
  });

  it('the Podman rebuild reads as lesson 6 says: steps 2 to 5 from the cache, step 6 run, a localhost/ name', () => {
    const text = read('public/podman-build-cached.txt');
    const steps = parse(text).flatMap((p) => (p.kind === 'build' ? p.build.steps : []));
    expect(steps.map((s) => `${s.index}/${s.total}${s.cached ? ' cached' : ''}`)).toEqual([
      '1/7',
      '2/7 cached',
      '3/7 cached',
      '4/7 cached',
      '5/7 cached',
      '6/7',
      '7/7',
    ]);
    expect(text).toMatch(
      /^COMMIT my-image\n--> [0-9a-f]{12}\nSuccessfully tagged localhost\/my-image:latest$/m,
    );
  });

  it('the timings lesson 6 quotes are there, and the rebuild is the faster', () => {
    const [first, cached, wrongOrder] = [
      'build-first.txt',
      'build-cached.txt',
      'build-wrong-order.txt',
    ].map(read) as [string, string, string];
    expect(ttyBuildSeconds(first)).not.toBeNull();
    expect(ttyBuildSeconds(cached)!).toBeLessThan(ttyBuildSeconds(first)!);
    expect(stepSeconds(first, 'RUN pip')).not.toBeNull();
    expect(stepSeconds(wrongOrder, 'RUN pip')).not.toBeNull();
  });

  it.each([
    ['build-first-plain.txt', 'plain'],
    ['build-first.txt', 'tty'],
  ])('%s reads as five steps, the course Dockerfile in order (%s)', (file) => {
    expect(
      parse(read(file))
        .flatMap((p) => (p.kind === 'build' ? p.build.steps : []))
        .map((s) => s.instruction.split(' ')[0]),
    ).toEqual(['FROM', 'WORKDIR', 'COPY', 'RUN', 'COPY']);
  });
});
