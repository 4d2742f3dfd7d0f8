/**
 * The body of `POST /api/verify`: `{ "exercise": "first-build" }`, and nothing else. The page never
 * names an image: the server always reads the course's own (demo-image:latest, and for a rebuild
 * the build before it), so no one on this machine can make it read, or send to the engine, any
 * other name (audit F1, F6). `layerwise verify --image` is the way to check another name.
 */
import { ENGINE_EXERCISES } from '../engine/engine-exercises.ts';

export interface VerifyApiRequest {
  exercise: string;
}

export function readVerifyRequest(text: string): { request: VerifyApiRequest } | { error: string } {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return { error: 'The body is not JSON.' };
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return { error: 'The body must be a JSON object.' };
  const unknown = Object.keys(body).filter((k) => k !== 'exercise');
  if (unknown.length)
    return { error: `Unknown field${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}.` };
  const { exercise } = body as { exercise?: unknown };
  if (typeof exercise !== 'string' || !ENGINE_EXERCISES.includes(exercise)) {
    return { error: `"exercise" must be one of ${ENGINE_EXERCISES.join(', ')}.` };
  }
  return { request: { exercise } };
}
