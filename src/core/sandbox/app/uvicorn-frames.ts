/**
 * Uvicorn's own frames in an import traceback, and importlib's line numbers, as the lab's real
 * images printed them (tests/fixtures/python/real/<tag>/errors-*.json and reload.json; a unit
 * test checks these against the recordings). Per Python version, which on the lab also fixes the
 * Uvicorn version: 3.14 runs uvicorn 0.53.0, 3.13 runs 0.32.0 (the course's pin).
 */
export interface UvicornFrames {
  /** `uvicorn app.main:app` down to `importlib.import_module(module_str)` */
  cli: string;
  /** a `--reload` worker, started by multiprocessing's spawn */
  worker: string;
  /** the frame uvicorn/importer.py adds when it re-raises a ModuleNotFoundError */
  reraise: string;
  /** importlib's frozen frames: `function:line in the browser's CPython 3.14.2` → the line here */
  frozen: Record<string, number>;
}

export const UVICORN_FRAMES: Record<string, UvicornFrames> = {
  '3.14': {
    cli: 'Traceback (most recent call last):\n  File "/usr/bin/uvicorn", line 8, in <module>\n    sys.exit(main())\n             ~~~~^^\n  File "/usr/lib/python3/dist-packages/click/core.py", line 1514, in __call__\n    return self.main(*args, **kwargs)\n           ~~~~~~~~~^^^^^^^^^^^^^^^^^\n  File "/usr/lib/python3/dist-packages/click/core.py", line 1435, in main\n    rv = self.invoke(ctx)\n  File "/usr/lib/python3/dist-packages/click/core.py", line 1298, in invoke\n    return ctx.invoke(self.callback, **ctx.params)\n           ~~~~~~~~~~^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n  File "/usr/lib/python3/dist-packages/click/core.py", line 853, in invoke\n    return callback(*args, **kwargs)\n  File "/usr/lib/python3/dist-packages/uvicorn/main.py", line 448, in main\n    run(\n    ~~~^\n        app,\n        ^^^^\n    ...<49 lines>...\n        reset_contextvars=reset_contextvars,\n        ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n    )\n    ^\n  File "/usr/lib/python3/dist-packages/uvicorn/main.py", line 620, in run\n    config.load_app()\n    ~~~~~~~~~~~~~~~^^\n  File "/usr/lib/python3/dist-packages/uvicorn/config.py", line 434, in load_app\n    return import_from_string(self.app)\n  File "/usr/lib/python3/dist-packages/uvicorn/importer.py", line 19, in import_from_string\n    module = importlib.import_module(module_str)\n',
    worker:
      'Traceback (most recent call last):\n  File "/usr/lib/python3.14/multiprocessing/process.py", line 320, in _bootstrap\n    self.run()\n    ~~~~~~~~^^\n  File "/usr/lib/python3.14/multiprocessing/process.py", line 108, in run\n    self._target(*self._args, **self._kwargs)\n    ~~~~~~~~~~~~^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n  File "/usr/lib/python3/dist-packages/uvicorn/_subprocess.py", line 80, in subprocess_started\n    target(sockets=sockets)\n    ~~~~~~^^^^^^^^^^^^^^^^^\n  File "/usr/lib/python3/dist-packages/uvicorn/server.py", line 86, in run\n    return asyncio_run(self.serve(sockets=sockets), loop_factory=self.config.get_loop_factory())\n  File "/usr/lib/python3.14/asyncio/runners.py", line 205, in run\n    return runner.run(main)\n           ~~~~~~~~~~^^^^^^\n  File "/usr/lib/python3.14/asyncio/runners.py", line 128, in run\n    return self._loop.run_until_complete(task)\n           ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~^^^^^^\n  File "uvloop/loop.pyx", line 1515, in uvloop.loop.Loop.run_until_complete\n  File "/usr/lib/python3/dist-packages/uvicorn/server.py", line 90, in serve\n    await self._serve(sockets)\n  File "/usr/lib/python3/dist-packages/uvicorn/server.py", line 97, in _serve\n    config.load()\n    ~~~~~~~~~~~^^\n  File "/usr/lib/python3/dist-packages/uvicorn/config.py", line 511, in load\n    self.loaded_app = self.load_app()\n                      ~~~~~~~~~~~~~^^\n  File "/usr/lib/python3/dist-packages/uvicorn/config.py", line 434, in load_app\n    return import_from_string(self.app)\n  File "/usr/lib/python3/dist-packages/uvicorn/importer.py", line 19, in import_from_string\n    module = importlib.import_module(module_str)\n',
    reraise:
      '  File "/usr/lib/python3/dist-packages/uvicorn/importer.py", line 22, in import_from_string\n    raise exc from None\n',
    frozen: {
      '_gcd_import:1398': 1406,
      'exec_module:755': 759,
      'get_code:893': 897,
      'source_to_code:823': 827,
      'exec_module:759': 763,
    },
  },
  '3.13': {
    cli: 'Traceback (most recent call last):\n  File "/usr/bin/uvicorn", line 8, in <module>\n    sys.exit(main())\n             ~~~~^^\n  File "/usr/lib/python3/dist-packages/click/core.py", line 1161, in __call__\n    return self.main(*args, **kwargs)\n           ~~~~~~~~~^^^^^^^^^^^^^^^^^\n  File "/usr/lib/python3/dist-packages/click/core.py", line 1082, in main\n    rv = self.invoke(ctx)\n  File "/usr/lib/python3/dist-packages/click/core.py", line 1443, in invoke\n    return ctx.invoke(self.callback, **ctx.params)\n           ~~~~~~~~~~^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n  File "/usr/lib/python3/dist-packages/click/core.py", line 788, in invoke\n    return __callback(*args, **kwargs)\n  File "/usr/lib/python3/dist-packages/uvicorn/main.py", line 412, in main\n    run(\n    ~~~^\n        app,\n        ^^^^\n    ...<45 lines>...\n        h11_max_incomplete_event_size=h11_max_incomplete_event_size,\n        ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n    )\n    ^\n  File "/usr/lib/python3/dist-packages/uvicorn/main.py", line 579, in run\n    server.run()\n    ~~~~~~~~~~^^\n  File "/usr/lib/python3/dist-packages/uvicorn/server.py", line 65, in run\n    return asyncio.run(self.serve(sockets=sockets))\n           ~~~~~~~~~~~^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n  File "/usr/lib/python3.13/asyncio/runners.py", line 195, in run\n    return runner.run(main)\n           ~~~~~~~~~~^^^^^^\n  File "/usr/lib/python3.13/asyncio/runners.py", line 118, in run\n    return self._loop.run_until_complete(task)\n           ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~^^^^^^\n  File "uvloop/loop.pyx", line 1518, in uvloop.loop.Loop.run_until_complete\n  File "/usr/lib/python3/dist-packages/uvicorn/server.py", line 69, in serve\n    await self._serve(sockets)\n  File "/usr/lib/python3/dist-packages/uvicorn/server.py", line 76, in _serve\n    config.load()\n    ~~~~~~~~~~~^^\n  File "/usr/lib/python3/dist-packages/uvicorn/config.py", line 434, in load\n    self.loaded_app = import_from_string(self.app)\n                      ~~~~~~~~~~~~~~~~~~^^^^^^^^^^\n  File "/usr/lib/python3/dist-packages/uvicorn/importer.py", line 19, in import_from_string\n    module = importlib.import_module(module_str)\n',
    worker:
      'Traceback (most recent call last):\n  File "/usr/lib/python3.13/multiprocessing/process.py", line 313, in _bootstrap\n    self.run()\n    ~~~~~~~~^^\n  File "/usr/lib/python3.13/multiprocessing/process.py", line 108, in run\n    self._target(*self._args, **self._kwargs)\n    ~~~~~~~~~~~~^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n  File "/usr/lib/python3/dist-packages/uvicorn/_subprocess.py", line 80, in subprocess_started\n    target(sockets=sockets)\n    ~~~~~~^^^^^^^^^^^^^^^^^\n  File "/usr/lib/python3/dist-packages/uvicorn/server.py", line 65, in run\n    return asyncio.run(self.serve(sockets=sockets))\n           ~~~~~~~~~~~^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n  File "/usr/lib/python3.13/asyncio/runners.py", line 195, in run\n    return runner.run(main)\n           ~~~~~~~~~~^^^^^^\n  File "/usr/lib/python3.13/asyncio/runners.py", line 118, in run\n    return self._loop.run_until_complete(task)\n           ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~^^^^^^\n  File "uvloop/loop.pyx", line 1518, in uvloop.loop.Loop.run_until_complete\n  File "/usr/lib/python3/dist-packages/uvicorn/server.py", line 69, in serve\n    await self._serve(sockets)\n  File "/usr/lib/python3/dist-packages/uvicorn/server.py", line 76, in _serve\n    config.load()\n    ~~~~~~~~~~~^^\n  File "/usr/lib/python3/dist-packages/uvicorn/config.py", line 434, in load\n    self.loaded_app = import_from_string(self.app)\n                      ~~~~~~~~~~~~~~~~~~^^^^^^^^^^\n  File "/usr/lib/python3/dist-packages/uvicorn/importer.py", line 19, in import_from_string\n    module = importlib.import_module(module_str)\n',
    reraise:
      '  File "/usr/lib/python3/dist-packages/uvicorn/importer.py", line 22, in import_from_string\n    raise exc from None\n',
    frozen: {
      '_gcd_import:1398': 1387,
      '_find_and_load:1371': 1360,
      '_find_and_load_unlocked:1342': 1331,
      '_load_unlocked:938': 935,
      'exec_module:755': 1022,
      'get_code:893': 1160,
      'source_to_code:823': 1090,
      '_call_with_frames_removed:491': 488,
      'exec_module:759': 1026,
    },
  },
};
