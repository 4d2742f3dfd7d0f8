/** Real outputs (tests/fixtures/docker-output, captured on the Docker lab or cited) for checker tests. */
import { readFileSync } from 'node:fs';

const DIR = new URL('../../fixtures/docker-output/', import.meta.url);
export const fixture = (name: string) => readFileSync(new URL(`${name}.txt`, DIR), 'utf8');
