"""Imports for one simulated process: its own files (the container's or the laptop's project),
and the stand-ins for the packages its environment has installed. Modules loaded here belong to
the process, so two containers never share an `app.main`."""
import importlib.abc
import importlib.machinery
import os
import sys

STAND_INS = os.path.join(os.path.dirname(os.path.dirname(__file__)), "_stand_ins")
#: top-level module -> the distribution that must be installed for it to import
PROVIDERS = {"fastapi": "fastapi", "pydantic": "pydantic", "starlette": "starlette", "uvicorn": "uvicorn"}


#: (path, source) -> code object: every process imports the stand-ins afresh (its own modules),
#: but compiles each source once; the build's memory snapshot holds the stand-ins' code already
CODE = {}


def precompile():
    """Compiles every stand-in into CODE (for the start-up snapshot)."""
    for folder, _, names in os.walk(STAND_INS):
        for name in names:
            if name.endswith(".py"):
                path = os.path.join(folder, name)
                with open(path, "rb") as f:
                    data = f.read()
                CODE[path, data] = compile(data, path, "exec", dont_inherit=True)


class SourceLoader(importlib.abc.SourceLoader):
    def __init__(self, process, fullname, path, text=None):
        self.process = process
        self.fullname = fullname
        self.path = path
        self.text = text

    def get_filename(self, fullname):
        return self.path

    def get_data(self, path):
        if self.text is not None:
            return self.text.encode("utf-8")
        with open(path, "rb") as f:
            return f.read()

    def path_stats(self, path):
        raise OSError  # no bytecode cache

    def get_code(self, fullname):
        key = (self.path, self.get_data(self.path))
        if key not in CODE:
            # CPython's own get_code: a SyntaxError's traceback keeps its frames
            CODE[key] = super().get_code(fullname)
        return CODE[key]

    def exec_module(self, module):
        self.process.loaded.add(self.fullname)
        super().exec_module(module)


class ProcessFinder(importlib.abc.MetaPathFinder):
    def __init__(self):
        self.process = None

    def find_spec(self, fullname, path=None, target=None):
        process = self.process
        if process is None:
            return None
        name = fullname.rpartition(".")[2]
        for base in path if path is not None else process.roots:
            if base.startswith(STAND_INS):
                return self._stand_in(process, fullname, base, name)
            spec = self._user(process, fullname, f"{base.rstrip('/')}/{name}")
            if spec is not None:
                return spec
        if path is None and PROVIDERS.get(fullname) in process.packages:
            return self._stand_in(process, fullname, STAND_INS, name)
        return None

    def _user(self, process, fullname, base):
        files = process.files
        if f"{base}/__init__.py" in files:
            return self._spec(process, fullname, f"{base}/__init__.py", files, [base])
        if f"{base}.py" in files:
            return self._spec(process, fullname, f"{base}.py", files, None)
        if any(p.startswith(f"{base}/") for p in files):
            spec = importlib.machinery.ModuleSpec(fullname, None, is_package=True)
            spec.submodule_search_locations = [base]
            process.loaded.add(fullname)
            return spec
        return None

    def _spec(self, process, fullname, path, files, package):
        loader = SourceLoader(process, fullname, path, files.get(path) if files else None)
        spec = importlib.machinery.ModuleSpec(fullname, loader, origin=path, is_package=package is not None)
        if package is not None:
            spec.submodule_search_locations = package
        spec.has_location = True
        return spec

    def _stand_in(self, process, fullname, base, name):
        path = os.path.join(base, name)
        if os.path.exists(os.path.join(path, "__init__.py")):
            return self._spec(process, fullname, os.path.join(path, "__init__.py"), None, [path])
        if os.path.exists(path + ".py"):
            return self._spec(process, fullname, path + ".py", None, None)
        return None


finder = ProcessFinder()
if finder not in sys.meta_path:
    sys.meta_path.insert(0, finder)
