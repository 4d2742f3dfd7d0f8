/** `npm start`: build the course if needed, then serve it on http://localhost:4321 (loopback only). */
import { messageOf } from '../src/core/text/index.ts';
import { join } from 'node:path';
import { keepServing } from '../src/node/server/last-resort.ts';
import { serve } from '../src/node/server/serve.ts';
import { buildIfStale } from './build-if-stale.ts';

const ROOT = new URL('..', import.meta.url).pathname;
const port = Number(process.env['PORT'] ?? 4321);

buildIfStale();
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
