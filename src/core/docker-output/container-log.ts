/**
 * A container's output: uvicorn, `fastapi run`, gunicorn (or any server that says where it
 * listens): which host and port it listens on, and the errors it printed (the last line of each
 * Python traceback, uvicorn's ERROR lines). Compose's `web-1  | ` prefixes are removed.
 */
import type { ScreenLine } from '../text/index.ts';
import { noMarks, type Parsed, type PartOf } from './parsed.ts';
import {
  CLI_USAGE,
  CLI_USAGE_ERROR,
  DESKTOP_STAMP,
  LOG_PREFIX,
  START_FAILURE,
} from './start-failure.ts';
import type { ContainerLog, Tool } from './types.ts';

const LISTEN =
  /(?:Uvicorn running on|Listening at:|Server started at|Running on|listening on|Listening on) (?:https?:\/\/)?(\[[0-9a-fA-F:]+\]|[\w.-]+):(\d+)/i;
const UVICORN_ERROR = /^(?:ERROR|CRITICAL):\s+(.+)$/;
const GUNICORN_ERROR = /^\[[^\]]+\] \[\d+\] \[(?:ERROR|CRITICAL)\] (.+)$/;
// gunicorn and `fastapi run` start uvicorn underneath: the outer server names the log.
const RANK: Record<ContainerLog['server'], number> = {
  other: 0,
  uvicorn: 1,
  gunicorn: 2,
  fastapi: 3,
};
const TRACEBACK_END = /^[A-Za-z_][\w.]*(?:Error|Exception|Exit|Interrupt)\b(?::.*)?$/;

export function parseContainerLog(
  lines: ScreenLine[],
  tool: Tool,
): Parsed<PartOf<'container-log'>> | null {
  const listening: ContainerLog['listening'] = [];
  const errors: string[] = [];
  const items: number[] = [];
  const errorLines: number[] = [];
  let server: ContainerLog['server'] | null = null;
  let inTraceback = false;
  /** uvicorn printed its usage: click's `Error: …` line below it says what it refused */
  let usage = false;
  let first = 0;
  let last = 0;
  for (const line of lines) {
    const text = line.text.replace(LOG_PREFIX, '');
    if (!text.trim()) continue;
    const known = knownServer(text);
    if (known && (server === null || RANK[known] > RANK[server])) server = known;
    const listen = LISTEN.exec(text);
    let used = known !== null;
    if (
      listen &&
      !listening.some((l) => l.port === Number(listen[2]) && l.host === host(listen[1]!))
    ) {
      listening.push({ host: host(listen[1]!), port: Number(listen[2]) });
      items.push(line.n);
      server ??= 'other';
      used = true;
    }
    if (CLI_USAGE.test(text)) usage = used = true;
    else if (usage && /^Try '.+ --help' for help\.$/.test(text)) used = true;
    else if (usage && CLI_USAGE_ERROR.test(text)) {
      errors.push(text);
      errorLines.push(line.n);
      usage = false;
      used = true;
    }
    if (text.startsWith('Traceback (most recent call last)')) inTraceback = used = true;
    else if (inTraceback && TRACEBACK_END.test(text)) {
      errors.push(text);
      errorLines.push(line.n);
      inTraceback = false;
      used = true;
    } else if (inTraceback) used = true;
    const e =
      (UVICORN_ERROR.exec(text) ?? GUNICORN_ERROR.exec(text))?.[1]?.trim() ?? startFailure(text);
    // A restarting container prints the same failure at every start: one error, every line used.
    if (e && !inTraceback && errors.at(-1) === e && START_FAILURE.test(text)) used = true;
    else if (e && !inTraceback) {
      if (START_FAILURE.test(text)) server ??= failedServer(e);
      errors.push(e);
      errorLines.push(line.n);
      used = true;
    }
    if (used) {
      first ||= line.n;
      last = line.n;
    }
  }
  if (!first) return null;
  return {
    part: {
      kind: 'container-log',
      tool:
        tool ??
        (COMPOSE_LINE.test(lines.find((l) => l.n === first)?.text ?? '') ? 'compose' : null),
      format: 'text',
      lines: [first, last],
      containerLog: { server: server ?? 'other', listening, errors },
    },
    marks: {
      ...noMarks(),
      items,
      ...(errorLines.length ? { error: errorLines[0]! } : {}),
      notes: errorLines.map((line, i) => ({ id: 'log-error', line, text: errors[i]! })),
    },
  };
}

/**
 * Compose names a service's container project-service-N (v2) or project_service_N (v1), or its
 * container_name; either way it pads the names to one width, so at least two spaces before the |.
 */
const COMPOSE_LINE = new RegExp(String.raw`^${DESKTOP_STAMP}?[\w.-]+(?:[-_]\d+\s+| {2,})\| `);

function startFailure(text: string): string | null {
  return START_FAILURE.test(text) ? text.trim() : null;
}

/** The server a failed start names (`uvicorn: not found`, `exec /app/.venv/bin/gunicorn: …`). */
function failedServer(error: string): ContainerLog['server'] | null {
  return (/\b(uvicorn|gunicorn|fastapi)\b/.exec(error)?.[1] as ContainerLog['server']) ?? null;
}

function host(h: string): string {
  return h.replace(/^\[|\]$/g, '');
}

function knownServer(text: string): ContainerLog['server'] | null {
  if (
    /FastAPI\s+Starting (?:production|development) server|^\s*server\s+Server started at/.test(text)
  )
    return 'fastapi';
  if (/\[INFO\] (?:Starting gunicorn|Booting worker)|Listening at: /.test(text)) return 'gunicorn';
  if (
    /Uvicorn running on|^(?:INFO|ERROR|DEBUG):\s{2,}|uvicorn\.error|Started server process|^\s*File "\S*\/uvicorn\b|^Usage: (?:python3? -m )?uvicorn\b/.test(
      text,
    )
  )
    return 'uvicorn';
  return null;
}
