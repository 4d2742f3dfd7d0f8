/** Serves an existing dist/ without building (the browser tests build first). Usage: serve-dist.ts PORT */
import { join } from 'node:path';
import { basePath } from '../src/node/hosting/base-path.ts';
import { keepServing } from '../src/node/server/last-resort.ts';
import { serve } from '../src/node/server/serve.ts';

const port = Number(process.argv[2] ?? 4321);
keepServing();
const base = basePath(process.env['LAYERWISE_BASE']);
await serve({ root: join(new URL('..', import.meta.url).pathname, 'dist'), port, base });
console.log(`serving dist/ at http://localhost:${port}${base}`);
