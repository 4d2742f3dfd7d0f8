/**
 * The exercise panel: paste → Check → each check as ✓/✗ with its message, hint and the pasted line
 * it points at. Pasted text is only ever put into the page as text (textContent), never as HTML.
 * The checkers load on first use, so a lesson's first load stays small.
 */
import type { Evidence, Verdict } from '../core/evidence.ts';
import { lazyModule } from '../core/lazy-module.ts';
import { recordVerdict, type Progress } from '../core/progress/index.ts';
import { emit, on } from './lib/events.ts';
import { proofOf, provenOn } from './proof-text.ts';
import { readProgress, updateProgress } from './progress-store.ts';
import { renderVerdict, summarise } from './verdict-view.ts';

/** A paste this size is not terminal output; refusing keeps the tab responsive. */
const MAX_PASTE = 5 * 1024 * 1024;

type Checkers = typeof import('../core/checkers/index.ts');
const checkers = lazyModule<Checkers>(() => import('../core/checkers/index.ts'));

/**
 * Other islands offer evidence through this hook: the terminal gives its transcript (judged here),
 * the local verifier gives the verdict its server judged from the learner's Docker Engine.
 */
export type HookResult = { evidence: Evidence } | { verdict: Verdict } | { error: string };
export interface EvidenceSourceHook {
  label: string;
  get(exerciseId: string): Promise<HookResult>;
}
const hooks = new Map<'engine' | 'sandbox', EvidenceSourceHook>();
export function offerEvidence(kind: 'engine' | 'sandbox', hook: EvidenceSourceHook): void {
  hooks.set(kind, hook);
  emit('layerwise:evidence-sources', null);
}

/**
 * The verdict's summary, then what it means for the learner's progress: where a pass counts, or
 * that an earlier pass still does. The panel shows this instead of its mark once it has a verdict.
 */
function verdictSummary(verdict: Verdict, before: Progress, dockerProvable: boolean, id: string) {
  const summary = summarise(verdict);
  if (verdict.status === 'unrecognized') return summary;
  const where =
    verdict.evidence === 'sandbox' ? 'in the browser terminal' : provenOn(dockerProvable);
  if (verdict.status === 'pass')
    return `${summary.slice(0, -1)}: ${verdict.evidence === 'sandbox' ? 'practised' : 'verified'} ${where}.`;
  const earlier = before.exercises[id];
  if (earlier?.mark === 'verified')
    return `${summary} You passed this before, ${provenOn(dockerProvable)}: that still counts.`;
  if (earlier?.mark === 'practised')
    return `${summary} You passed this before in the browser terminal: that still counts.`;
  return summary;
}

function bindPanel(panel: HTMLElement) {
  const id = panel.dataset['exercise'] ?? '';
  const input = panel.querySelector<HTMLTextAreaElement>('textarea');
  const button = panel.querySelector<HTMLButtonElement>('[data-check]');
  const result = panel.querySelector<HTMLElement>('[data-result]');
  const announce = panel.querySelector<HTMLElement>('[data-announce]');
  const mark = panel.querySelector<HTMLElement>('[data-mark]');
  if (!input || !button || !result || !announce || !mark) return;
  const dockerProvable = (panel.dataset['accepts'] ?? '').split(' ').includes('engine');

  // The mark says where the exercise was proven, until a verdict in this panel says it instead.
  let verdictShown = false;
  const showMark = (p: Progress) => {
    const entry = p.exercises[id];
    const proof = proofOf(entry, dockerProvable);
    mark.hidden = verdictShown || !entry;
    mark.textContent = proof.text;
    mark.classList.toggle('exercise-mark--done', proof.done);
  };
  showMark(readProgress());

  const judge = async (input: HookResult, pasted: string | null) => {
    result.replaceChildren();
    if ('error' in input) {
      verdictShown = false;
      showMark(readProgress());
      announce.textContent = input.error;
      const p = document.createElement('p');
      p.className = 'exercise-error';
      p.textContent = input.error;
      result.append(p);
      return;
    }
    announce.textContent = 'Checking…';
    const code = await checkers.get().catch(() => null);
    if (!code)
      return judge(
        {
          error:
            'The checker could not be loaded: the page may be offline. Check the connection and try again.',
        },
        null,
      );
    const { check, shownLines, judgedCommand, transcriptText } = code;
    const verdict: Verdict =
      'verdict' in input
        ? input.verdict
        : check(id, input.evidence, { today: new Date().toISOString().slice(0, 10) });
    const summary = verdictSummary(verdict, readProgress(), dockerProvable, id);
    // The terminal's transcript is read as the paste it amounts to: quote its lines the same way.
    const transcript =
      'evidence' in input && input.evidence.source === 'sandbox' ? input.evidence.transcript : null;
    const read = transcript ? transcriptText(transcript) : pasted;
    const judged =
      transcript && verdict.status !== 'unrecognized' ? judgedCommand(transcript, verdict) : null;
    renderVerdict(result, verdict, summary, read === null ? null : shownLines(read), judged);
    announce.textContent = summary;
    verdictShown = true;
    mark.hidden = true;
    if (verdict.status !== 'unrecognized')
      updateProgress((prev) => recordVerdict(prev, id, verdict, new Date().toISOString()));
  };

  const checkPaste = () => {
    const text = input.value;
    if (text.trim() === '')
      return judge({ error: 'Paste the output first: the box is empty.' }, null);
    if (text.length > MAX_PASTE)
      return judge(
        {
          error: `That is ${Math.round(text.length / 1048576)} MB of text; terminal output for this step is a few kB. Paste only what the command printed.`,
        },
        null,
      );
    return judge({ evidence: { source: 'paste', text } }, text);
  };

  button.disabled = false;
  button.addEventListener('click', () => void checkPaste());
  input.addEventListener('focus', checkers.preload, { once: true });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void checkPaste();
    }
  });

  const bindHook = (kind: 'engine' | 'sandbox', selector: string) => {
    const hookButton = panel.querySelector<HTMLButtonElement>(selector);
    const hook = hooks.get(kind);
    const accepts = (panel.dataset['accepts'] ?? '').split(' ');
    if (!hookButton || !hook || hookButton.dataset['bound'] || !accepts.includes(kind)) return;
    hookButton.dataset['bound'] = '1';
    hookButton.hidden = false;
    hookButton.textContent = hook.label;
    hookButton.addEventListener('click', async () => {
      hookButton.disabled = true;
      try {
        await judge(await hook.get(id), null);
      } finally {
        hookButton.disabled = false;
      }
    });
  };
  const bindHooks = () => {
    bindHook('engine', '[data-check-engine]');
    bindHook('sandbox', '[data-check-sandbox]');
  };
  bindHooks();
  on('layerwise:evidence-sources', bindHooks);
  on('layerwise:progress', showMark);
}

export function bindExercisePanels(): void {
  for (const panel of document.querySelectorAll<HTMLElement>('[data-exercise]')) bindPanel(panel);
}
