/**
 * What engine discovery reads from the machine, passed in so discovery is a pure function: tests
 * hand it a made-up machine; `nodeEnvironment()` binds it to this process.
 */
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { posix, win32 } from 'node:path';

export type PathJoin = (...parts: string[]) => string;

export interface EngineEnvironment {
  vars: Readonly<Record<string, string | undefined>>;
  homeDir: string;
  /** `process.platform`: linux, darwin, win32 … */
  platform: string;
  /** a file's text, or null when it cannot be read */
  readFile(path: string): string | null;
  /** whether anything (a socket, a named pipe, a file) is at path */
  exists(path: string): boolean;
}

export function pathJoin(platform: string): PathJoin {
  return platform === 'win32' ? win32.join : posix.join;
}

export function nodeEnvironment(
  vars: Readonly<Record<string, string | undefined>>,
): EngineEnvironment {
  return {
    vars,
    homeDir: homedir(),
    platform: process.platform,
    readFile(path) {
      try {
        return readFileSync(path, 'utf8');
      } catch {
        return null;
      }
    },
    exists: (path) => existsSync(path),
  };
}
