/**
 * The body of `POST /api/verify`: `{ "exercise": "first-build", "image"?: "demo-image:latest",
 * "previous"?: "demo-image:v1" }`. Anything else is refused with a message saying what is wrong.
 */
import { ENGINE_EXERCISES } from '../engine/verify-exercises.ts';

export interface VerifyApiRequest {
  exercise: string;
  image?: string;
  previous?: string;
}

/** What `docker build -t` accepts, loosely: a reference, never a path, a flag or a URL. */
const REFERENCE = /^[A-Za-z0-9][A-Za-z0-9._/:@-]{0,254}$/;
const FIELDS = new Set(['exercise', 'image', 'previous']);

export function readVerifyRequest(text: string): { request: VerifyApiRequest } | { error: string } {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return { error: 'The body is not JSON.' };
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return { error: 'The body must be a JSON object.' };
  const fields = body as Record<string, unknown>;
  const unknown = Object.keys(fields).filter((k) => !FIELDS.has(k));
  if (unknown.length)
    return { error: `Unknown field${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}.` };
  const { exercise, image, previous } = fields;
  if (typeof exercise !== 'string' || !ENGINE_EXERCISES.includes(exercise)) {
    return { error: `"exercise" must be one of ${ENGINE_EXERCISES.join(', ')}.` };
  }
  const request: VerifyApiRequest = { exercise };
  for (const [name, value] of [
    ['image', image],
    ['previous', previous],
  ] as const) {
    if (value === undefined) continue;
    if (typeof value !== 'string' || !REFERENCE.test(value))
      return { error: `"${name}" must be an image reference such as demo-image:latest.` };
    request[name] = value;
  }
  return { request };
}
