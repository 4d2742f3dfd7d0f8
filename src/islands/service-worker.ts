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
/**
 * Stored in this version's cache when it handed a page to the next version: from then on (in this
 * worker or a restarted one) every file comes from the next version's cache, until it is active.
 */
const HANDED_OVER = `${base}__layerwise-handed-over__`;
/** Folders whose files are stored as they are fetched (the workspace's code, Python, search). */
const RUNTIME_FOLDERS = ['_astro/', 'pyodide/', 'pagefind/'].map((f) => `${base}${f}`);
/** Astro names these files by their content: any version's copy is the right one. */
const IMMUTABLE = `${base}_astro/`;
/** What the new worker is told when the old one has handed it a navigation. */
const TAKE_OVER = 'layerwise:take-over';

let firstVersion = false;

worker.addEventListener('install', (event) => event.waitUntil(install()));
worker.addEventListener('activate', (event) => event.waitUntil(activate()));
worker.addEventListener('message', (event) => {
  if (event.data === TAKE_OVER) event.waitUntil(worker.skipWaiting());
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

const isPrecached = (url: URL) => precache.includes(url.pathname);

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
}

async function activate(): Promise<void> {
  const names = await caches.keys();
  await Promise.all(
    names.filter((n) => n.startsWith(PREFIX) && n !== CACHE).map((n) => caches.delete(n)),
  );
  if (firstVersion) await worker.clients.claim();
}

/**
 * A page: from this version's cache, unless a new version is installed and waiting; then this
 * navigation is the moment it takes over, and the page comes from its cache (never this one's).
 */
async function navigate(request: Request): Promise<Response> {
  const next = worker.registration.waiting;
  const nextCache = next ? await newestOtherCache() : null;
  if (next && nextCache) {
    await (await caches.open(CACHE)).put(HANDED_OVER, new Response(''));
    next.postMessage(TAKE_OVER);
  }
  const cache = nextCache ?? (await caches.open(CACHE));
  const stored = await cache.match(request, { ignoreSearch: true, ignoreVary: true });
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
async function newestOtherCache(): Promise<Cache | null> {
  let best: { cache: Cache; at: number } | null = null;
  for (const name of await caches.keys()) {
    if (!name.startsWith(PREFIX) || name === CACHE) continue;
    const cache = await caches.open(name);
    const ready = await cache.match(READY);
    const at = ready ? ((await ready.json()) as { at: number }).at : -1;
    if (ready && (!best || at > best.at)) best = { cache, at };
  }
  return best?.cache ?? null;
}

/** A file of the site: this version's copy, else fetched and kept in this version's cache. */
async function asset(request: Request, url: URL, event: FetchEvent): Promise<Response> {
  const own = await caches.open(CACHE);
  const cache = (await own.match(HANDED_OVER)) ? ((await newestOtherCache()) ?? own) : own;
  const stored =
    (await cache.match(request, { ignoreVary: true })) ??
    // a content-named file is the same in every version that has it
    (url.pathname.startsWith(IMMUTABLE) ? await matchAnyVersion(request) : undefined);
  if (stored) return stored;
  const response = await fetch(request);
  if (response.status === 200 && response.type === 'basic' && !noStore(response))
    event.waitUntil(cache.put(request, response.clone()));
  return response;
}

async function matchAnyVersion(request: Request): Promise<Response | undefined> {
  for (const name of await caches.keys()) {
    if (!name.startsWith(PREFIX)) continue;
    const hit = await (await caches.open(name)).match(request, { ignoreVary: true });
    if (hit) return hit;
  }
  return undefined;
}

const noStore = (response: Response) =>
  /\bno-store\b/i.test(response.headers.get('Cache-Control') ?? '');

export {};
