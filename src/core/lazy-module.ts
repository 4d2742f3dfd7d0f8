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

/**
 * A browser keeps a failed module fetch in its module map (the HTML spec until whatwg/html#10327;
 * Chromium 156 still does), so `import()` of the same URL fails again without asking the network,
 * even once the connection is back. A retry therefore imports the URL the error names with a query
 * the module map has not seen. Where the error names no URL (Node, Safari), `load` runs again.
 */
export function lazyModule<T>(
  load: () => Promise<T>,
  reimport: (url: string) => Promise<T> = (url) => import(/* @vite-ignore */ url),
): LazyModule<T> {
  let loading: Promise<T> | undefined;
  let failedUrl: string | undefined;
  let retries = 0;
  const get = () => {
    if (!loading) {
      loading = failedUrl ? reimport(`${failedUrl}?retry=${++retries}`) : load();
      loading.catch((error: unknown) => {
        loading = undefined;
        failedUrl ??= moduleUrlIn(error);
      });
    }
    return loading;
  };
  return { get, preload: () => void get().catch(() => {}) };
}

/** Chromium: "Failed to fetch dynamically imported module: URL"; Firefox: "error loading dynamically imported module: URL". */
function moduleUrlIn(error: unknown): string | undefined {
  const message = error instanceof Error ? error.message : String(error);
  return /dynamically imported module: (https?:\/\/[^\s?#]+\.m?js)\b/.exec(message)?.[1];
}
