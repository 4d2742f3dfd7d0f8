/**
 * The commands a lesson does not need before its first prompt, fetched the first time one runs
 * (or behind the prompt, with docker's code): tests and lookups, the environment, identity,
 * `sleep`/`seq`, `date`, `uname`, `bash -c`, `printf` and the text tools for pipes.
 */
export { test } from './test.ts';
export { command, type, which } from './lookup.ts';
export { env, printenv } from './environment.ts';
export { id, whoami } from './identity.ts';
export { seq, sleep } from './sleep-and-seq.ts';
export { date } from './date.ts';
export { hostname, uname } from './uname.ts';
export { cut, sort, tee, tr, uniq, xargs } from './text-tools.ts';
export { printf } from './printf.ts';
export { shellCommand } from './shell-command.ts';
