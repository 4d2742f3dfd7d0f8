/**
 * A typed event source: `event(listener)` subscribes and returns a Disposable, `fire(value)` calls
 * the listeners in the order they came. A listener that unsubscribes while the event fires does
 * not stop the others from hearing it.
 */
import type { Disposable } from './disposables.ts';

export interface Emitter<T> extends Disposable {
  event(listener: (value: T) => void): Disposable;
  fire(value: T): void;
  /** how many listeners are attached (a terminal starts drawing when the first one comes) */
  readonly size: number;
}

export function createEmitter<T>(): Emitter<T> {
  const listeners = new Set<(value: T) => void>();
  return {
    event(listener) {
      // A wrapper per subscription, so the same function subscribed twice is two subscriptions.
      const once = (value: T) => listener(value);
      listeners.add(once);
      return { dispose: () => void listeners.delete(once) };
    },
    fire(value) {
      for (const listener of [...listeners]) listener(value);
    },
    get size() {
      return listeners.size;
    },
    dispose: () => listeners.clear(),
  };
}
