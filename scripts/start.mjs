// `npm start` runs this (after scripts/check-node.cjs): scripts/start.ts from its compiled copy in
// dist-cli/, so neither tsx nor TypeScript is started for an unchanged course (scripts/run-compiled.mjs).
import { importCompiled } from './run-compiled.mjs';

await importCompiled('start', 'scripts/start.ts');
