/**
 * "Check my Docker": only when the course runs on the learner's machine (`npm start`), whose server
 * marks every page with <meta name="layerwise-local-api">. A static host never does, so the button
 * never appears there and no request fails; the panel's hosted-copy line names the CLI command
 * instead (issue 15). Contract: docs/check-my-docker.md.
 */
import type { Verdict } from '../core/evidence.ts';
import { offerEvidence, type HookResult } from './exercise-panel.ts';

interface ApiError {
  error?: { kind?: string; message?: string; hint?: string };
}

async function askEngine(url: string, token: string, exercise: string): Promise<HookResult> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Layerwise-Token': token },
      body: JSON.stringify({ exercise }),
    });
  } catch {
    return { error: 'The course’s local server did not answer. Is `npm start` still running?' };
  }
  const body = (await response.json().catch(() => ({}))) as { verdict?: Verdict } & ApiError;
  if (response.ok && body.verdict) return { verdict: body.verdict };
  if (response.status === 403)
    return {
      error:
        'The local server did not accept this page (it may have restarted). Reload the page and try again.',
    };
  if (response.status === 429)
    return {
      error: `Too many checks at once; wait ${response.headers.get('Retry-After') ?? 'a few'} seconds and try again.`,
    };
  const e = body.error;
  return {
    error: e?.message
      ? `${e.message}${e.hint ? ` ${e.hint}` : ''}`
      : `The local server answered ${response.status}.`,
  };
}

export function offerLocalEngine(): void {
  const meta = document.querySelector<HTMLMetaElement>('meta[name="layerwise-local-api"]');
  if (!meta?.content) {
    // A hosted copy: each panel Docker can prove says how to get its verdict on the learner's machine.
    for (const note of document.querySelectorAll<HTMLElement>('[data-hosted-note]'))
      note.hidden = false;
    return;
  }
  const url = meta.content;
  const token = meta.dataset['token'] ?? '';
  offerEvidence('engine', {
    label: 'Check my Docker',
    get: (exercise) => askEngine(url, token, exercise),
  });
}
