/** Save progress to a JSON file and load it back (merged, so nothing done here is lost). */
import {
  exportProgress,
  importProgress,
  isLessonDone,
  mergeProgress,
  type Progress,
} from '../core/progress/index.ts';
import { readProgress, updateProgress } from './progress-store.ts';

interface LessonData {
  id: string;
  exercises: string[];
}

function lessonsOf(panel: HTMLElement): LessonData[] {
  try {
    const data: unknown = JSON.parse(panel.dataset['lessons'] ?? '[]');
    return Array.isArray(data) ? (data as LessonData[]) : [];
  } catch {
    return [];
  }
}

function summary(p: Progress, lessons: LessonData[]): string {
  const done = lessons.filter((l) => isLessonDone(p, l.id, l.exercises)).length;
  const exercises = Object.values(p.exercises);
  const verified = exercises.filter((e) => e.mark === 'verified').length;
  const practised = exercises.filter((e) => e.mark === 'practised').length;
  return `${done} of ${lessons.length} lessons done · ${verified} exercise${verified === 1 ? '' : 's'} verified on your own machine or Docker · ${practised} practised in the browser terminal`;
}

export function bindProgressPanel(): void {
  const panel = document.querySelector<HTMLElement>('[data-progress-panel]');
  const text = panel?.querySelector<HTMLElement>('[data-progress-summary]');
  const status = panel?.querySelector<HTMLElement>('[data-progress-status]');
  const save = panel?.querySelector<HTMLButtonElement>('[data-export]');
  const load = panel?.querySelector<HTMLInputElement>('[data-import]');
  if (!panel || !text || !status || !save || !load) return;
  panel.hidden = false;
  const lessons = lessonsOf(panel);
  text.textContent = summary(readProgress(), lessons);

  save.addEventListener('click', () => {
    const blob = new Blob([exportProgress(readProgress())], { type: 'application/json' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = `layerwise-progress-${new Date().toISOString().slice(0, 10)}.json`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 0);
    status.textContent =
      'Saved. Keep the file; load it here or in another browser to bring your progress back.';
  });

  load.addEventListener('change', async () => {
    const file = load.files?.[0];
    load.value = '';
    if (!file) return;
    const { progress, problem } = importProgress(await file.text());
    if (
      problem &&
      Object.keys(progress.lessons).length + Object.keys(progress.exercises).length === 0
    ) {
      status.textContent = problem;
      return;
    }
    const merged = updateProgress((mine) => mergeProgress(mine, progress));
    text.textContent = summary(merged, lessons);
    status.textContent = problem
      ? `Loaded, with a problem: ${problem}`
      : `Loaded ${file.name}: your progress now includes it.`;
  });
}
