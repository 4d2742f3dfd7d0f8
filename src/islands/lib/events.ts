/**
 * The events islands send each other through `document`, typed once: a listener gets
 * `CustomEvent<Progress>` without a cast, and `emit` accepts only the detail its event carries.
 */
import type { Progress } from '../../core/progress/index.ts';
import type { Disposable } from './disposables.ts';

export interface LayerwiseEvents {
  /** progress changed (a verdict, a quiz answer, an import); detail: the new progress */
  'layerwise:progress': Progress;
  /** an island registered or withdrew a source of evidence for the exercise panels */
  'layerwise:evidence-sources': null;
}

declare global {
  interface DocumentEventMap {
    'layerwise:progress': CustomEvent<LayerwiseEvents['layerwise:progress']>;
    'layerwise:evidence-sources': CustomEvent<LayerwiseEvents['layerwise:evidence-sources']>;
  }
}

export function emit<K extends keyof LayerwiseEvents>(name: K, detail: LayerwiseEvents[K]): void {
  document.dispatchEvent(new CustomEvent(name, { detail }));
}

export function on<K extends keyof LayerwiseEvents>(
  name: K,
  listener: (detail: LayerwiseEvents[K]) => void,
): Disposable {
  const handle = (event: CustomEvent<LayerwiseEvents[K]>) => listener(event.detail);
  const target = document as unknown as {
    addEventListener(n: K, h: typeof handle): void;
    removeEventListener(n: K, h: typeof handle): void;
  };
  target.addEventListener(name, handle);
  return { dispose: () => target.removeEventListener(name, handle) };
}
