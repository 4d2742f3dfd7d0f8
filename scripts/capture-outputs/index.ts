/**
 * Reproduces every output the lessons show, on the real Docker Engine, into content/outputs/.
 *
 *   flock /tmp/layerwise-docker.lock -c 'npx tsx scripts/capture-outputs/index.ts [SCENARIO...]'
 *   npx tsx scripts/capture-outputs/index.ts --list
 *
 * Each scenario starts from a fresh copy of its project (content/workspace/), runs its commands as a
 * learner types them, and must keep every claim its lesson makes before anything is written.
 */
import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { scenarioProblems } from './claims.ts';
import { engineAnswers, runScenario, type Scenario, type StepResult } from './lab.ts';
import {
  isPublic,
  MANIFEST,
  OUTPUTS,
  readManifest,
  sessionText,
  type CapturedOutput,
  type LabVersions,
  type Manifest,
} from './outputs.ts';
import { SCENARIOS } from './scenarios/index.ts';

const sh = (command: string) =>
  spawnSync('bash', ['-c', command], { encoding: 'utf8' }).stdout.trim();

function labVersions(): LabVersions {
  const [client = '?', engine = '?'] = sh(
    `docker version --format '{{.Client.Version}} {{.Server.Version}}'`,
  ).split(' ');
  const python = sh(
    `docker run --rm python:3.13-slim python3 -c 'import sys, fastapi, uvicorn; print(sys.version.split()[0], fastapi.__version__, uvicorn.__version__)'`,
  ).split(' ');
  const id = sh(`docker image inspect python:3.13-slim --format '{{.Id}}'`).slice(7, 19);
  return {
    dockerClient: client,
    dockerEngine: engine,
    buildx: sh('docker buildx version').replace(/^github\.com\/docker\/buildx /, ''),
    curl: sh('curl --version | head -n 1').split(' ').slice(0, 2).join(' '),
    baseImage: `python:3.13-slim ${id}, the lab's stand-in built from Debian 13 packages: Python ${python[0]}, fastapi ${python[1]}, uvicorn ${python[2]}`,
  };
}

function captures(
  scenario: Scenario,
  results: StepResult[],
  versions: LabVersions,
  at: string,
): Map<string, { text: string; entry: CapturedOutput }> {
  const files = new Map<string, { text: string; entry: CapturedOutput }>();
  const names = [...new Set(results.flatMap((r) => (r.step.capture ? [r.step.capture] : [])))];
  for (const name of names) {
    const session = results.filter((r) => r.step.capture === name);
    const { text, finalNewlineAdded } = sessionText(session);
    const ranAs = Object.fromEntries(
      session.filter((r) => r.step.shown !== undefined).map((r) => [r.shown, r.step.run]),
    );
    const edits = session[0]?.edits ?? [];
    files.set(`${name}.txt`, {
      text,
      entry: {
        scenario: scenario.name,
        lesson: scenario.lesson,
        commands: session.map((r) => r.shown),
        ...(Object.keys(ranAs).length ? { ranAs } : {}),
        workspace: scenario.workspace,
        ...(edits.length ? { edits } : {}),
        terminal: session.some((r) => r.step.serve) ? 'pipe' : 'tty',
        exitCodes: session.map((r) => r.exitCode),
        ...(finalNewlineAdded ? { finalNewlineAdded } : {}),
        capturedAt: at,
        versions,
      },
    });
  }
  return files;
}

async function main(args: string[]) {
  if (args.includes('--list')) {
    for (const s of SCENARIOS) console.log(`${s.name.padEnd(24)} ${s.lesson}`);
    return;
  }
  const unknown = args.filter((a) => !SCENARIOS.some((s) => s.name === a));
  if (unknown.length) throw new Error(`no scenario named ${unknown.join(', ')} (see --list)`);
  const engine = engineAnswers();
  if (!engine.ok) throw new Error(`capture-outputs: ${engine.why}`);
  const chosen = args.length ? SCENARIOS.filter((s) => args.includes(s.name)) : SCENARIOS;
  const versions = labVersions();
  const manifest = readManifest();
  const written = new Set<string>();
  for (const scenario of chosen) {
    const started = Date.now();
    const results = await runScenario(scenario);
    const problems = scenarioProblems(scenario, results);
    if (problems.length)
      throw new Error(
        `the lab does not do what the lesson says, nothing of ${scenario.name} was saved:\n${problems.join('\n')}`,
      );
    for (const [file, { text, entry }] of captures(
      scenario,
      results,
      versions,
      new Date().toISOString(),
    )) {
      writeFileSync(join(OUTPUTS, file), text);
      manifest.outputs[file] = entry;
      written.add(file);
    }
    writeManifest(manifest);
    console.log(`captured ${scenario.name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  }
  if (!args.length) {
    // A full run owns every captured file: drop the ones no scenario makes any more.
    for (const [file, o] of Object.entries(manifest.outputs)) {
      if (!isPublic(o) && !written.has(file)) {
        rmSync(join(OUTPUTS, file), { force: true });
        delete manifest.outputs[file];
      }
    }
  }
  writeManifest(manifest);
}

/** Written after every scenario, so that an interrupted run leaves each saved output described. */
function writeManifest(manifest: Manifest) {
  manifest.about =
    "Every output the lessons show. Captured ones: run by scripts/capture-outputs on the course's Docker lab (see versions), verbatim except that a tty capture keeps only the final screen, as a finished terminal shows it. Public ones: copied from the source named.";
  manifest.outputs = Object.fromEntries(
    Object.entries(manifest.outputs).sort(([a], [b]) => a.localeCompare(b)),
  );
  writeFileSync(MANIFEST, `${JSON.stringify(manifest, null, 2)}\n`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main(process.argv.slice(2)).catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
