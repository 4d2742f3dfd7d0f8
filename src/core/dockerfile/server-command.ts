/**
 * Reads the server out of a container's command: uvicorn (also `python -m uvicorn`), `fastapi run`
 * and `fastapi dev`, found in an exec-form CMD or in the commands of a `sh -c` script, with the
 * address it listens on. The options, defaults and variables are server-options.ts', shared with
 * the sandbox's simulated servers.
 */
import type { ServerKind } from './types.ts';
import {
  listenWords,
  programName,
  readPort,
  readServerOptions,
  serverProgram,
  type ServerOptions,
} from './server-options.ts';
import { expandVariables, splitCommands } from '../text/index.ts';

export interface ServerCommand extends ServerOptions {
  kind: ServerKind;
  /** the words of the simple command that starts the server, from the program on (`python -m uvicorn …`) */
  words: string[];
  /** index in `words` of the first word after the program (`run`/`dev` included for fastapi) */
  argsStart: number;
  /** true when these words are the container's whole command, so an exec-form CMD can replace it */
  alone: boolean;
  /** true when a shell runs the command, so `$VAR` is expanded at start */
  viaShell: boolean;
}

const SHELLS = /^(?:sh|bash|dash|ash)$/;

export function findServer(argv: readonly string[]): ServerCommand | null {
  const viaShell = SHELLS.test(programName(argv[0])) && argv[1] === '-c';
  const commands = viaShell ? splitCommands(argv[2] ?? '') : [[...argv]];
  for (const words of commands) {
    const server = readServer(words, viaShell, commands.length === 1);
    if (server) return server;
  }
  return null;
}

function readServer(
  all: readonly string[],
  viaShell: boolean,
  onlyCommand: boolean,
): ServerCommand | null {
  let start = 0;
  while (
    start < all.length &&
    (/^\w+=/.test(all[start] ?? '') || ['exec', 'env'].includes(all[start] ?? ''))
  )
    start++;
  const words = all.slice(start);
  const program = serverProgram(words);
  if (!program) return null;
  const options = readServerOptions(program.kind, words.slice(program.optionsStart));
  return {
    kind: program.kind,
    words,
    argsStart: program.argsStart,
    alone: onlyCommand && start === 0,
    viaShell,
    ...options,
  };
}

export interface ServerAddress {
  /** null when it depends on something the Dockerfile does not say (an unset variable) */
  host: string | null;
  hostGiven: boolean;
  port: number | null;
  portGiven: boolean;
}

/** Where the server listens, with ENV values the Dockerfile sets and each server's defaults. */
export function serverAddress(
  server: ServerCommand,
  env: Readonly<Record<string, string>>,
): ServerAddress {
  if (server.notTcp) return { host: null, hostGiven: true, port: null, portGiven: true };
  const words = listenWords(server.kind, server, env);
  const resolve = (word: string): string | null => expand(word, server.viaShell ? env : null);
  const portText = resolve(words.port);
  return {
    host: resolve(words.host),
    hostGiven: words.hostGiven,
    port: portText === null ? null : readPort(portText),
    portGiven: words.portGiven,
  };
}

/** `$PORT`, `${PORT}`, `${PORT:-8000}` with the given environment; null when a shell would not (or could not) say. */
function expand(word: string, env: Readonly<Record<string, string>> | null): string | null {
  if (!word.includes('$')) return word;
  if (env === null) return null;
  const expansion = expandVariables(word, (name) =>
    Object.hasOwn(env, name) ? env[name] : undefined,
  );
  return expansion.unset ? null : expansion.text;
}

export function isLoopback(host: string): boolean {
  return /^(?:localhost|127(?:\.\d{1,3}){3}|::1|\[::1\])$/i.test(host);
}
