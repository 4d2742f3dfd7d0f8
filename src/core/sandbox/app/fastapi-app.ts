/**
 * The learner's FastAPI app, read from `app/main.py` well enough to answer as FastAPI and Uvicorn
 * do: `@app.get("/path")` routes whose function returns a literal, `/docs`, `/openapi.json`,
 * 404 and 405 bodies. The app is read, never executed.
 */
import { parsePythonLiteral, toJson, type Json } from './python-literal.ts';
import { swaggerUiHtml } from './docs-page.ts';
import { byteLength } from '../text/bytes.ts';

export interface Route {
  method: string;
  path: string;
  functionName: string;
  /** the literal returned; undefined when the return value is not a literal */
  returns: Json | undefined;
}

export type AppModel =
  { ok: true; variable: string; title: string; routes: Route[] } | { ok: false; reason: 'no-app' };

export interface HttpResponse {
  status: number;
  reason: string;
  headers: [string, string][];
  body: string;
}

export function readApp(source: string, attribute = 'app'): AppModel {
  const text = source.replace(/\r\n?/g, '\n');
  const appLine = new RegExp(`^${attribute}\\s*=\\s*FastAPI\\(([^)]*)\\)`, 'm').exec(text);
  if (!appLine) return { ok: false, reason: 'no-app' };
  const title = /title\s*=\s*(['"])(.*?)\1/.exec(appLine[1]!)?.[2] ?? 'FastAPI';
  const lines = text.split('\n');
  const routes: Route[] = [];
  const decorator = new RegExp(`^@${attribute}\\.(get|post|put|delete|patch)\\(\\s*(['"])(.*?)\\2`);
  for (let i = 0; i < lines.length; i++) {
    const m = decorator.exec(lines[i]!);
    if (!m) continue;
    let j = i + 1;
    while (j < lines.length && lines[j]!.startsWith('@')) j++;
    const def = /^(?:async\s+)?def\s+(\w+)/.exec(lines[j] ?? '');
    if (!def) continue;
    routes.push({
      method: m[1]!.toUpperCase(),
      path: m[3]!,
      functionName: def[1]!,
      returns: returnedLiteral(lines, j + 1),
    });
  }
  return { ok: true, variable: attribute, title, routes };
}

/** The first `return …` of the function body starting at `start`, gathered over lines until balanced. */
function returnedLiteral(lines: string[], start: number): Json | undefined {
  for (let k = start; k < lines.length; k++) {
    const line = lines[k]!;
    if (line.trim() !== '' && !/^\s/.test(line)) return undefined;
    const r = /^\s+return\s+(.*)$/.exec(line);
    if (!r) continue;
    let expr = stripComment(r[1]!);
    for (let n = k + 1; !balanced(expr) && n < lines.length; n++)
      expr += `\n${stripComment(lines[n]!)}`;
    return parsePythonLiteral(expr);
  }
  return undefined;
}

function stripComment(line: string): string {
  let quote: string | null = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '#') return line.slice(0, i);
  }
  return line;
}

function balanced(expr: string): boolean {
  let depth = 0;
  for (const c of expr.replace(/(["'])(?:\\.|(?!\1).)*\1/g, '')) {
    if ('([{'.includes(c)) depth++;
    else if (')]}'.includes(c)) depth--;
  }
  return depth <= 0;
}

const REASONS: Record<number, string> = { 200: 'OK', 404: 'Not Found', 405: 'Method Not Allowed' };

/** Answers one request the way Starlette and Uvicorn do, headers in Uvicorn's order. */
export function respond(
  app: Extract<AppModel, { ok: true }>,
  method: string,
  path: string,
  date: string,
): HttpResponse {
  const bare = path.split('?')[0]!;
  const head = method === 'HEAD';
  const reply = (
    status: number,
    body: string,
    type: string,
    extra: [string, string][] = [],
  ): HttpResponse => ({
    status,
    reason: REASONS[status] ?? '',
    headers: [
      ['date', date],
      ['server', 'uvicorn'],
      ...extra,
      ['content-length', String(byteLength(body))],
      ['content-type', type],
    ],
    body: head ? '' : body,
  });
  const json = 'application/json';
  if (bare === '/docs' || bare === '/openapi.json') {
    if (method !== 'GET')
      return reply(405, toJson({ detail: 'Method Not Allowed' }), json, [['allow', 'GET']]);
    return bare === '/docs'
      ? reply(200, swaggerUiHtml(), 'text/html; charset=utf-8')
      : reply(200, openapi(app), json);
  }
  const matching = app.routes.filter((r) => pathPattern(r.path).test(bare));
  if (matching.length === 0) return reply(404, toJson({ detail: 'Not Found' }), json);
  const route = matching.find((r) => r.method === method);
  if (!route)
    return reply(405, toJson({ detail: 'Method Not Allowed' }), json, [
      ['allow', [...new Set(matching.map((r) => r.method))].join(', ')],
    ]);
  return reply(200, toJson(route.returns ?? null), json);
}

function pathPattern(path: string): RegExp {
  const re = path
    .replace(/[.*+?^$()|[\]\\]/g, '\\$&')
    .replace(/\\?\{[^}]+\\?\}|\{[^}]+\}/g, '[^/]+');
  return new RegExp(`^${re}$`);
}

/** FastAPI's generated schema for literal-returning routes (summary and operationId as it derives them). */
function openapi(app: Extract<AppModel, { ok: true }>): string {
  const paths: Record<string, Record<string, Json>> = {};
  for (const r of app.routes) {
    const summary = r.functionName
      .split('_')
      .filter(Boolean)
      .map((w) => w[0]!.toUpperCase() + w.slice(1))
      .join(' ');
    const operationId =
      `${r.functionName}${r.path}`.replace(/\W/g, '_') + `_${r.method.toLowerCase()}`;
    (paths[r.path] ??= {})[r.method.toLowerCase()] = {
      summary,
      operationId,
      responses: {
        '200': {
          description: 'Successful Response',
          content: { 'application/json': { schema: {} } },
        },
      },
    };
  }
  return toJson({ openapi: '3.1.0', info: { title: app.title, version: '0.1.0' }, paths });
}

/** RFC 7231 date, as the `date` header carries it. */
export function httpDate(ms: number): string {
  return new Date(ms).toUTCString();
}
