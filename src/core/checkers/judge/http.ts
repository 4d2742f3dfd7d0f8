/**
 * app-reachable and demo-app-runs, judged alike from a pasted curl and from the verifier's own GET.
 * Both become HttpSeen first.
 */
import type { Check } from '../../evidence.ts';
import type { CurlError } from '../../docker-output/index.ts';
import { COURSE } from '../course.ts';
import { check, notChecked } from '../verdict.ts';

export interface HttpSeen {
  ok: boolean;
  exitCode: number | null;
  status: number | null;
  body: string | null;
  error: CurlError;
  /** where the request went, when known, e.g. http://localhost:8000/ */
  url?: string | null;
  /** the status line, else the error, else the first line curl printed */
  line?: number | undefined;
  /** the body's first line, when the input had one */
  bodyLine?: number | undefined;
}

/** Where the app runs: in a container (app-reachable) or straight on the machine (demo-app-runs). */
export type Setting = 'container' | 'host';

const target = (seen: HttpSeen) => seen.url ?? `http://localhost:${COURSE.hostPort}/`;

/** FastAPI's answer for a path it has no route for, which is all curl shows without -i. */
const NOT_FOUND_BODY = '{"detail":"Not Found"}';
const ROOT_PATH_HINT = `Ask for the root path: curl -i http://localhost:${COURSE.hostPort}/`;

const CONNECT_HINTS: Record<Setting, Partial<Record<NonNullable<CurlError>, string>>> = {
  container: {
    refused: `Nothing listens on that host port. Check that the container runs (docker ps), that it was started with -p ${COURSE.hostPort}:${COURSE.containerPort}, and that you ask the host port: the number before the colon.`,
    reset: `Docker published the port, but nothing answered inside the container on port ${COURSE.containerPort}. Usually the app listens on 127.0.0.1, which only the container itself can reach: start uvicorn with --host 0.0.0.0 in the Dockerfile's CMD, rebuild, and run the container again. docker logs shows “Uvicorn running on http://127.0.0.1:8000” when this is the cause. The other cause is publishing the wrong container port (-p 8000:80 instead of -p 8000:8000).`,
    timeout:
      'Nothing answered in time. Ask http://localhost:8000/ rather than another address, and check that no firewall or VPN sits in between.',
    resolve:
      'curl could not find that host name. Check the spelling of the address: http://localhost:8000/',
  },
  host: {
    refused:
      'Nothing listens on port 8000 yet. Start the app in one terminal (uvicorn app.main:app --reload, or fastapi dev app/main.py), leave it running, and run curl in a second terminal.',
    reset:
      'The connection was cut before an answer. Restart the app (Ctrl+C, then uvicorn app.main:app --reload) and try again.',
    timeout:
      'Nothing answered in time. Is the app stuck at startup? Look at the terminal where it runs.',
    resolve:
      'curl could not find that host name. Check the spelling of the address: http://localhost:8000/',
  },
};

/** How a change to app/main.py reaches the app that answered. */
const CHANGED_HINTS: Record<Setting, string> = {
  container:
    'A container runs the code its image was built with: after a change, rebuild the image and run a new container.',
  host: 'uvicorn --reload picks up a saved change by itself; without --reload, stop the app (Ctrl+C) and start it again.',
};

/** Who asked: the learner's curl, or Layerwise's own request to the published port. */
export type Client = 'curl' | 'Layerwise';

const FAILURE: Record<NonNullable<CurlError>, (who: Client) => string> = {
  refused: (who) => `${who} could not connect: the connection was refused`,
  'empty-reply': (who) =>
    `${who} connected, but the server closed the connection without answering`,
  reset: (who) => `${who} connected, but the connection was reset before any answer`,
  timeout: (who) => `${who} gave up waiting: the connection timed out`,
  resolve: (who) => `${who} could not resolve the host name`,
  other: (who) => `${who} failed`,
};

export function judgeHttp(seen: HttpSeen, setting: Setting, who: Client = 'curl'): Check[] {
  const line = seen.line;
  // An HTTP answer with an error status is still an answer: curl exited 0.
  const answered =
    seen.ok ||
    (seen.error === null &&
      (seen.exitCode === null || seen.exitCode === 0) &&
      (seen.status !== null || seen.body !== null));
  if (!answered) {
    const error = seen.error ?? 'other';
    const code = seen.exitCode === null ? '' : ` (curl exit code ${seen.exitCode})`;
    const key = error === 'empty-reply' ? 'reset' : error;
    return [
      check('connected', false, `${FAILURE[error](who)} at ${target(seen)}${code}.`, {
        line,
        hint:
          CONNECT_HINTS[setting][key] ??
          'Run curl -v http://localhost:8000/ to see where it stops.',
      }),
      notChecked('status-ok', 'there was no answer'),
      notChecked('body', 'there was no answer'),
    ];
  }
  return [
    check('connected', true, `${who} got an answer from ${target(seen)}.`, { line }),
    statusCheck(seen),
    bodyCheck(seen, setting),
  ];
}

function statusCheck(seen: HttpSeen): Check {
  const line = seen.line;
  if (seen.status === null) {
    const bodyLine = seen.bodyLine ?? line;
    if ((seen.body ?? '').trim() === NOT_FOUND_BODY)
      return check(
        'status-ok',
        false,
        `The app answered ${NOT_FOUND_BODY}: FastAPI’s 404, it has no route at that path.`,
        { line: bodyLine, hint: ROOT_PATH_HINT },
      );
    return check('status-ok', true, 'It answered (run curl -i to see the status line too).', {
      line: bodyLine,
    });
  }
  if (seen.status === 200) return check('status-ok', true, 'The status is 200 OK.', { line });
  if (seen.status === 404) {
    return check(
      'status-ok',
      false,
      'The app answered 404 Not Found: it has no route at that path.',
      { line, hint: ROOT_PATH_HINT },
    );
  }
  if (seen.status === 405) {
    return check(
      'status-ok',
      false,
      'The app answered 405 Method Not Allowed: curl -I sends a HEAD request, and this route answers only GET.',
      {
        line,
        hint: `Use curl -i (small i): it sends GET and shows the headers too: curl -i http://localhost:${COURSE.hostPort}/`,
      },
    );
  }
  return check('status-ok', false, `The answer's status is ${seen.status}, not 200.`, {
    line,
    hint:
      seen.status >= 500
        ? 'The app failed while answering: its log (docker logs, or the terminal where it runs) shows the traceback.'
        : undefined,
  });
}

function bodyCheck(seen: HttpSeen, setting: Setting): Check {
  const body = (seen.body ?? '').trim();
  const line = seen.bodyLine ?? seen.line;
  if (seen.status === 404 || body === NOT_FOUND_BODY)
    return notChecked('body', 'the path does not exist in the app', seen.bodyLine);
  if (seen.status === 405) return notChecked('body', 'a HEAD request gets no body', line);
  if (body === COURSE.body)
    return check('body', true, `The app answered ${body}: a JSON string, quotes included.`, {
      line,
    });
  if (/^"(?:[^"\\]|\\.)*"$/.test(body)) {
    return check('body', true, `The app answered ${body}: your own message, as a JSON string.`, {
      line,
    });
  }
  if (body === '') {
    return check('body', false, 'The answer has no body.', {
      line,
      hint: 'A HEAD request (curl -I) has none; use curl -i to see headers and body.',
    });
  }
  if (/^\s*</.test(body)) {
    return check(
      'body',
      false,
      'The answer is an HTML page, not the app’s JSON: another program answers on that port.',
      {
        line,
        hint: 'Find what else uses the port, or publish the container on another one: -p 8080:8000, then curl http://localhost:8080/',
      },
    );
  }
  return check(
    'body',
    false,
    `The app answered ${body.slice(0, 80)}, not the JSON string ${COURSE.body}.`,
    {
      line,
      hint: `Check what welcome_root() returns in app/main.py. ${CHANGED_HINTS[setting]}`,
    },
  );
}
