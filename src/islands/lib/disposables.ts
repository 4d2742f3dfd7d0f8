/**
 * One convention for letting go: anything that attaches returns a Disposable, and a
 * DisposableStore releases what it holds together, newest first (xterm.js's pattern). Plain
 * functions are accepted too, because core (which knows no DOM or islands) returns `() => void`.
 */

export interface Disposable {
  dispose(): void;
}

export type Releasable = Disposable | (() => void);

export function toDisposable(release: Releasable): Disposable {
  if (typeof release !== 'function') return release;
  let done = false;
  return {
    dispose() {
      if (done) return;
      done = true;
      release();
    },
  };
}

export class DisposableStore implements Disposable {
  private readonly held: Disposable[] = [];
  private disposed = false;

  /** Holds `item` until the store is disposed; a store that is already disposed releases it at once. */
  add<T extends Releasable>(item: T): T {
    const disposable = toDisposable(item);
    if (this.disposed) disposable.dispose();
    else this.held.push(disposable);
    return item;
  }

  get isDisposed(): boolean {
    return this.disposed;
  }

  /** Releases everything, newest first; one failing release does not keep the others attached. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    const errors: unknown[] = [];
    for (const item of this.held.splice(0).reverse()) {
      try {
        item.dispose();
      } catch (error) {
        errors.push(error);
      }
    }
    if (errors.length === 1) throw errors[0];
    if (errors.length > 1) throw new AggregateError(errors, 'several releases failed');
  }
}
