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

/** One command of a capture under tests/unit/dockerfile/real/: the `$ …` line, what it printed, its `[exit N]`. */
export interface RealRun {
  command: string;
  output: string;
  exitCode: number;
}

export function realRuns(name: string): RealRun[] {
  const text = readFileSync(`${root}tests/unit/dockerfile/real/${name}`, 'utf8');
  return [...text.matchAll(/^\$ (.*)\n([\s\S]*?)^\[exit (\d+)\]$/gm)].map((m) => ({
    command: m[1] ?? '',
    output: m[2] ?? '',
    exitCode: Number(m[3]),
  }));
}

/** real/uvicorn-options.txt as cases: the environment, directory and arguments uvicorn started with, and where it listened (null when it refused). */
export function uvicornRuns() {
  return realRuns('uvicorn-options.txt').map((run) => {
    const env = Object.fromEntries(
      [...run.command.matchAll(/ -e (\w+)=(\S*)/g)].map((m) => [m[1] ?? '', m[2] ?? '']),
    );
    const args = (/timeout 3 uvicorn(.*)'$/.exec(run.command)?.[1] ?? '')
      .split(' ')
      .filter(Boolean);
    return {
      ...run,
      env,
      cwd: /&& cd (\S+) &&/.exec(run.command)?.[1] ?? '/',
      args,
      /** as a shell line: `UVICORN_PORT=9000 uvicorn m:app` */
      label: [...Object.entries(env).map(([k, v]) => `${k}=${v}`), 'uvicorn', ...args].join(' '),
      url: /Uvicorn running on (\S+)/.exec(run.output)?.[1] ?? null,
    };
  });
}
