/**
 * "Check my Docker" on the learner's machine: `POST /api/verify` reads their Docker Engine (read
 * only) and answers one exercise's Verdict. The contract for the page is in docs/check-my-docker.md.
 *
 * Who may call it: only the course's own pages. The server hands each page a per-process token in
 * `<meta name="layerwise-local-api" content="/api/verify" data-token="…">`; a call must echo it in
 * `X-Layerwise-Token`, come with this server's own Host, and, when the browser says where it comes
 * from (Origin, Sec-Fetch-Site), come from this site. No CORS headers are ever sent, so no other
 * origin can read an answer.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Verdict } from '../../core/evidence.ts';
import { nodeEnvironment } from '../engine/engine-environment.ts';
import type { EngineProblem } from '../engine/problems.ts';
import type { CheckFn } from '../engine/verify-exercises.ts';
import { isOwnOrigin } from './host-guard.ts';
import { createRateLimiter, type RateLimiter } from './rate-limit.ts';
import { readVerifyRequest, type VerifyApiRequest } from './verify-request.ts';
import { baseHeaders } from './site-headers.ts';

export const API_PATH = '/api/verify';
export const TOKEN_HEADER = 'x-layerwise-token';
const BODY_LIMIT = 4096;

export type VerifyHandler = (
  request: VerifyApiRequest,
) => Promise<{ verdict: Verdict } | { problem: EngineProblem }>;

export interface LocalApiOptions {
  /** defaults to reading the engine this process finds (DOCKER_HOST, context, sockets): engineVerifyHandler(process.env) */
  verify?: VerifyHandler;
  /** defaults to 10 calls in any 10 seconds */
  rateLimit?: { limit: number; windowMs: number };
  now?: () => number;
}

export interface LocalApi {
  /** the tag injected into every HTML page, so a page knows it may offer "Check my Docker" */
  metaTag: string;
  handle(req: IncomingMessage, res: ServerResponse, port: number): Promise<void>;
}

/** The real thing: read the engine these variables point at (DOCKER_HOST, DOCKER_CONTEXT …) and judge. */
export function engineVerifyHandler(
  vars: Readonly<Record<string, string | undefined>>,
  check?: CheckFn,
): VerifyHandler {
  return async ({ exercise }) => {
    // Loaded on the first call: the engine client (dockerode, ssh2, grpc) would add about half a
    // second of module loading to every `npm start`, most of which never checks anything.
    const { verifyOnEngine } = await import('../engine/verify-exercises.ts');
    const result = await verifyOnEngine(nodeEnvironment(vars), { exercises: [exercise] }, check);
    if ('problem' in result) return result;
    const [first] = result.verdicts;
    if (!first) throw new Error('no verdict for the exercise');
    return { verdict: first.verdict };
  };
}

export function createLocalApi(options: LocalApiOptions = {}): LocalApi {
  const token = randomBytes(24).toString('hex');
  const verify = options.verify ?? engineVerifyHandler(process.env);
  const limiter: RateLimiter = createRateLimiter(
    options.rateLimit?.limit ?? 10,
    options.rateLimit?.windowMs ?? 10_000,
    options.now ?? Date.now,
  );
  return {
    metaTag: `<meta name="layerwise-local-api" content="${API_PATH}" data-token="${token}">`,
    async handle(req, res, port) {
      const path = (req.url ?? '').split('?')[0];
      if (path !== API_PATH)
        return sendJson(
          res,
          404,
          error('not-found', `There is no ${path}; the local API is POST ${API_PATH}.`),
        );
      if (req.method !== 'POST')
        return sendJson(res, 405, error('method', `Use POST ${API_PATH}.`), { Allow: 'POST' });
      const refusal = refuse(req, port, token);
      if (refusal) return sendJson(res, 403, error('forbidden', refusal));
      if (!/^application\/json\s*(;|$)/i.test(req.headers['content-type'] ?? '')) {
        return sendJson(
          res,
          415,
          error('content-type', 'Send the request as Content-Type: application/json.'),
        );
      }
      const declared = Number(req.headers['content-length'] ?? 0);
      const body = declared > BODY_LIMIT ? null : await readBody(req, BODY_LIMIT);
      // The rest of an oversized body is never read, so this connection cannot carry another request.
      if (body === null)
        return sendJson(res, 413, error('too-large', `The body is over ${BODY_LIMIT} bytes.`), {
          Connection: 'close',
        });
      const parsed = readVerifyRequest(body);
      if ('error' in parsed) return sendJson(res, 400, error('bad-request', parsed.error));
      // Only a well-formed call reaches the engine, so only one spends the limit (audit I1).
      const slot = limiter.take();
      if (!slot.ok) {
        return sendJson(
          res,
          429,
          error(
            'rate-limited',
            `Too many checks at once; try again in ${slot.retryAfterSeconds} s.`,
          ),
          { 'Retry-After': String(slot.retryAfterSeconds) },
        );
      }
      try {
        const result = await verify(parsed.request);
        if ('problem' in result) return sendJson(res, 503, { error: result.problem });
        return sendJson(res, 200, { verdict: result.verdict });
      } catch (e) {
        console.error('layerwise: /api/verify failed', e);
        return sendJson(
          res,
          500,
          error(
            'internal',
            'Layerwise could not check your Docker (an internal error); the terminal running npm start shows why.',
          ),
        );
      }
    },
  };
}

/** Why the call is not from this site's own pages, or null when it is. */
function refuse(req: IncomingMessage, port: number, token: string): string | null {
  const host = req.headers.host ?? '';
  const origin = req.headers.origin;
  if (origin !== undefined && !isOwnOrigin(origin, host, port))
    return `Calls from ${origin} are not accepted; only the course's own pages may check your Docker.`;
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin')
    return 'Only the course’s own pages may check your Docker.';
  const given = Buffer.from(String(req.headers[TOKEN_HEADER] ?? ''));
  const wanted = Buffer.from(token);
  if (given.length !== wanted.length || !timingSafeEqual(given, wanted)) {
    return `The ${TOKEN_HEADER} header is missing or wrong: reload the page (the server was restarted) and try again.`;
  }
  return null;
}

function error(kind: string, message: string): { error: { kind: string; message: string } } {
  return { error: { kind, message } };
}

function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  extra: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...baseHeaders(),
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(text)),
    'Cache-Control': 'no-store',
    ...extra,
  });
  res.end(text);
}

/** The body as text, or null past `limit` bytes (the rest is not read). */
function readBody(req: IncomingMessage, limit: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        resolve(null);
        req.pause();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
