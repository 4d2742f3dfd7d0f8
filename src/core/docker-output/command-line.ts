/**
 * What people paste around the output: shell prompts, the command they typed, Markdown fences.
 * A typed command is a strong hint of what follows it.
 */
import type { PartKind, Tool } from './types.ts';

export type Expect =
  Exclude<PartKind, 'unknown' | 'run-error' | 'container-log'> | 'run' | 'logs' | 'engine' | null;

export interface Command {
  /** the command as typed, without prompt or sudo */
  text: string;
  tool: Tool;
  /** what its output should be; null for commands whose output we do not read */
  expect: Expect;
}

const VENV = String.raw`(?:\((?:\.?[\w.-]+)\)\s+)?`;
const PROMPTS = [
  String.raw`PS [A-Za-z]:\\[^>]*>`, // PowerShell
  String.raw`[A-Za-z]:\\[^>]*>`, // cmd.exe
  String.raw`➜\s+\S+(?:\s+git:\([^)]*\))?(?:\s+[✗✔])?`, // oh-my-zsh
  String.raw`[^\s$#%>]+(?:\s+on\s+\S+.*)?\s*[❯»λ→]`, // starship and friends: "demo on  main ❯"
  String.raw`[❯»λ→]`,
  String.raw`\[[^\]\n]*\][$#%]`, // [user@host dir]$
  String.raw`[\w.-]+@[\w.-]+(?::[^\s$#%]*)?\s?[$#%]`, // user@host:~/dir$
  String.raw`[\w.-]+@[\w.-]+\s+\S+\s+[$#%]`, // zsh default: user@host dir %
  String.raw`[\w.~/-]*\s?[$%]`, // $ and %, optionally after a directory
].join('|');
const PROMPT = new RegExp(String.raw`^${VENV}(?:${PROMPTS})(?:\s+|$)`);
const ROOT_PROMPT = /^#\s+(?=(?:sudo\s+)?(?:docker|podman|curl)\b)/;
const TYPED =
  /^(?:sudo\s+(?:-\S+\s+)*)?((?:docker(?:\.exe)?|podman|nerdctl|docker-compose|podman-compose|buildah|curl|wget|uvicorn|fastapi|gunicorn)\s.*|(?:docker|podman|curl))$/;
const FENCE = /^\s*(?:```|~~~)[\w+-]*\s*$/;

/** A line that belongs to no part: a Markdown fence, or a prompt with nothing typed after it. */
/** Output lines of builds and tables start like this; prompts and typed commands never do. */
const NEVER_TYPED = /^(?:#\d| ?=>| ?-{2,3}>|\s{2})/;

export function isChrome(text: string): boolean {
  if (NEVER_TYPED.test(text)) return false;
  if (FENCE.test(text)) return true;
  const p = PROMPT.exec(text);
  return p !== null && p[0].length === text.length;
}

/** The command typed on this line (after a prompt, or alone when it is a docker/podman/curl command). */
export function commandOf(text: string): Command | null {
  if (NEVER_TYPED.test(text)) return null;
  const p = PROMPT.exec(text) ?? ROOT_PROMPT.exec(text);
  const rest = (p ? text.slice(p[0].length) : text).trim();
  const typed = TYPED.exec(rest);
  if (!typed) return p && rest ? { text: rest, tool: null, expect: null } : null;
  const cmd = typed[1]!.replace(/^docker\.exe\b/, 'docker');
  return { text: cmd, tool: toolOf(cmd), expect: expectOf(cmd) };
}

function toolOf(cmd: string): Tool {
  if (/^(?:docker compose|docker-compose|podman-compose)\b/.test(cmd)) return 'compose';
  if (/^(?:podman|buildah)\b/.test(cmd)) return 'podman';
  if (/^(?:docker|nerdctl)\b/.test(cmd)) return 'docker';
  return null;
}

const EXPECT: [RegExp, Expect][] = [
  [/^(?:curl|wget)\b/, 'curl'],
  [/^(?:uvicorn|fastapi|gunicorn)\b/, 'logs'],
  [
    /^\S+(?:\s+(?:-\S+|--\S+=\S+))*\s+(?:buildx\s+build|image\s+build|build|builder\s+build|bud)\b/,
    'build',
  ],
  [/^\S+\s+(?:compose\s+)?up\b.*--build\b/, 'build'],
  [
    /^\S+\s+(?:version|info|system\s+(?:info|version))\s*$|^\S+\s+(?:version|info)\s+--?\w/,
    'engine',
  ],
  [/^\S+\s+(?:images|image\s+(?:ls|list))\b/, 'images'],
  [/^\S+\s+(?:compose\s+)?(?:ps|container\s+(?:ls|list))\b/, 'ps'],
  [/^\S+\s+(?:image\s+)?history\b/, 'history'],
  [/^\S+\s+(?:compose\s+)?(?:container\s+)?logs\b/, 'logs'],
  [/^\S+\s+(?:compose\s+)?(?:container\s+)?(?:run|start|up)\b/, 'run'],
];

function expectOf(cmd: string): Expect {
  return EXPECT.find(([re]) => re.test(cmd))?.[1] ?? null;
}

/**
 * Where a prompt starts inside a line whose output had no final newline (curl's body, then the
 * shell's next prompt and command on the same line): after a JSON or HTML body's last character.
 * -1 when there is none.
 */
export function gluedPromptAt(text: string): number {
  // A prompt and a command fit in a few hundred characters: look only there, so a hostile
  // line full of quotes and dollars costs one pass, not one pass a quote.
  const from = Math.max(0, text.length - 1024);
  if (!/[$%#>❯]/.test(text.slice(from))) return -1;
  for (const m of text.slice(from).matchAll(/[}\]>"](?=[^\s-])/g)) {
    const at = from + m.index + 1;
    const rest = text.slice(at);
    const p = PROMPT.exec(rest);
    if (p && p[0].trim() && (isChrome(rest) || commandOf(rest) !== null)) return at;
  }
  return -1;
}
