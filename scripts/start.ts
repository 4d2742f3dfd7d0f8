/**
 * `npm start`: build the course if needed (one progress line), then serve it on
 * http://localhost:4321 (loopback only). Run compiled (scripts/start.mjs), so an unchanged course
 * starts in well under a second.
 */
import { messageOf } from '../src/core/text/index.ts';
import { join } from 'node:path';
import { keepServing } from '../src/node/server/last-resort.ts';
import { serve } from '../src/node/server/serve.ts';
import { markBuilt, siteState } from './build-if-stale.ts';
import { buildWithProgress } from './build-progress.ts';

const ROOT = new URL('..', import.meta.url).pathname;
const port = Number(process.env['PORT'] ?? 4321);

const { fresh, builtBefore } = siteState();
if (!fresh) {
  const status = await buildWithProgress(
    builtBefore
      ? 'layerwise: the sources changed, rebuilding the course'
      : 'layerwise: building the course (the first time only)',
  );
  if (status !== 0) {
    console.error('layerwise: the build failed; the messages above name the file and the field.');
    process.exit(status);
  }
  markBuilt();
}
keepServing();
try {
  await serve({ root: join(ROOT, 'dist'), port });
  console.log(`\nLayerwise is running at http://localhost:${port}/  (Ctrl+C to stop)\n`);
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code;
  console.error(
    code === 'EADDRINUSE'
      ? `layerwise: port ${port} is already in use. Stop the other program, or run PORT=4322 npm start.`
      : `layerwise: could not start the server: ${messageOf(error)}`,
  );
  process.exit(1);
}
