/** Shared inputs for the Dockerfile tests: fixture files and a small correct Dockerfile to vary. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));

export function fixture(name: string): string {
  return readFileSync(`${root}tests/fixtures/dockerfile/${name}`, 'utf8');
}

export function projectFile(path: string): string {
  return readFileSync(`${root}${path}`, 'utf8');
}

/** A correct Dockerfile, one instruction a line, so a case can say which line it changes. */
export const GOOD = [
  'FROM python:3.13-slim',
  'WORKDIR /demo',
  'COPY ./requirements.txt /demo/requirements.txt',
  'RUN pip install --no-cache-dir -r /demo/requirements.txt',
  'COPY ./app /demo/app',
  'EXPOSE 8000',
  'CMD ["uvicorn", "app.main:app", "--host", "0.0.0.0", "--port", "8000"]',
];

/** GOOD with some lines (1-based) replaced; a replacement may hold several lines, or none. */
export function variant(changes: Readonly<Record<number, string>>): string {
  return GOOD.map((line, i) => changes[i + 1] ?? line).join('\n') + '\n';
}
