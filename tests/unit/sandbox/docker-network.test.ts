/**
 * `docker network`, replayed against the lab's recording (Engine 28.5, CLI 28.5, Compose 2.40.3:
 * tests/fixtures/sandbox/real/engine-28/network.txt; VERSIONS.txt says how it was made): each
 * command's output and status as recorded, with IDs and creation times read as placeholders.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { usePython } from '../python/use-python.ts';
import { readSavedWorkspace, type SavedWorkspace } from '../../../src/core/sandbox/index.ts';
import { demoSandbox, expectReplay } from './helpers.ts';

usePython();

const COMPOSE_YAML = readFileSync(
  new URL('../../../content/workspace/variants/compose/compose.yaml', import.meta.url),
  'utf8',
);

function restored(text: string): SavedWorkspace {
  const read = readSavedWorkspace(text);
  if (!read.ok) throw new Error(`refused: ${read.message}`);
  return read.saved;
}

const normalised = (text: string) =>
  text
    .replace(/[0-9a-f]{64}/g, '<id>')
    .replace(/\b[0-9a-f]{12}\b/g, '<id12>')
    .replace(/\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{9} \+0000 UTC/g, '<time>')
    .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z/g, '<time>')
    .replace(/(?:[0-9a-f]{2}:){5}[0-9a-f]{2}/g, '<mac>')
    .trimEnd();

/** What the sandbox answers its own way, on purpose: the group's help lists the verbs it has. */
const OWN_WAY = /^docker network$/;

describe('docker network, as the lab recorded it (network.txt)', () => {
  it('ls (-q, --no-trunc, --format, --filter), create, rm, prune and their errors; Compose networks among them', async () => {
    const t = demoSandbox();
    t.sandbox.fs.write('/home/learner/demo/compose.yaml', COMPOSE_YAML);
    await expectReplay(t.sandbox, 'network.txt', normalised, OWN_WAY);
  });

  it("inspect: its JSON, -f templates, the containers on it, the daemon's own three, and what is not there (network-inspect.txt)", async () => {
    const t = demoSandbox();
    expect((await t.run('docker build -q -t demo-image .')).exitCode).toBe(0);
    await expectReplay(t.sandbox, 'network-inspect.txt', normalised);
  });

  it('a network the daemon made cannot be removed, one in use neither; system prune takes the unused ones', async () => {
    const t = demoSandbox();
    t.sandbox.fs.write('/home/learner/demo/compose.yaml', COMPOSE_YAML);
    await t.run('docker compose up -d');
    await t.run('docker network create spare');
    const pruned = await t.run('docker system prune -f');
    expect(pruned.output).toContain('Deleted Networks:\nspare\n\n');
    expect(pruned.output).not.toContain('demo_default');
    const left = await t.run("docker network ls --format '{{.Name}}'");
    expect(left.output).toBe('bridge\ndemo_default\nhost\nnone\n');
  });

  it('keeps its networks, with their IDs, in a saved session; one saved with names only gets IDs; a broken one is refused', async () => {
    const a = demoSandbox();
    await a.run('docker network create kept');
    const listed = (await a.run('docker network ls --no-trunc')).output;
    const saved = JSON.parse(JSON.stringify(a.sandbox.save())) as SavedWorkspace;
    a.sandbox.dispose();
    const b = demoSandbox();
    await b.sandbox.restore(restored(JSON.stringify(saved)));
    expect((await b.run('docker network ls --no-trunc')).output).toBe(listed);
    b.sandbox.dispose();
    // as saved before networks had IDs: names only, no predefined ones
    saved.engine.networks = ['kept'];
    delete saved.engine.predefinedNetworks;
    const c = demoSandbox();
    await c.sandbox.restore(restored(JSON.stringify(saved)));
    expect((await c.run("docker network ls --format '{{.Name}} {{.Driver}}'")).output).toBe(
      'bridge bridge\nhost host\nkept bridge\nnone null\n',
    );
    c.sandbox.dispose();
    expect(
      readSavedWorkspace(JSON.stringify({ ...saved, engine: { ...saved.engine, networks: [5] } }))
        .ok,
    ).toBe(false);
  });
});
