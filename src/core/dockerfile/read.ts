/** Text in, model out: the screening and parsing that `analyse` and `describe` share. */
import type { Finding } from '../docker/index.ts';
import { readDockerfile, type Model } from './model.ts';
import { recognise, screen } from './recognise.ts';

export type ReadResult = { model: Model; stop: null } | { model: null; stop: Finding };

export function readText(input: unknown): ReadResult {
  const screened = screen(input);
  if ('stop' in screened) return { model: null, stop: screened.stop };
  const model = readDockerfile(screened.text);
  const stop = recognise(model, screened.text);
  return stop ? { model: null, stop } : { model, stop: null };
}
