/**
 * `npm start`: build the course if needed (one progress line), then serve it on
 * http://localhost:4321 (loopback only). Run compiled (scripts/start.mjs), so an unchanged course
 * starts in well under a second. A first build serves the pages as soon as Astro has written them;
 * what it writes after them (the search index, Python's files) is waited for by the server.
 */
import { messageOf } from '../src/core/text/index.ts';
import { join } from 'node:path';
import type { Server } from 'node:http';
import { basePath } from '../src/node/hosting/base-path.ts';
import { keepServing } from '../src/node/server/last-resort.ts';
import { serve } from '../src/node/server/serve.ts';
import { markBuilt, siteState } from './build-if-stale.ts';
import { buildWithProgress } from './build-progress.ts';

const ROOT = new URL('..', import.meta.url).pathname;
const port = Number(process.env['PORT'] ?? 4321);
// LAYERWISE_BASE=/docker-course/ npm start: the course as a sub-path host would publish it
const base = basePath(process.env['LAYERWISE_BASE']);
/** what Astro's build writes after the pages (src/node/build/pagefind-index.ts, src/node/python/) */
const WRITTEN_AFTER_PAGES = [`${base}pagefind/`, `${base}pyodide/`];

async function start(done: Promise<unknown>): Promise<Server> {
  keepServing();
  try {
    const server = await serve({
      root: join(ROOT, 'dist'),
      port,
      base,
      hold: { paths: WRITTEN_AFTER_PAGES, done },
    });
    // \r and an erased line: a terminal's progress line may still be on this line.
    const clear = process.stdout.isTTY ? '\r\x1b[K' : '';
    console.log(
      `${clear}\nLayerwise is running at http://localhost:${port}${base}  (Ctrl+C to stop)\n`,
    );
    return server;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    console.error(
      code === 'EADDRINUSE'
        ? `layerwise: port ${port} is already in use. Stop the other program, or run PORT=4322 npm start.`
        : `layerwise: could not start the server: ${messageOf(error)}`,
    );
    process.exit(1);
  }
}

const { fresh, builtBefore } = siteState();
if (fresh) {
  await start(Promise.resolve());
} else {
  // The server starts once Astro has written the pages (it is still writing the rest).
  let server: Promise<Server> | undefined;
  const built: Promise<number> = buildWithProgress(
    builtBefore
      ? 'layerwise: the sources changed, rebuilding the course'
      : 'layerwise: building the course (the first time only)',
    process.stdout,
    () => (server ??= start(built)),
  );
  const status = await built;
  if (status !== 0) {
    console.error('layerwise: the build failed; the messages above name the file and the field.');
    process.exit(status);
  }
  markBuilt();
  await (server ??= start(Promise.resolve()));
}
