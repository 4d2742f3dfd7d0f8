/**
 * A stand-in Docker Engine on a unix socket that replays the real engine's captured answers
 * (through fixtureReader), so the CLI and the local API run end to end with no daemon.
 * It records every request, and answers anything but the reads it knows with 405/404. Like the
 * engine's router, it answers a path that is not clean (`//`, `/./`, `/../`) with a 301 to the
 * cleaned path (captured: tests/fixtures/engine/redirect-unclean-path.txt).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import { fixtureReader, type FixtureEngine } from './fixture-reader.ts';

export interface ReplayEngine {
  socketPath: string;
  /** `GET /v1.41/images/json` … */
  requests: string[];
  close(): Promise<void>;
}

export async function startReplayEngine(engine: FixtureEngine = {}): Promise<ReplayEngine> {
  const reader = fixtureReader(engine);
  const dir = mkdtempSync(join(tmpdir(), 'lw-replay-'));
  const socketPath = join(dir, 'docker.sock');
  const requests: string[] = [];
  const routes: [RegExp, (m: RegExpMatchArray) => Promise<unknown>][] = [
    [/^\/version$/, () => reader.version()],
    [/^\/images\/json$/, () => reader.listImages()],
    [/^\/images\/(.+)\/json$/, (m) => reader.inspectImage(decodeURIComponent(m[1]!))],
    [/^\/images\/(.+)\/history$/, (m) => reader.imageHistory(decodeURIComponent(m[1]!))],
    [/^\/containers\/json$/, () => reader.listContainers()],
    [/^\/containers\/([^/]+)\/json$/, (m) => reader.inspectContainer(m[1]!)],
  ];
  const server = createServer(async (req, res) => {
    requests.push(`${req.method} ${req.url}`);
    const asked = (req.url ?? '').split('?')[0]!;
    const clean = posix.normalize(asked);
    if (clean !== asked) {
      res.writeHead(301, { Location: clean }).end();
      return;
    }
    const path = (req.url ?? '').split('?')[0]!.replace(/^\/v\d+\.\d+/, '');
    const route = routes.map(([re, answer]) => [path.match(re), answer] as const).find(([m]) => m);
    if (req.method !== 'GET' || !route) {
      res
        .writeHead(req.method === 'GET' ? 404 : 405, { 'Content-Type': 'application/json' })
        .end('{"message":"not replayed"}');
      return;
    }
    const body = await route[1](route[0]!);
    res.writeHead(body === null ? 404 : 200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(body ?? { message: 'No such image or container' }));
  });
  await new Promise<void>((done) => server.listen(socketPath, done));
  return {
    socketPath,
    requests,
    close: () =>
      new Promise((done) =>
        server.close(() => (rmSync(dir, { recursive: true, force: true }), done())),
      ),
  };
}
