/**
 * What the browser's Python cannot run: packages beyond the standard library and the stand-ins
 * (anything compiled, or not in the browser's CPython), and FastAPI features the stand-ins lack.
 * The container or server fails visibly with this one line; real Docker runs the code.
 */
import { gap } from '../not-simulated.ts';

const ON_DOCKER = 'real Docker on your machine will run it';

export const PYTHON_GAP = {
  module: gap(
    'python',
    'Python packages other than fastapi, pydantic, starlette and uvicorn',
    ON_DOCKER,
  ),
  construct: gap(
    'python',
    'FastAPI features beyond routes, parameters, bodies and responses (Depends, middleware, lifespan, forms, files, websockets)',
    ON_DOCKER,
  ),
  server: gap(
    'python',
    'servers other than uvicorn (python -m http.server, …)',
    'serve your app with uvicorn, or run it on your own machine',
  ),
  keyboard: gap(
    'python',
    "reading the keyboard at Python's prompt (input(), help())",
    'give the value in the code, or help(NAME) for one object',
  ),
  longRun: gap(
    'python',
    "Ctrl+C while Python runs (the browser's Python shares the page's thread)",
    'code running longer than 10 s, at the prompt or in a script, is stopped as Ctrl+C would stop it',
  ),
  noPython: gap(
    'python',
    'Python, when the browser cannot load it',
    'reload the page, or run it on your own Docker',
  ),
} as const;

export const PYTHON_GAPS = Object.values(PYTHON_GAP);
