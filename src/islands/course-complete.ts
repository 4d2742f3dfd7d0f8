/** The course's end page: each exercise with where the learner proved it, and a count. */
import type { Progress } from '../core/progress/index.ts';
import { on } from './lib/events.ts';
import { proofOf } from './proof-text.ts';
import { readProgress } from './progress-store.ts';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function show(p: Progress, items: HTMLElement[], summary: HTMLElement) {
  let verified = 0;
  let practised = 0;
  for (const item of items) {
    const id = item.dataset['completeExercise'] ?? '';
    const entry = p.exercises[id];
    const proof = proofOf(entry, (item.dataset['accepts'] ?? '').split(' ').includes('engine'));
    const out = item.querySelector<HTMLElement>('[data-proof]');
    if (out) {
      out.textContent = proof.text;
      out.hidden = false;
      out.classList.toggle('complete-proof--done', proof.done);
    }
    if (entry?.mark === 'verified') verified++;
    else if (entry?.mark === 'practised') practised++;
  }
  const total = items.length;
  summary.textContent =
    verified === total
      ? `All ${total} exercises are verified on your own machine or Docker.`
      : `${verified} of ${total} exercises verified on your own machine or Docker` +
        (practised
          ? `, ${plural(practised, 'exercise', 'exercises')} practised in the browser terminal only`
          : '') +
        '. Each one links to its panel.';
}

export function bindCourseComplete(): void {
  const items = [...document.querySelectorAll<HTMLElement>('[data-complete-exercise]')];
  const summary = document.querySelector<HTMLElement>('[data-exercise-summary]');
  if (!summary || items.length === 0) return;
  show(readProgress(), items, summary);
  on('layerwise:progress', (p) => show(p, items, summary));
}
