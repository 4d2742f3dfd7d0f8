/**
 * The course's service worker (issue 15 item 2): the course keeps working with no network after the
 * first visit. The build (src/node/hosting/service-worker-build.ts) turns this file into `sw.js` at
 * the site's base, with `LAYERWISE_SW` (this build's version and the files to keep) written above it.
 *
 * One cache per build version: the pages, CSS, the pages' scripts (the paste checkers included) and
 * the search index are stored on install; what a learner then loads from the site's code folders
 * (the workspace: xterm, CodeMirror, the sandbox; Python once the app started) is stored as it is
 * fetched. A page and everything it loads come from the same version's cache, so a learner never
 * sees a half-old page: a new version installs beside the old one, waits, and takes over at the
 * next navigation (the old worker serves that page from the new cache and lets the new one
 * activate), which then deletes the other versions' caches.
 */

/** Written by the build above this code. */
declare const LAYERWISE_SW: {
  /** this build's version: a hash of every file of the site */
  version: string;
  /** the base path the site was built for: `/` or `/docker-course/` */
  base: string;
  /** the URLs stored on install: every page, CSS, the pages' scripts and the search index */
  precache: string[];
};

interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  request: Request;
  respondWith(response: Promise<Response>): void;
}
interface ExtendableMessageEvent extends ExtendableEvent {
  data: unknown;
}
interface WorkerScope {
  registration: ServiceWorkerRegistration;
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void> };
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'message', listener: (event: ExtendableMessageEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
}

const worker = self as unknown as WorkerScope;
const { version, base, precache } = LAYERWISE_SW;
/** Every version of this course (this base) on this origin; another course beside it keeps its own. */
const PREFIX = `layerwise@${base}:`;
const CACHE = `${PREFIX}${version}`;
/** Stored last on install: a cache that holds it is complete. */
const READY = `${base}__layerwise-ready__`;
/** Folders whose files are stored as they are fetched (the workspace's code, Python, search). */
const RUNTIME_FOLDERS = ['_astro/', 'pyodide/', 'pagefind/'].map((f) => `${base}${f}`);
/** Astro names these files by their content: any version's copy is the right one. */
const IMMUTABLE = `${base}_astro/`;
/** What the old worker tells the waiting one once it has handed the site over. */
const TAKE_OVER = 'layerwise:take-over';
/** What the new worker sends the old one while it waits for it to stop (it needs no answer). */
const NUDGE = 'layerwise:nudge';

let firstVersion = false;

worker.addEventListener('install', (event) => event.waitUntil(install()));
worker.addEventListener('activate', (event) => event.waitUntil(activate()));
worker.addEventListener('message', (event) => {
  if (event.data === TAKE_OVER) event.waitUntil(takeOverIfHandedOver());
});
worker.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== location.origin || !url.pathname.startsWith(base)) return;
  if (request.mode === 'navigate') event.respondWith(navigate(request));
  else if (RUNTIME_FOLDERS.some((f) => url.pathname.startsWith(f)) || isPrecached(url))
    event.respondWith(asset(request, url, event));
  // anything else (npm start's local API) goes to the network untouched
});
// Every time this worker starts (the browser stops idle workers), and after it installs: if the
// version before it has handed over, take over, whether or not its message arrived.
void takeOverIfHandedOver();

const isPrecached = (url: URL) => precache.includes(url.pathname);

/**
 * A cache is complete once its install stored READY. `caches.match` with a `cacheName` reads
 * without creating the cache, unlike `caches.open`: a handed-over version never brings its
 * deleted cache back.
 */
async function isComplete(name: string): Promise<boolean> {
  return !!(await caches.match(READY, { cacheName: name }));
}

async function install(): Promise<void> {
  const cache = await caches.open(CACHE);
  try {
    // `reload`: from the server, not from an HTTP cache that may hold another version's page
    await cache.addAll(precache.map((path) => new Request(path, { cache: 'reload' })));
    await cache.put(READY, new Response(JSON.stringify({ version, at: Date.now() })));
  } catch (error) {
    await caches.delete(CACHE);
    throw error;
  }
  // The first version replaces nothing (it activates at once): it takes the open page too, so a
  // workspace opened on this very visit is stored.
  firstVersion = !worker.registration.active;
  // handed over already (the old version's cache is gone): activate as soon as installed
  if (await handedOver()) void worker.skipWaiting();
}

async function activate(): Promise<void> {
  const names = await caches.keys();
  await Promise.all(
    names.filter((n) => n.startsWith(PREFIX) && n !== CACHE).map((n) => caches.delete(n)),
  );
  if (firstVersion) await worker.clients.claim();
}

/**
 * The hand-over's durable mark is the old version's cache being gone: a worker not yet active whose
 * cache is the only complete one of this course takes over.
 */
async function takeOverIfHandedOver(): Promise<void> {
  if (await handedOver()) await takeOver();
}
async function handedOver(): Promise<boolean> {
  if (!worker.registration.active || !(await isComplete(CACHE))) return false;
  return (await newestOtherCache()) === null;
}

/**
 * skipWaiting, asked again every second until this worker is no longer waiting (its promise
 * settles only on activation, so it cannot be awaited here). Chromium activates it once the old
 * worker has gone idle and stopped; when a request of the page restarted the old worker meanwhile,
 * or the old worker was idle already, nothing makes it idle again. So each time the old worker also
 * gets a message: an event that ends, after which Chromium stops it (skipWaiting asked it to stop
 * as soon as it is idle) and activates this one.
 */
async function takeOver(): Promise<void> {
  for (let asked = 0; asked < 120 && worker.registration.waiting; asked += 1) {
    void worker.skipWaiting();
    worker.registration.active?.postMessage(NUDGE);
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

/**
 * The cache this worker serves from: its own, or, once it has handed over, the next version's.
 * While handed over it tells the waiting worker again at every request (a message can be lost,
 * and Chromium activates the new worker only once the old one is idle): the new worker's taking
 * over, which ends this worker's requests, is the acknowledgement.
 */
async function servingCache(): Promise<string | null> {
  if (await isComplete(CACHE)) return CACHE;
  worker.registration.waiting?.postMessage(TAKE_OVER);
  return newestOtherCache();
}

/**
 * A page: from this version's cache, unless a new version is installed and waiting; then this
 * navigation is the moment it takes over: this version deletes its cache (the mark that survives
 * this worker being stopped), and the page and all it loads come from the next version's cache.
 */
async function navigate(request: Request): Promise<Response> {
  if (worker.registration.waiting && (await newestOtherCache())) await caches.delete(CACHE);
  const name = await servingCache();
  const stored = name
    ? await caches.match(request, { cacheName: name, ignoreSearch: true, ignoreVary: true })
    : undefined;
  // A page its server marks no-store (npm start's, with this run's local-API token) is asked for
  // first, and the stored copy is for when the server does not answer.
  if (stored && !noStore(stored)) return stored;
  try {
    return await fetch(request);
  } catch (error) {
    if (stored) return stored;
    throw error;
  }
}

/** The newest complete cache of another version of this course (the waiting worker's). */
async function newestOtherCache(): Promise<string | null> {
  let best: { name: string; at: number } | null = null;
  for (const name of await caches.keys()) {
    if (!name.startsWith(PREFIX) || name === CACHE) continue;
    const ready = await caches.match(READY, { cacheName: name });
    const at = ready ? ((await ready.json()) as { at: number }).at : -1;
    if (ready && (!best || at > best.at)) best = { name, at };
  }
  return best?.name ?? null;
}

/** A file of the site: the serving version's copy, else fetched and kept in that version's cache. */
async function asset(request: Request, url: URL, event: FetchEvent): Promise<Response> {
  const name = await servingCache();
  const stored =
    (name ? await caches.match(request, { cacheName: name, ignoreVary: true }) : undefined) ??
    // a content-named file is the same in every version that has it
    (url.pathname.startsWith(IMMUTABLE)
      ? await caches.match(request, { ignoreVary: true })
      : undefined);
  if (stored) return stored;
  const response = await fetch(request);
  if (name && response.status === 200 && response.type === 'basic' && !noStore(response))
    event.waitUntil(keep(name, request, response.clone()));
  return response;
}

/** Stores a fetched file in a version's cache, unless that version has been deleted meanwhile. */
async function keep(name: string, request: Request, response: Response): Promise<void> {
  if (await isComplete(name)) await (await caches.open(name)).put(request, response);
}

const noStore = (response: Response) =>
  /\bno-store\b/i.test(response.headers.get('Cache-Control') ?? '');

export {};
