import { describe, expect, it } from 'vitest';
import { usePython } from '../python/use-python.ts';
import { demoSandbox } from './helpers.ts';

const FILES = {
  'requirements.txt': 'fastapi\nuvicorn\n',
  'app/main.py':
    'from fastapi import FastAPI\n\napp = FastAPI()\n\n\n@app.get("/")\ndef root():\n    return {"message": "hi"}\n',
  'notes.txt': 'one\ntwo\nthree\n',
};

/** [what, lines run in order, expected output of the last line, expected exit code] */
const CASES: [string, string[], string, number][] = [
  [
    'ls lists names, hidden ones left out',
    ['touch .hidden', 'ls'],
    'app\nnotes.txt\nrequirements.txt\n',
    0,
  ],
  ['ls -a shows dot entries', ['ls -a app'], '.\n..\nmain.py\n', 0],
  ['ls of a missing path', ['ls nope'], "ls: cannot access 'nope': No such file or directory\n", 2],
  [
    'ls -l shows the mode chmod set',
    ['chmod 755 notes.txt', 'ls -l notes.txt'],
    '-rwxr-xr-x 1 learner learner 14 Nov 27 09:00 notes.txt\n',
    0,
  ],
  [
    'chmod symbolic',
    ['chmod u+x,go-r notes.txt', 'ls -l notes.txt'],
    '-rwx------ 1 learner learner 14 Nov 27 09:00 notes.txt\n',
    0,
  ],
  [
    'chmod of a missing file',
    ['chmod 644 nope'],
    "chmod: cannot access 'nope': No such file or directory\n",
    1,
  ],
  ['cat a directory', ['cat app'], 'cat: app: Is a directory\n', 1],
  ['echo with quotes and variables', ['X=world', 'echo "hello $X" \'$X\''], 'hello world $X\n', 0],
  ['$? after a failure', ['ls nope', 'echo $?'], '2\n', 0],
  ['redirect then append', ['echo a > f.txt', 'echo b >> f.txt', 'cat f.txt'], 'a\nb\n', 0],
  [
    'redirect into a missing directory',
    ['echo a > nodir/f.txt'],
    'bash: nodir/f.txt: No such file or directory\n',
    1,
  ],
  ['pipe into grep -c', ['cat notes.txt | grep -c t'], '2\n', 0],
  ['pipe into head -n and tail', ['cat notes.txt | head -n 2 | tail -1'], 'two\n', 0],
  ['wc -l of a file', ['wc -l notes.txt'], '3 notes.txt\n', 0],
  ['grep without a match fails', ['grep zzz notes.txt'], '', 1],
  [
    '&& stops after a failure',
    ['ls nope && echo yes'],
    "ls: cannot access 'nope': No such file or directory\n",
    2,
  ],
  ['|| runs after a failure', ['ls nope 2> /dev/null || echo recovered'], 'recovered\n', 0],
  ['; runs regardless', ['false; echo next'], 'next\n', 0],
  ['mkdir -p and cd', ['mkdir -p a/b/c', 'cd a/b', 'pwd'], '/home/learner/demo/a/b\n', 0],
  [
    'mkdir an existing dir',
    ['mkdir app'],
    'mkdir: cannot create directory ‘app’: File exists\n',
    1,
  ],
  ['cd into a file', ['cd notes.txt'], 'bash: cd: notes.txt: Not a directory\n', 1],
  ['cd ~ goes home', ['cd ~', 'pwd'], '/home/learner\n', 0],
  ['rm a directory without -r', ['rm app'], "rm: cannot remove 'app': Is a directory\n", 1],
  ['rm -r removes a tree', ['rm -r app', 'ls'], 'notes.txt\nrequirements.txt\n', 0],
  ['mv into a directory', ['mv notes.txt app', 'ls app'], 'main.py\nnotes.txt\n', 0],
  [
    'cp without -r omits a directory',
    ['cp app app2'],
    "cp: -r not specified; omitting directory 'app'\n",
    1,
  ],
  [
    'cp -r copies a tree',
    ['cp -r app app2', 'cat app2/main.py | head -1'],
    'from fastapi import FastAPI\n',
    0,
  ],
  [
    'here-document writes a file',
    ["cat > hello.txt <<'EOF'\nline $HOME\nEOF", 'cat hello.txt'],
    'line $HOME\n',
    0,
  ],
  ['here-document with expansion', ['cat <<EOF\n$HOME\nEOF'], '/home/learner\n', 0],
  ['glob expansion', ['ls *.txt'], 'notes.txt\nrequirements.txt\n', 0],
  ['printf', ["printf '%s-%s\\n' a b"], 'a-b\n', 0],
  ['unknown command, in bash words', ['frobnicate'], 'bash: frobnicate: command not found\n', 127],
  [
    'an editor is named as not simulated, pointing to edit',
    ['vim app/main.py'],
    'vim: not simulated in this browser terminal; use "edit FILE" to open a file in the editor.\n',
    127,
  ],
  [
    'a program of a real machine is named as not simulated',
    ['git status'],
    'git: not simulated in this browser terminal; run it in a terminal on your own machine.\n',
    127,
  ],
  ['syntax error', ['ls &&& x'], "bash: syntax error near unexpected token `&'\n", 2],
  ['history is numbered', ['pwd', 'history'], '    1  pwd\n    2  history\n', 0],
];

usePython();

describe('shell commands', () => {
  it.each(CASES)('%s', async (_, lines, output, exitCode) => {
    const { run } = demoSandbox(FILES);
    expect(await run(...lines)).toEqual({ output, exitCode });
  });
});

/** Python on the host: venv, pip, and a server reached with curl (lesson 4). */
const PYTHON: [string, string[], string, number][] = [
  [
    'uvicorn is missing before pip install',
    ['uvicorn app.main:app'],
    'bash: uvicorn: command not found\n',
    127,
  ],
  [
    'venv changes the prompt',
    ['python -m venv .venv', 'source .venv/bin/activate', 'echo $VIRTUAL_ENV'],
    '/home/learner/demo/.venv\n',
    0,
  ],
  [
    "sys.executable is the venv's interpreter",
    [
      'python -m venv .venv',
      '. .venv/bin/activate',
      "python -c 'import sys; print(sys.executable)'",
    ],
    '/home/learner/demo/.venv/bin/python\n',
    0,
  ],
  [
    "sys.executable is Debian's python3 without a venv",
    ["python3 -c 'import sys; print(sys.executable)'"],
    '/usr/bin/python3\n',
    0,
  ],
  // python -m as CPython runs it (runpy): the project's modules and the standard library's.
  [
    'python -m runs a standard-library module',
    ['python3 -m this | head -1'],
    'The Zen of Python, by Tim Peters\n',
    0,
  ],
  [
    'python -m of a missing module',
    ['python3 -m nosuch'],
    '/usr/bin/python3: No module named nosuch\n',
    1,
  ],
  [
    'python -m without a module',
    ['python3 -m'],
    "Argument expected for the -m option\nusage: python3 [option] ... [-c cmd | -m mod | file | -] [arg] ...\nTry `python -h' for more information.\n",
    2,
  ],
  [
    'python -m http.server is not simulated',
    ['python3 -m http.server'],
    'python -m http.server: not simulated in this browser terminal; serve your app with uvicorn, or run it on your own machine.\n',
    2,
  ],
  [
    'pip freeze lists what pip installed',
    [
      'python -m venv .venv',
      '. .venv/bin/activate',
      'pip install fastapi uvicorn > /dev/null',
      'pip freeze | head -3',
    ],
    'annotated-types==0.7.0\nanyio==4.8.0\nclick==8.1.8\n',
    0,
  ],
  [
    'pip install of an unknown package',
    ['pip install nosuchpkg'],
    'ERROR: Could not find a version that satisfies the requirement nosuchpkg (from versions: none)\nERROR: No matching distribution found for nosuchpkg\n',
    1,
  ],
  [
    'pip -r of a missing file',
    ['pip install -r nope.txt'],
    "ERROR: Could not open requirements file: [Errno 2] No such file or directory: 'nope.txt'\n",
    1,
  ],
  [
    'no fastapi command before any install',
    ['fastapi dev'],
    'bash: fastapi: command not found\n',
    127,
  ],
  [
    'plain fastapi asks for [standard]',
    ['pip install fastapi > /dev/null', 'fastapi dev'],
    'To use the fastapi command, please install "fastapi[standard]":\n\n\tpip install "fastapi[standard]"\n\n',
    1,
  ],
  [
    'a background uvicorn answers curl',
    [
      'pip install -r requirements.txt > /dev/null',
      'uvicorn app.main:app --port 8000 &',
      'curl -s localhost:8000/',
    ],
    '{"message":"hi"}',
    0,
  ],
  [
    'uvicorn on the laptop reads an exported UVICORN_PORT',
    [
      'pip install -r requirements.txt > /dev/null',
      'export UVICORN_PORT=9000',
      'uvicorn app.main:app &',
      'curl -s localhost:9000/',
    ],
    '{"message":"hi"}',
    0,
  ],
  [
    'uvicorn with a wrong module',
    ['pip install uvicorn > /dev/null', 'uvicorn app.nope:app'],
    'ERROR:    Error loading ASGI app. Could not import module "app.nope".\n',
    1,
  ],
  [
    'uvicorn with a wrong attribute',
    ['pip install fastapi uvicorn > /dev/null', 'uvicorn app.main:application'],
    'ERROR:    Error loading ASGI app. Attribute "application" not found in module "app.main".\n',
    1,
  ],
  [
    'nothing on the port',
    ['curl -sS localhost:8000'],
    "curl: (7) Failed to connect to localhost port 8000 after 0 ms: Couldn't connect to server\n",
    7,
  ],
  [
    'an unknown host',
    ['curl -sS http://nothere:8000/'],
    'curl: (6) Could not resolve host: nothere\n',
    6,
  ],
];

describe('python on the host', () => {
  it.each(PYTHON)('%s', async (_, lines, output, exitCode) => {
    const { run } = demoSandbox(FILES);
    const result = await run(...lines);
    expect(result).toEqual({ output, exitCode });
  });

  it('pip install "fastapi[standard]" brings the fastapi command, and `fastapi run` serves on 0.0.0.0', async () => {
    const { run } = demoSandbox(FILES);
    await run('pip install "fastapi[standard]"');
    const started = await run('fastapi run &');
    expect(started.output).toContain(
      'Uvicorn running on http://0.0.0.0:8000 (Press CTRL+C to quit)',
    );
    expect(await run('curl -s localhost:8000/openapi.json | grep -c Root')).toEqual({
      output: '1\n',
      exitCode: 0,
    });
  });
});
