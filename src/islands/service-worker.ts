/**
 * The course's service worker (issue 15 item 2): the course keeps working with no network after the
 * first visit. The build (src/node/hosting/service-worker-build.ts) turns this file into `sw.js` at
 * the site's base, with `LAYERWISE_SW` (this build's version and the files to keep) written above it.
 *
 * One cache per build version: the pages, CSS, the pages' scripts (the paste checkers included) and
 * the search index are stored on install; what a learner then loads from the site's code folders
 * (the workspace: xterm, CodeMirror, the sandbox; Python once the app started) is stored as it is
 * fetched. A page and everything it loads come from the same version's cache, so a learner never
 * sees a half-old page. Updates follow the browser's standard lifecycle (as Workbox recommends): a
 * new version installs beside the old one and waits while any tab still shows the old version (the
 * old worker keeps serving those tabs from its own cache); once every such tab is closed the new
 * one activates and deletes the other versions' caches. A page the old worker serves tells the
 * learner a new version is ready (src/layouts/Base.astro); when they choose to reload, it asks the
 * waiting worker to take over now.
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
interface WorkerScope {
  registration: ServiceWorkerRegistration;
  clients: { claim(): Promise<void> };
  skipWaiting(): Promise<void>;
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
}

const worker = self as unknown as WorkerScope;
const { version, base, precache } = LAYERWISE_SW;
/** Every version of this course (this base) on this origin; another course beside it keeps its own. */
const PREFIX = `layerwise@${base}:`;
const CACHE = `${PREFIX}${version}`;
/** Folders whose files are stored as they are fetched (the workspace's code, Python, search). */
const RUNTIME_FOLDERS = ['_astro/', 'pyodide/', 'pagefind/'].map((f) => `${base}${f}`);
/** Astro names these files by their content: any version's copy is the right one. */
const IMMUTABLE = `${base}_astro/`;

let firstVersion = false;

worker.addEventListener('install', (event) => event.waitUntil(install()));
worker.addEventListener('activate', (event) => event.waitUntil(activate()));
// What a page sends (src/layouts/Base.astro) when the learner chose to reload into this version.
worker.addEventListener('message', (event) => {
  if (event.data === 'layerwise:take-over') void worker.skipWaiting();
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

/** A page: from this version's cache; the network for what it does not hold. */
async function navigate(request: Request): Promise<Response> {
  const stored = await caches.match(request, {
    cacheName: CACHE,
    ignoreSearch: true,
    ignoreVary: true,
  });
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

/** A file of the site: the serving version's copy, else fetched and kept in that version's cache. */
async function asset(request: Request, url: URL, event: FetchEvent): Promise<Response> {
  const stored =
    (await caches.match(request, { cacheName: CACHE, ignoreVary: true })) ??
    // a content-named file is the same in every version that has it
    (url.pathname.startsWith(IMMUTABLE)
      ? await caches.match(request, { ignoreVary: true })
      : undefined);
  if (stored) return stored;
  const response = await fetch(request);
  if (response.status === 200 && response.type === 'basic' && !noStore(response))
    event.waitUntil(keep(request, response.clone()));
  return response;
}

/** Stores a fetched file in this version's cache, unless it has been deleted meanwhile. */
async function keep(request: Request, response: Response): Promise<void> {
  if (await caches.has(CACHE)) await (await caches.open(CACHE)).put(request, response);
}

const noStore = (response: Response) =>
  /\bno-store\b/i.test(response.headers.get('Cache-Control') ?? '');

export {};
