/**
 * Code loaded the first time it is needed (a dynamic import): the checkers behind a panel, the
 * workspace behind its button, the simulator's `docker` and image builder behind its prompt.
 */
export interface LazyModule<T> {
  /** the module, loading it on the first call; a failed download is tried again by the next call */
  get(): Promise<T>;
  /** starts the download without waiting for it; a failure stays quiet until `get` */
  preload(): void;
}

export function lazyModule<T>(load: () => Promise<T>): LazyModule<T> {
  let loading: Promise<T> | undefined;
  const get = () => {
    if (!loading) {
      loading = load();
      loading.catch(() => (loading = undefined));
    }
    return loading;
  };
  return { get, preload: () => void get().catch(() => {}) };
}
