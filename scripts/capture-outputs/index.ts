/**
 * Reproduces every output the lessons show, on the real Docker Engine, into content/outputs/.
 *
 *   flock /tmp/layerwise-docker.lock -c 'npx tsx scripts/capture-outputs/index.ts [SCENARIO...]'
 *   npx tsx scripts/capture-outputs/index.ts --list
 *
 * Each scenario starts from a fresh copy of its project (content/workspace/), runs its commands as a
 * learner types them, and must keep every claim its lesson makes before anything is written.
 *
 * On the reference lab (Engine 28.5, classic store) it writes the outputs themselves. On another engine
 * (the lab started with DOCKER_LAB_STORE=containerd or DOCKER_LAB_ENGINE=20, see variants.ts) it
 * compares each session with the reference one and saves only those that read differently, under
 * content/outputs/containerd/ or content/outputs/engine-20/.
 */
import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { scenarioProblems } from './claims.ts';
import {
  engineAnswers,
  labMode,
  ranCommand,
  runScenario,
  type Scenario,
  type StepResult,
} from './lab.ts';
import { dropStaleVariants, recordVariant } from './variants.ts';
import { readWorkspaceFile } from './workspace.ts';
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

/** The course's base image, as the solution's Dockerfile names it. */
const BASE = /^FROM (\S+)/m.exec(readWorkspaceFile('solution/Dockerfile'))?.[1] ?? 'python';

function labVersions(store: string): LabVersions {
  const [client = '?', engine = '?'] = sh(
    `docker version --format '{{.Client.Version}} {{.Server.Version}}'`,
  ).split(' ');
  const python = sh(
    `docker run --rm ${BASE} python3 -c 'import sys, fastapi, uvicorn; print(sys.version.split()[0], fastapi.__version__, uvicorn.__version__)'`,
  ).split(' ');
  const id = sh(`docker image inspect ${BASE} --format '{{.Id}}'`).slice(7, 19);
  const compose = sh('docker compose version --short 2>/dev/null');
  return {
    dockerClient: client,
    dockerEngine: engine,
    buildx: sh('docker buildx version').replace(/^github\.com\/docker\/buildx /, ''),
    ...(compose ? { compose } : {}),
    imageStore: store,
    curl: sh('curl --version | head -n 1').split(' ').slice(0, 2).join(' '),
    baseImage: `${BASE} ${id}, the lab's stand-in built from Debian packages: Python ${python[0]}, fastapi ${python[1]}, uvicorn ${python[2]}`,
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
      session
        .filter((r) => r.step.shown !== undefined || r.step.situation)
        .map((r) => [r.shown, ranCommand(r.step)]),
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
        terminal: session.some((r) => r.step.serve && !r.step.serve.tty) ? 'pipe' : 'tty',
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
  const mode = labMode();
  const versions = labVersions(mode === 'containerd' ? 'containerd' : 'classic');
  const manifest = readManifest();
  const written = new Set<string>();
  for (const scenario of chosen) {
    const started = Date.now();
    const results = await runScenario(scenario, mode);
    const problems = scenarioProblems(scenario, results, mode);
    if (problems.length)
      throw new Error(
        `the lab (${mode}) does not do what the lesson says, nothing of ${scenario.name} was saved:\n${problems.join('\n')}`,
      );
    for (const [file, { text, entry }] of captures(
      scenario,
      results,
      versions,
      new Date().toISOString(),
    )) {
      if (mode !== 'classic') {
        const saved = recordVariant(manifest, mode, file, text, entry);
        if (saved) written.add(saved);
        continue;
      }
      const variants = (manifest.outputs[file] as CapturedOutput | undefined)?.variants;
      writeFileSync(join(OUTPUTS, file), text);
      manifest.outputs[file] = { ...entry, ...(variants ? { variants } : {}) };
      written.add(file);
    }
    writeManifest(manifest);
    console.log(
      `captured ${scenario.name} on ${mode} (${((Date.now() - started) / 1000).toFixed(1)} s)`,
    );
  }
  if (!args.length && mode !== 'classic') dropStaleVariants(manifest, mode, written);
  if (!args.length && mode === 'classic') {
    // A full run owns every captured file: drop the ones no scenario makes any more.
    for (const [file, o] of Object.entries(manifest.outputs)) {
      if (!isPublic(o) && !o.lab && !written.has(file)) {
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
