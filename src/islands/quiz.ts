/**
 * A lesson's concept check: checks the chosen answers in the page, says each result, and keeps the answers
 * in progress. The questions, their answers and explanations are server-rendered by Quiz.astro; without
 * JavaScript they still read, with each explanation folded in a <details>.
 */
import { recordQuiz } from '../core/progress/index.ts';
import { readProgress, updateProgress } from './progress-store.ts';

export interface Graded {
  correct: number;
  total: number;
  /** question id -> answered right */
  right: Record<string, boolean>;
  /** question ids without an answer, in order */
  missing: string[];
}

/** `key` and `answers` map question ids to choice ids. */
export function grade(key: Record<string, string>, answers: Record<string, string>): Graded {
  const ids = Object.keys(key);
  const right = Object.fromEntries(ids.map((q) => [q, answers[q] === key[q]]));
  return {
    correct: ids.filter((q) => right[q]).length,
    total: ids.length,
    right,
    missing: ids.filter((q) => answers[q] === undefined),
  };
}

export const resultText = (g: Pick<Graded, 'correct' | 'total'>) =>
  g.correct === g.total
    ? `All ${g.total} right.`
    : `${g.correct} of ${g.total} right. Read the explanations, then try again.`;

interface Question {
  id: string;
  field: HTMLFieldSetElement;
  answer: string;
}

function questionsOf(form: HTMLFormElement): Question[] {
  return [...form.querySelectorAll<HTMLFieldSetElement>('fieldset[data-question]')].map(
    (field) => ({
      id: field.dataset['question'] ?? '',
      field,
      answer: field.dataset['answer'] ?? '',
    }),
  );
}

function chosen(q: Question): string | undefined {
  return q.field.querySelector<HTMLInputElement>('input[type="radio"]:checked')?.value;
}

function show(questions: Question[], g: Graded) {
  for (const q of questions) {
    const ok = g.right[q.id] ?? false;
    q.field.classList.toggle('is-right', ok);
    q.field.classList.toggle('is-wrong', !ok);
    const feedback = q.field.querySelector<HTMLElement>('[data-feedback]');
    if (feedback) {
      const letter =
        q.field.querySelector<HTMLElement>(`[data-letter="${q.answer}"]`)?.textContent ?? q.answer;
      feedback.textContent = ok ? '✓ Right.' : `✗ Not quite: the answer is ${letter}.`;
      feedback.hidden = false;
    }
    q.field.querySelector('details')?.setAttribute('open', '');
  }
}

function bindQuiz(form: HTMLFormElement) {
  const quizId = form.dataset['quiz'] ?? '';
  const questions = questionsOf(form);
  const key = Object.fromEntries(questions.map((q) => [q.id, q.answer]));
  const result = form.querySelector<HTMLElement>('[data-quiz-result]');
  form.querySelector<HTMLElement>('[data-quiz-actions]')?.removeAttribute('hidden');

  const saved = readProgress().quizzes[quizId];
  if (saved) {
    for (const q of questions) {
      const input = q.field.querySelector<HTMLInputElement>(
        `input[value="${CSS.escape(saved.answers[q.id] ?? '')}"]`,
      );
      if (input) input.checked = true;
    }
    const g = grade(key, saved.answers);
    show(questions, g);
    if (result) result.textContent = `Your last check: ${resultText(g)}`;
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const answers: Record<string, string> = {};
    for (const q of questions) {
      const value = chosen(q);
      if (value !== undefined) answers[q.id] = value;
    }
    const g = grade(key, answers);
    const first = questions.find((q) => q.id === g.missing[0]);
    if (first) {
      if (result)
        result.textContent = `Choose an answer for question ${questions.indexOf(first) + 1} first.`;
      first.field.querySelector<HTMLInputElement>('input[type="radio"]')?.focus();
      return;
    }
    show(questions, g);
    updateProgress((p) =>
      recordQuiz(p, quizId, answers, g.correct, g.total, new Date().toISOString()),
    );
    if (result) result.textContent = resultText(g);
  });
}

export function bindQuizzes() {
  for (const form of document.querySelectorAll<HTMLFormElement>('form[data-quiz]')) bindQuiz(form);
}
