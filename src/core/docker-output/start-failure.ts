/**
 * The lines a container prints when its own program cannot start (the runtime's exec, or the shell
 * of a shell-form CMD): an image built for another CPU, a script with Windows line endings or no
 * #! line, a virtualenv whose scripts' #! points at a path the image lacks, a program not
 * installed. Docker 23+ prints `exec X: …`, older engines `standard_init_linux.go:N: exec user
 * process caused …`. They may carry Compose's `web-1  | ` prefix, `docker logs -t` timestamps, or
 * the date and time Docker Desktop's Logs view shows first (`2024-04-30 17:43:46 `).
 */
/** Control keys a terminal echoes before the next output (Ctrl+C's ^C, a NUL's ^@). */
export const ECHOED = String.raw`(?:\^[@A-Z])*`;

/** Docker Desktop's Logs view: local date and time, then the line (and Compose's prefix, if any). */
export const DESKTOP_STAMP = String.raw`(?:\d{4}-\d\d-\d\d \d\d:\d\d:\d\d )`;

const PREFIX = String.raw`${ECHOED}${DESKTOP_STAMP}?(?:[\w.-]+\s+\|\s?)?(?:\d{4}-\d\d-\d\dT[\d:.]+Z )?`;

const FAILURES = [
  String.raw`exec \S+: (?:exec format error|no such file or directory|permission denied)`,
  String.raw`standard_init_linux\.go:\d+: exec user process caused`,
  // shell form: the program is not in the image
  String.raw`(?:/usr)?/bin/(?:ba|da|z)?sh: (?:(?:line )?\d+: )?\S+: (?:command )?not found`,
  // Windows line endings in a script: its #! line names "/bin/sh\r"
  String.raw`(?:\S+: )?\S+: \S*(?:\^M|\r): bad interpreter`,
  String.raw`(?:/usr/bin/)?env: ['‘]?[^\s:]+['’]?: No such file or directory`,
  // bash 5.2: a script whose #! interpreter is missing (a venv built elsewhere, or CRLF)
  String.raw`\S+: line \d+: \S+: cannot execute: required file not found`,
];

/** Compose's service prefix and docker logs -t's timestamp, before a log line. */
export const LOG_PREFIX = new RegExp(`^${PREFIX}`);

export const START_FAILURE = new RegExp(`^${PREFIX}(?:${FAILURES.join('|')})`);

/**
 * Uvicorn refusing its command line (click's usage error): `Usage: uvicorn [OPTIONS] APP`, then
 * `Error: No such option: -c` a few lines below. The container exits at once (exit code 2).
 */
export const CLI_USAGE = new RegExp(
  String.raw`^${PREFIX}Usage: (?:python3? -m )?uvicorn \[OPTIONS\] APP`,
);

/** click's own words after a usage line: they are the program's, not Docker's `Error: `. */
export const CLICK_ERRORS = String.raw`No such option|Got unexpected extra argument|Invalid value for|Missing (?:argument|option)|Option '[^']+' requires`;

export const CLI_USAGE_ERROR = new RegExp(String.raw`^Error: (?:${CLICK_ERRORS})`);
