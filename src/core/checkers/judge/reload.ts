/**
 * code-reloaded (lesson 8): a container runs the project's `app` folder through a bind mount with
 * `uvicorn … --reload`; after an edit on the host its log shows the reloader restarting the app, and
 * curl gets the new answer without a build or a new container.
 */
import type { Check } from '../../evidence.ts';
import { COURSE } from '../course.ts';
import type { HttpSeen } from './http.ts';
import { check, notChecked } from '../verdict.ts';

export interface ReloadSeen {
  /** "Started reloader process [1] using StatReload" (or WatchFiles): the container runs with --reload */
  reloader: { name: string; line: number } | null;
  /** "StatReload detected changes in 'app/main.py'. Reloading...": the last one in the log */
  change: { files: string; line: number } | null;
  /** "Application startup complete." after that change: the edited code imported and started */
  restarted: number | null;
  /** an error the log printed after that change (the edited code failed to import) */
  error: { text: string; line: number } | null;
  /** the curl after that change, if any */
  http: HttpSeen | null;
}

const RELOADER = /Started reloader process \[\d+\] using (\w+)/;
const CHANGE = /(\w+) detected changes in (.+?)\. Reloading\.\.\./;
const STARTED = /Application startup complete\./;
const ERROR = /^(?:[A-Za-z_][\w.]*(?:Error|Exception)\b.*|ERROR:\s+.+)$/;
const MOUNT_HINT =
  'Start the container with the app folder mounted and --reload, from the project folder: docker run -d --name demo -p 127.0.0.1:8000:8000 -v "$(pwd)/app:/demo/app" demo-image uvicorn app.main:app --host 0.0.0.0 --port 8000 --reload';

/** What the pasted lines show of the last reload; `http` gives the curl after a (1-based) line. */
export function reloadSeen(
  lines: readonly string[],
  http: (afterLine: number) => HttpSeen | null,
): ReloadSeen {
  let reloader: ReloadSeen['reloader'] = null;
  let change: ReloadSeen['change'] = null;
  let restarted: number | null = null;
  let error: ReloadSeen['error'] = null;
  lines.forEach((raw, i) => {
    const text = raw.replace(/^[\w.-]+\s+\|\s?/, '').trim();
    const line = i + 1;
    const r = RELOADER.exec(text);
    if (r) reloader = { name: r[1]!, line };
    const c = CHANGE.exec(text);
    if (c) {
      change = { files: c[2]!, line };
      restarted = null;
      error = null;
    } else if (change && STARTED.test(text)) {
      restarted = line;
      error = null;
    } else if (change && ERROR.test(text)) {
      error = { text: text.replace(/^ERROR:\s+/, ''), line };
    }
  });
  const after = (change as ReloadSeen['change'])?.line;
  return { reloader, change, restarted, error, http: after === undefined ? null : http(after) };
}

export function judgeReload(seen: ReloadSeen): Check[] {
  const reloader = seen.reloader
    ? check(
        'reloader',
        true,
        `Uvicorn runs with --reload: ${seen.reloader.name} watches the files.`,
        { line: seen.reloader.line },
      )
    : check(
        'reloader',
        false,
        'The log does not show Uvicorn’s reloader (“Started reloader process … using StatReload”).',
        { hint: `${MOUNT_HINT}, then docker logs demo.` },
      );
  if (!seen.change) {
    return [
      reloader,
      check('reloaded', false, 'The log shows no reload: Uvicorn saw no file change.', {
        hint: 'Edit app/main.py in the folder you mounted and save it, then run docker logs demo again. If the edit does not reach the container, check the -v path: it must be the full path of your project’s app folder ("$(pwd)/app" from the project folder).',
      }),
      notChecked('restarted', 'no reload was seen'),
      notChecked('new-answer', 'no reload was seen'),
    ];
  }
  const reloaded = check(
    'reloaded',
    true,
    `Uvicorn saw ${seen.change.files} change and reloaded the app, without a build.`,
    { line: seen.change.line },
  );
  if (seen.restarted === null) {
    return [
      reloader,
      reloaded,
      check(
        'restarted',
        false,
        seen.error
          ? `The edited code did not start: ${seen.error.text}`
          : 'The log does not show the app starting again after the reload (“Application startup complete.”).',
        {
          line: seen.error?.line,
          hint: seen.error
            ? 'Fix app/main.py and save again: Uvicorn retries on every save, the container keeps running.'
            : 'Wait a moment and run docker logs demo again; paste the log from the reload to its end.',
        },
      ),
      notChecked('new-answer', 'the app did not start again'),
    ];
  }
  const restarted = check('restarted', true, 'The app started again with the edited code.', {
    line: seen.restarted,
  });
  return [reloader, reloaded, restarted, answerCheck(seen.http)];
}

function answerCheck(http: HttpSeen | null): Check {
  if (!http)
    return check('new-answer', false, 'There is no curl after the reload.', {
      hint: `Ask the app again: curl http://localhost:${COURSE.hostPort}/`,
    });
  const body = (http.body ?? '').trim();
  const answered = http.error === null && (http.exitCode === null || http.exitCode === 0);
  if (!answered || body === '')
    return check('new-answer', false, 'curl got no answer after the reload.', {
      line: http.line,
      hint: 'Run docker ps to see that the container still runs, and docker logs demo for an error.',
    });
  if (http.status !== null && http.status !== 200)
    return check('new-answer', false, `The app answered with status ${http.status}, not 200.`, {
      line: http.line,
      hint: 'Ask for the root path: curl http://localhost:8000/',
    });
  if (body === COURSE.body)
    return check(
      'new-answer',
      false,
      `The app still answers ${body}, the message before your edit.`,
      {
        line: http.line,
        hint: 'Change the string welcome_root() returns in app/main.py, save, and run curl again.',
      },
    );
  return check('new-answer', true, `The app answers ${body.slice(0, 80)}: your edit, live.`, {
    line: http.line,
  });
}
