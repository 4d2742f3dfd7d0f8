/**
 * The search dialog: a modal <dialog> (focus stays inside, Esc closes, focus returns to the
 * opener) with one labelled search field, a live count, and the results as links to the lesson
 * section that matched. Pagefind's index (dist/pagefind/, built by src/node/build/pagefind-index.ts)
 * loads on the first open, from this site only, so it works offline wherever the site does.
 * Result excerpts are rebuilt from text: only Pagefind's <mark>s become elements.
 */
import { lazyModule } from '../core/lazy-module.ts';
import { withBase } from './lib/base-url.ts';
import './site-search.css';

interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: { title?: string };
  sub_results?: { title: string; url: string; excerpt: string; locations?: number[] }[];
}
interface Pagefind {
  options(o: { excerptLength?: number; baseUrl?: string }): Promise<void>;
  /** starts loading the index (in Pagefind's worker) before the first query */
  init(): Promise<void>;
  search(query: string): Promise<{ results: { data(): Promise<PagefindResultData> }[] } | null>;
}

/** Where Pagefind writes its script: outside the bundle, so the bundler must not resolve it. */
const PAGEFIND_URL = withBase('/pagefind/pagefind.js');
const MAX_RESULTS = 8;
const TYPING_PAUSE_MS = 120;

const pagefind = lazyModule<Pagefind>(async () => {
  const pf = (await import(/* @vite-ignore */ PAGEFIND_URL)) as Pagefind;
  // Pagefind indexes dist/ as if at /; under a base path its result URLs need the base in front.
  await pf.options({ excerptLength: 18, baseUrl: withBase('/') });
  void pf.init();
  return pf;
});

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className = '', text?: string) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Pagefind's excerpt is HTML (escaped text and <mark>); keep the text and the marks, nothing else. */
export function excerptNodes(html: string): Node[] {
  const body = new DOMParser().parseFromString(html, 'text/html').body;
  return [...body.childNodes].map((n) =>
    n.nodeName === 'MARK'
      ? el('mark', '', n.textContent ?? '')
      : document.createTextNode(n.textContent ?? ''),
  );
}

const plural = (n: number) => (n === 1 ? '1 result' : `${n} results`);

let dialog: HTMLDialogElement | null = null;
let opener: HTMLElement | null = null;

function build(): HTMLDialogElement {
  const d = el('dialog', 'search-dialog');
  d.setAttribute('aria-labelledby', 'search-title');
  const form = el('form', 'search-form');
  form.setAttribute('role', 'search');
  form.method = 'dialog';
  const title = el('h2', 'search-title', 'Search the lessons');
  title.id = 'search-title';
  const input = el('input', 'search-input');
  Object.assign(input, { type: 'search', id: 'search-input', autocomplete: 'off' });
  input.spellcheck = false;
  input.setAttribute('aria-labelledby', 'search-title');
  input.setAttribute('aria-describedby', 'search-status');
  input.setAttribute('aria-controls', 'search-results');
  const close = el('button', 'search-close', 'Close');
  close.type = 'button';
  close.addEventListener('click', () => d.close());
  form.append(title, input, close);
  const status = el(
    'p',
    'search-status',
    'Type a word from a lesson: a command, an error, a term.',
  );
  status.id = 'search-status';
  status.setAttribute('role', 'status');
  const results = el('ol', 'search-results');
  results.id = 'search-results';
  results.setAttribute('aria-label', 'Results');
  // The dialog itself is only the backdrop's edge: a click that lands on it is outside the panel.
  const panel = el('div', 'search-panel');
  panel.append(form, status, results);
  d.append(panel);

  let asked = 0;
  const run = async () => {
    const query = input.value.trim();
    const ask = ++asked;
    if (query === '') {
      results.replaceChildren();
      status.textContent = 'Type a word from a lesson: a command, an error, a term.';
      return;
    }
    status.textContent = 'Searching…';
    let found: PagefindResultData[];
    try {
      const pf = await pagefind.get();
      const search = await pf.search(query);
      if (ask !== asked) return;
      found = await Promise.all((search?.results ?? []).slice(0, MAX_RESULTS).map((r) => r.data()));
    } catch {
      if (ask === asked)
        status.textContent =
          'Search could not be loaded: the site may be offline, or this is the development server (search is built with the site: npm run build). Try again.';
      return;
    }
    if (ask !== asked) return; // a newer query is on its way
    results.replaceChildren(...found.map(resultItem));
    status.textContent = found.length
      ? `${plural(found.length)} for “${query}”.`
      : `Nothing in the lessons matches “${query}”.`;
  };
  // One search once typing pauses, not one per key.
  let pause: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    clearTimeout(pause);
    pause = setTimeout(() => void run(), TYPING_PAUSE_MS);
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    results.querySelector('a')?.focus();
  });
  // Esc closes at once, also from the field (a search field would first clear itself).
  input.addEventListener('keydown', (e) => {
    if (e.key !== 'Escape') return;
    e.preventDefault();
    d.close();
  });
  // Arrow keys walk from the field through the results and back.
  d.addEventListener('keydown', (e) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    const stops = [input, ...results.querySelectorAll<HTMLElement>('a')];
    const at = stops.indexOf(document.activeElement as HTMLElement);
    if (at === -1) return;
    const next = stops[at + (e.key === 'ArrowDown' ? 1 : -1)];
    if (!next) return;
    e.preventDefault();
    next.focus();
  });
  d.addEventListener('close', () => opener?.focus());
  // A click on the backdrop closes it, as Esc does.
  d.addEventListener('click', (e) => {
    if (e.target === d) d.close();
  });
  document.body.append(d);
  return d;
}

function resultItem(r: PagefindResultData): HTMLLIElement {
  // The section where the words occur most: Pagefind lists sections in page order.
  const section = (r.sub_results ?? [])
    .filter((s) => s.url.includes('#'))
    .sort((a, b) => (b.locations?.length ?? 0) - (a.locations?.length ?? 0))[0];
  const item = el('li', 'search-result');
  const link = el('a');
  link.href = section?.url ?? r.url;
  const page = r.meta.title ?? r.url;
  link.append(el('span', 'search-result-title', page));
  if (section && section.title !== page)
    link.append(el('span', 'search-result-section', ` › ${section.title}`));
  const excerpt = el('span', 'search-result-excerpt');
  excerpt.append(...excerptNodes(section?.excerpt ?? r.excerpt));
  link.append(excerpt);
  item.append(link);
  return item;
}

/** `from`: where focus returns on close (the button, or what had focus when a key opened search). */
export function openSearch(from: HTMLElement | null): void {
  opener = from;
  dialog ??= build();
  if (!dialog.open) dialog.showModal();
  pagefind.preload();
  const input = dialog.querySelector('input');
  input?.focus();
  input?.select();
}
